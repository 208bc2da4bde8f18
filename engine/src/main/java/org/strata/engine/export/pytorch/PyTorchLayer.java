package org.strata.engine.export.pytorch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one layer writes into model.py, as a {@link PyTorchLayers} emitter returns it; {@link PyTorchExport} places
 * each part.
 *
 * @param forward the layer's expression in forward()
 * @param modules its lines in {@code __init__} (the module attributes), unindented
 * @param load    its lines in load_weights (Strata's arrays into PyTorch's), unindented
 * @param save    its lines in save_weights (back), unindented
 * @param drawn   the arrays init_weights draws as Strata does: the array's name in weights.npz ("W", "b_reverse")
 *                to where it sits after {@code net.<name>} (".weight", "__q.bias", "" for a parameter that is the
 *                layer); an array not named here keeps PyTorch's own start
 * @param zeroed  parameters after {@code net.<name>} that init_weights sets to zero besides (PyTorch's second bias)
 */
record PyTorchLayer(String forward, List<String> modules, List<String> load, List<String> save,
                    Map<String, String> drawn, List<String> zeroed) {
    PyTorchLayer {
        modules = List.copyOf(modules);
        load = List.copyOf(load);
        save = List.copyOf(save);
        drawn = Map.copyOf(drawn);
        zeroed = List.copyOf(zeroed);
    }

    /** @return a layer that is an expression alone: no module, no weights */
    static PyTorchLayer expression(String forward) {
        return new PyTorchLayer(forward, List.of(), List.of(), List.of(), Map.of(), List.of());
    }

    /** @return a layer being written for the node */
    static Builder of(PyTorchNode node) {
        return new Builder(node);
    }

    /** Collects one layer's lines; {@link #forward} makes the value. Local to one emitter call. */
    static final class Builder {
        private final PyTorchNode node;
        private final List<String> modules = new ArrayList<>();
        private final List<String> load = new ArrayList<>();
        private final List<String> save = new ArrayList<>();
        private final Map<String, String> drawn = new LinkedHashMap<>();
        private final List<String> zeroed = new ArrayList<>();

        private Builder(PyTorchNode node) {
            this.node = node;
        }

        /** A line of __init__, {@link String#format} in the root locale. */
        Builder module(String format, Object... args) {
            modules.add(String.format(Locale.ROOT, format, args));
            return this;
        }

        /**
         * One of Strata's arrays and the PyTorch parameter it becomes, declared once for load_weights,
         * save_weights and init_weights (which draws it as Strata does).
         *
         * @param array     its name in weights.npz after {@code <id>/}
         * @param attribute where it sits after {@code net.<name>}
         * @param toTorch   appended to the array to make PyTorch's layout (".T"), or ""
         * @param toStrata  appended to PyTorch's parameter to make Strata's layout back, or ""
         * @param layout    Strata's layout, said in a comment where it differs, or ""
         */
        Builder drawn(String array, String attribute, String toTorch, String toStrata, String layout) {
            drawn.put(array, attribute);
            return kept(array, attribute, toTorch, toStrata, layout);
        }

        /** An array loaded and saved as {@link #drawn} but left to PyTorch's own start (a scale, a statistic). */
        Builder kept(String array, String attribute) {
            return kept(array, attribute, "", "", "");
        }

        private Builder kept(String array, String attribute, String toTorch, String toStrata, String layout) {
            String param = "net." + node.name() + attribute;
            String key = "w[\"" + node.key() + "/" + array + "\"]";
            load.add("put(" + param + ", " + key + toTorch + ")" + (layout.isEmpty() ? "" : "  # " + layout));
            save.add(key + " = get(" + param + ")" + toStrata);
            return this;
        }

        /** An array that init_weights draws though load and save write it their own way (see {@link #load}). */
        Builder drawnOnly(String array, String attribute) {
            drawn.put(array, attribute);
            return this;
        }

        /** A parameter after {@code net.<name>} that init_weights sets to zero. */
        Builder zeroed(String attribute) {
            zeroed.add(attribute);
            return this;
        }

        /** A line of load_weights, {@link String#format} in the root locale. */
        Builder load(String format, Object... args) {
            load.add(String.format(Locale.ROOT, format, args));
            return this;
        }

        /** A line of save_weights, {@link String#format} in the root locale. */
        Builder save(String format, Object... args) {
            save.add(String.format(Locale.ROOT, format, args));
            return this;
        }

        /** @return the layer, {@code expression} being its value in forward() */
        PyTorchLayer forward(String expression) {
            return new PyTorchLayer(expression, modules, load, save, drawn, zeroed);
        }
    }
}
