package org.strata.engine.analysis;

import java.util.List;
import java.util.Map;

/**
 * A one-click repair a {@link Problem} offers: set some parameters of a node or of the project's dataset.
 *
 * @param code    a stable name of the kind of fix ({@code fix.units}) with {@code args} the values its text names,
 *                so a user interface can say it in another language
 * @param args    the values the text names, in a fixed order per code
 * @param english the fix in English, as a button would say it ("Set the units of dense2 to 3")
 * @param target  what the values are set on
 * @param nodeId  the node to change (for {@link Target#NODE}), else null
 * @param values  parameter name → new value, in the types {@link org.strata.engine.params.Params} holds
 */
public record Fix(String code, List<Object> args, String english, Target target, String nodeId,
                  Map<String, Object> values) {

    /** Where a fix's values go. */
    public enum Target { NODE, DATASET }

    /** Every code, with the number of values its text names. */
    public static final Map<String, Integer> CODES = Map.of(
            "fix.inputShape", 1,  // the shape
            "fix.units", 2,       // layer name, units
            "fix.loss", 1,        // loss
            "fix.metric", 1,      // metric
            "fix.labelColumn", 1, // column
            "fix.vocabulary", 1,  // tokens
            "fix.untie", 1);      // layer name

    public Fix {
        args = List.copyOf(args);
        if (!Integer.valueOf(args.size()).equals(CODES.get(code))) {
            throw new IllegalArgumentException(code + " with " + args.size() + " values");
        }
        values = Map.copyOf(values);
        if ((target == Target.NODE) != (nodeId != null)) throw new IllegalArgumentException("node fix needs a node");
    }

    static Fix node(String nodeId, Map<String, Object> values, String code, String english, Object... args) {
        return new Fix(code, List.of(args), english, Target.NODE, nodeId, values);
    }

    /** A fix that sets parameters of the project's dataset. */
    public static Fix dataset(Map<String, Object> values, String code, String english, Object... args) {
        return new Fix(code, List.of(args), english, Target.DATASET, null, values);
    }
}
