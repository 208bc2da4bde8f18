package org.strata.engine.layers;

/** Palette groups. */
public enum Category {
    INPUT_OUTPUT("Input & output"),
    CORE("Core"),
    CONVOLUTION("Convolution"),
    SHAPE("Shape"),
    NORMALIZATION("Normalization & regularization"),
    MERGE("Merge"),
    SEQUENCE("Sequence");

    private final String title;

    Category(String title) {
        this.title = title;
    }

    /** @return the palette heading */
    public String title() {
        return title;
    }
}
