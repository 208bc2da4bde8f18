package org.strata.engine.export.escape;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Python identifiers for a model's ids (layer names in {@code model.py}, tensor names in ONNX): any id, in any
 * script or with any symbol, gets a valid ASCII name that is the same every time the same ids are exported, unique
 * among them, and never a keyword, a builtin, an attribute of {@code nn.Module} or a name of its own file. Generated
 * code keeps the original id beside the name (a comment, or a dictionary of names).
 *
 * <p>Ids of letters, digits and underscores keep their name. Accents are dropped ({@code café} → {@code cafe}),
 * other letters become their code points ({@code 隐藏层} → {@code u9690_u85cf_u5c42}), every run of other characters
 * one underscore; a name starting with a digit, empty, or taken by Python gets {@code layer_} before it; a name
 * already given gets {@code _2}, {@code _3}…; a very long one is cut and ends with its id's hash. A name never
 * holds two underscores in a row, so {@code name + "__q"} never meets another layer's name.
 */
public final class PythonNames {
    /** The longest name given (before a {@code _2} for a repeat). */
    public static final int MAX = 48;

    /** Python's keywords and soft keywords, its builtins and the attributes of a PyTorch {@code nn.Module}. */
    public static final Set<String> PYTHON = java.util.Arrays.stream(("False None True and as assert async await "
            + "break case class continue def del elif else except finally for from global if import in is lambda match nonlocal not or "
            + "pass raise return try type while with yield abs aiter all anext any ascii bin bool breakpoint "
            + "bytearray bytes callable chr classmethod compile complex copyright credits delattr dict dir divmod "
            + "enumerate eval exec exit filter float format frozenset getattr globals hasattr hash help hex id input "
            + "int isinstance issubclass iter len license list locals map max memoryview min next object oct open "
            + "ord pow print property quit range repr reversed round set setattr slice sorted staticmethod str sum "
            + "super tuple vars zip self Ellipsis NotImplemented add_module apply bfloat16 buffers children cpu cuda "
            + "double dump_patches eval extra_repr forward get_buffer get_extra_state get_parameter get_submodule "
            + "half ipu load_state_dict modules named_buffers named_children named_modules named_parameters "
            + "parameters register_backward_hook register_buffer register_forward_hook register_forward_pre_hook "
            + "register_full_backward_hook register_load_state_dict_post_hook register_module register_parameter "
            + "requires_grad_ set_extra_state share_memory state_dict to to_empty train training xpu zero_grad "
            + "T_destination").split(" ")).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Set<String> reserved;
    private final Set<String> taken;

    /**
     * Names {@code ids} in their order (an earlier id keeps the plain name when two map alike).
     *
     * @param reserved names no id may take besides {@link #PYTHON} (the generated file's own globals and locals)
     */
    public PythonNames(Collection<String> ids, Set<String> reserved) {
        this.reserved = new HashSet<>(PYTHON);
        this.reserved.addAll(reserved);
        taken = new HashSet<>(this.reserved);
        for (String id : ids) name(id);
    }

    /** @return the name of {@code id}, given now if it has none yet (after every id given before it) */
    public String name(String id) {
        String given = names.get(id);
        if (given != null) return given;
        String base = identifier(id, reserved);
        String name = base;
        for (int n = 2; taken.contains(name); n++) name = base + "_" + n;
        taken.add(name);
        names.put(id, name);
        return name;
    }

    /** @return every id named so far and its name, in the order named */
    public Map<String, String> all() {
        return java.util.Collections.unmodifiableMap(names);
    }

    /**
     * @return a valid ASCII Python identifier made from {@code id} alone (not made unique), not in {@code reserved}
     */
    public static String identifier(String id, Set<String> reserved) {
        String folded = Normalizer.normalize(id, Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '_')) {
                b.append((char) c);
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue; // an accent folded off its letter
            } else if (Character.isLetterOrDigit(c)) {
                b.append("_u").append(Integer.toHexString(c)).append('_');
            } else {
                b.append('_');
            }
        }
        String s = b.toString().replaceAll("_+", "_").replaceAll("^_|_$", "");
        if (s.length() > MAX) {
            String hash = Integer.toHexString(id.hashCode());
            s = s.substring(0, MAX - 1 - hash.length()).replaceAll("_$", "") + "_" + hash;
        }
        if (s.isEmpty()) return "layer";
        if (Character.isDigit(s.charAt(0)) || reserved.contains(s)) return "layer_" + s;
        return s;
    }
}
