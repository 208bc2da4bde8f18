package org.strata.engine.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.strata.engine.train.RunProgress;

/**
 * Checks the numbers of a {@code checkpoint.json} before a run goes on from them: each field in its range and
 * consistent with the others and with the curves recorded so far (a checkpoint edited or damaged by hand must not
 * give a run that claims 100 epochs with 3 rows). A message names the file, the field, its value and the fix.
 */
final class CheckpointFields {
    private static final String FIX = ": the checkpoint is damaged; train afresh without --resume";
    /** The most epochs a run may train: the training settings' limit. */
    private static final long MAX_EPOCHS = 100_000;

    private CheckpointFields() {
    }

    /** @return where the run stood, every field checked */
    static RunProgress progress(Path json, JsonNode o) throws IOException {
        int epochs = (int) whole(json, o, "epochs", 1, MAX_EPOCHS);
        int done = (int) whole(json, o, "epochsDone", 1, MAX_EPOCHS);
        if (done > epochs) {
            throw wrong(json, "epochsDone is " + done + ", more than the " + epochs + " epochs the run trains (epochs)");
        }
        long iterations = whole(json, o, "iterations", 0, Long.MAX_VALUE);
        if (iterations < done) {
            throw wrong(json, "iterations is " + iterations + ", fewer than the " + done + " epochs done (epochsDone)"
                    + ": each epoch takes at least one step");
        }
        int bestEpoch = o.hasNonNull("bestEpoch") ? (int) whole(json, o, "bestEpoch", 0, MAX_EPOCHS) : 0;
        if (bestEpoch > done) {
            throw wrong(json, "bestEpoch is " + bestEpoch + ", after the " + done + " epochs done (epochsDone)");
        }
        double bestLoss = Double.POSITIVE_INFINITY;
        if (o.hasNonNull("bestLoss")) {
            JsonNode v = o.get("bestLoss");
            if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < 0) {
                throw wrong(json, "bestLoss is " + shown(v) + " where a loss (a finite number from 0) belongs");
            }
            bestLoss = v.asDouble();
        }
        if (bestEpoch > 0 && !Double.isFinite(bestLoss)) {
            throw wrong(json, "bestEpoch is " + bestEpoch + " but bestLoss, that epoch's loss, is missing");
        }
        curves(json, o.get("curves"), done, iterations);
        return new RunProgress(done, iterations, epochs, bestEpoch, bestLoss);
    }

    /** A file the checkpoint names must be the one written after {@code epochsDone} epochs. */
    static void file(Path json, JsonNode o, String field, String prefix, String suffix, int epochsDone)
            throws IOException {
        String name = o.path(field).asText();
        if (!o.path(field).isTextual() || !name.equals(prefix + epochsDone + suffix)) {
            throw wrong(json, field + " is " + shown(o.path(field)) + " where the file written after epoch "
                    + epochsDone + " (" + prefix + epochsDone + suffix + ") belongs");
        }
    }

    /** The curves: one row per epoch done, numbered 1 on, each with a finite learning rate above 0. */
    private static void curves(Path json, JsonNode c, int done, long iterations) throws IOException {
        if (c == null || !c.isObject()) throw wrong(json, "curves is " + shown(c) + " where the curves belong");
        JsonNode rows = c.get("epochs");
        if (rows == null || !rows.isArray() || rows.size() != done) {
            throw wrong(json, "curves.epochs holds " + (rows == null || !rows.isArray() ? "no list" : rows.size()
                    + " row(s)") + " but epochsDone is " + done + ": there must be one row per epoch done");
        }
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            String at = "curves.epochs[" + i + "]";
            if (!row.isArray() || row.size() < 9) throw wrong(json, at + " is " + shown(row) + ", not an epoch's row");
            if (!row.get(0).isIntegralNumber() || row.get(0).asLong() != i + 1) {
                throw wrong(json, at + " is for epoch " + shown(row.get(0)) + " where epoch " + (i + 1) + " belongs");
            }
            JsonNode rate = row.get(6);
            if (!rate.isNumber() || !Double.isFinite(rate.asDouble()) || rate.asDouble() <= 0) {
                throw wrong(json, at + "'s learning rate is " + shown(rate) + " where a finite number above 0 "
                        + "belongs");
            }
            for (int k = 2; k < 9; k++) {
                if (k != 6 && !row.get(k).isNumber() && !row.get(k).isNull()) {
                    throw wrong(json, at + " holds " + shown(row.get(k)) + " where a number belongs");
                }
            }
        }
        for (String key : new String[]{"loss", "validation", "metric"}) {
            JsonNode points = c.get(key);
            if (points == null || points.isNull()) continue;
            if (!points.isArray()) throw wrong(json, "curves." + key + " is " + shown(points) + ", not a list of points");
            for (int i = 0; i < points.size(); i++) {
                JsonNode p = points.get(i);
                boolean ok = p.isArray();
                for (int k = 0; ok && k < p.size(); k++) ok = p.get(k).isNumber() || p.get(k).isNull();
                if (!ok) throw wrong(json, "curves." + key + "[" + i + "] is " + shown(p) + ", not a point");
            }
        }
        JsonNode seconds = c.get("seconds");
        if (seconds != null && (!seconds.isNumber() || !(seconds.asDouble() >= 0) || !Double.isFinite(seconds.asDouble()))) {
            throw wrong(json, "curves.seconds is " + shown(seconds) + " where the seconds trained (0 or more) belong");
        }
        long before = 0; // the steps of the kept runs this one continues (the window's Train after a run)
        JsonNode earlier = c.get("iterationsBefore");
        if (earlier != null && (!earlier.isIntegralNumber() || earlier.asLong() < 0)) {
            throw wrong(json, "curves.iterationsBefore is " + shown(earlier) + " where a whole number from 0 belongs");
        } else if (earlier != null) {
            before = earlier.asLong();
        }
        JsonNode last = c.get("lastIteration");
        if (last != null && (!last.isIntegralNumber() || last.asLong() < 0 || last.asLong() - before > iterations)) {
            throw wrong(json, "curves.lastIteration is " + shown(last) + " where a step from 0 to iterations ("
                    + iterations + (before == 0 ? "" : ", after the " + before + " of the runs it continues")
                    + ") belongs");
        }
    }

    private static long whole(Path json, JsonNode o, String field, long min, long max) throws IOException {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) throw wrong(json, field + " is missing");
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            throw wrong(json, field + " is " + shown(v) + " where a whole number from " + min
                    + (max == Long.MAX_VALUE ? " up" : " to " + max) + " belongs");
        }
        return v.asLong();
    }

    private static String shown(JsonNode v) {
        if (v == null || v.isMissingNode()) return "missing";
        if (v.isTextual()) return "the text \"" + clip(v.asText()) + "\"";
        if (v.isArray()) return "a list of " + v.size();
        if (v.isObject()) return "an object";
        return clip(v.toString());
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static IOException wrong(Path json, String what) {
        return new IOException(json + ": its field " + what + FIX);
    }
}
