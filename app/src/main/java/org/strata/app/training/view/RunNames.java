package org.strata.app.training.view;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.strata.app.i18n.Catalogue;
import org.strata.app.i18n.Messages;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.Params;
import org.strata.engine.runs.RunRecord;

/**
 * A kept run as a chart's legend names it: the time it started and how its settings differ from the project's
 * now ("run at 14:05: learning rate 0.03"), which is what a class compares; its id said neither.
 */
final class RunNames {
    /** At most this many differences are named; more end in "…". */
    private static final int NAMED = 2;

    private RunNames() {
    }

    static String overlay(RunRecord run, Params current) {
        List<String> differ = new ArrayList<>();
        for (ParamSpec spec : current.table().specs()) {
            if (!spec.appliesTo(current)) continue;
            String then = run.settings().get(spec.name());
            if (then == null || same(then, current.get(spec.name()))) continue;
            differ.add(Catalogue.label(current.table().owner(), spec).toLowerCase(Messages.locale()) + " " + then);
        }
        String what = differ.isEmpty() ? Messages.get("chart.runSame")
                : String.join(", ", differ.subList(0, Math.min(NAMED, differ.size())))
                        + (differ.size() > NAMED ? ", …" : "");
        return Messages.get("chart.runOverlay", time(run.started()), what);
    }

    /** Whether a setting kept as text equals the value now (0.030 is 0.03). */
    private static boolean same(String then, Object now) {
        if (now instanceof Number n) {
            try {
                return Double.parseDouble(then) == n.doubleValue();
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return then.equals(String.valueOf(now));
    }

    private static String time(String iso) {
        try {
            return ZonedDateTime.parse(iso).format(DateTimeFormatter.ofPattern("HH:mm"));
        } catch (RuntimeException e) {
            return iso;
        }
    }
}
