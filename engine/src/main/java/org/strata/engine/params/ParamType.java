package org.strata.engine.params;

/** The kinds of value a parameter can hold; each maps to one editor in the inspector and one JSON type. */
public enum ParamType {
    /** A whole number within a range. JSON number. */
    INT,
    /** A real number within a range. JSON number. */
    DOUBLE,
    /** true/false. JSON boolean. */
    BOOLEAN,
    /** One of a fixed list of strings. JSON string. */
    CHOICE,
    /** A fixed-length list of whole numbers, e.g. a kernel size. JSON array of numbers. */
    INT_TUPLE,
    /** Free text. JSON string. */
    STRING,
    /** The name of a column in the dataset's file (an editor offers the file's header). JSON string. */
    COLUMN,
    /** A file's path, stored relative to the project file. JSON string. */
    PATH,
    /** A folder's path, stored relative to the project file. JSON string. */
    FOLDER;

    /** @return whether values are paths (files or folders), kept relative to the project file */
    public boolean isPath() {
        return this == PATH || this == FOLDER;
    }
}
