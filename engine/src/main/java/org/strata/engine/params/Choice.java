package org.strata.engine.params;

/**
 * A value of a CHOICE parameter as code sees it: an enum whose constants each carry the key written in project
 * files. Code branches on the constant, never on the string (see {@link Params#getChoice}).
 */
public interface Choice {
    /** @return the key in project files and in the parameter's choices ("same", "leaky_relu") */
    String key();

    /** @return the keys of every constant of {@code type}, in declaration order, for {@link ParamSpec#choice} */
    static <E extends Enum<E> & Choice> java.util.List<String> keys(Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(Choice::key).toList();
    }

    /**
     * @return the constant of {@code type} whose key is {@code key}
     * @throws IllegalArgumentException naming the key and the allowed ones
     */
    static <E extends Enum<E> & Choice> E of(Class<E> type, String key) {
        for (E e : type.getEnumConstants()) if (e.key().equals(key)) return e;
        throw new IllegalArgumentException("'" + key + "' is not one of " + keys(type));
    }
}
