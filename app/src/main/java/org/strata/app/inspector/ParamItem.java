package org.strata.app.inspector;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;
import org.strata.app.i18n.Catalogue;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.Params;

/**
 * One parameter of a table ({@link ParamSpec}) as a ControlsFX property-sheet row. Reading goes to the current
 * {@link Params}; writing goes through a callback that runs a document command and may refuse the value.
 */
final class ParamItem implements PropertySheet.Item {
    private final ParamSpec spec;
    private final String owner;
    private final String category;
    private final Supplier<Params> params;
    private final Consumer<Object> write;
    private final boolean editable;

    /**
     * @param owner    the owner of the spec's table, for its texts ({@link org.strata.engine.params.ParamTable#owner()})
     * @param editable false shows the value without letting it change (while a training run is active)
     */
    ParamItem(ParamSpec spec, String owner, String category, Supplier<Params> params, Consumer<Object> write,
              boolean editable) {
        this.editable = editable;
        this.spec = spec;
        this.owner = owner;
        this.category = category;
        this.params = params;
        this.write = write;
    }

    ParamSpec spec() {
        return spec;
    }

    /** @return the owner of the spec's table, for its texts */
    String owner() {
        return owner;
    }

    @Override
    public Class<?> getType() {
        return switch (spec.type()) {
            case INT -> Integer.class;
            case DOUBLE -> Double.class;
            case BOOLEAN -> Boolean.class;
            default -> String.class;
        };
    }

    @Override
    public String getCategory() {
        return category;
    }

    @Override
    public String getName() {
        return Catalogue.label(owner, spec);
    }

    @Override
    public String getDescription() {
        String range = spec.min() == null ? "" : " (" + num(spec.min()) + " – " + num(spec.max()) + ")";
        return Catalogue.description(owner, spec) + range;
    }

    @Override
    public Object getValue() {
        Object v = params.get().get(spec.name());
        return switch (spec.type()) {
            case INT_TUPLE -> tupleText(v);
            case DOUBLE -> v instanceof Number n ? n.doubleValue() : v;
            default -> v;
        };
    }

    @Override
    public void setValue(Object value) {
        if (java.util.Objects.equals(value, getValue())) return; // editors echo the value they were given
        if (spec.type() == org.strata.engine.params.ParamType.INT_TUPLE) {
            write.accept(parseTuple(String.valueOf(value)));
        } else if (spec.type() == org.strata.engine.params.ParamType.INT && value instanceof Number n) {
            write.accept(n.intValue());
        } else {
            write.accept(value);
        }
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.empty();
    }

    /** Tuples show as {@code 3×3} and are typed as {@code 3x3}, {@code 3, 3} or {@code 3 3}. */
    static String tupleText(Object v) {
        if (!(v instanceof List<?> l)) return String.valueOf(v);
        return l.stream().map(String::valueOf).collect(Collectors.joining("×"));
    }

    static Object parseTuple(String text) {
        String[] parts = text.trim().split("\\s*[×xX,; ]\\s*");
        try {
            return Arrays.stream(parts).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
        } catch (NumberFormatException e) {
            return text; // the table's check refuses it with the expected form
        }
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    @Override
    public boolean isEditable() {
        return editable;
    }
}
