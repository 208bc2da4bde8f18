package org.strata.app.scale;

import java.util.ArrayList;
import java.util.List;
import org.strata.app.i18n.Catalogue;
import org.strata.app.i18n.Messages;
import org.strata.engine.analysis.MemoryEstimate;
import org.strata.engine.analysis.ScaleLines;
import org.strata.engine.analysis.ScaleEstimate;
import org.strata.engine.analysis.SummaryTable;
import org.strata.engine.text.Message;

/**
 * What the scale view says about the network its sliders give, in the window's language: the lines {@code strata
 * summary} prints ({@link ScaleLines}), each memory line marked with whether it fits in this machine's memory, this
 * machine's memory and speed (measured, or being measured), and the time to train here and on the assumed GPU.
 */
public final class ScaleTexts {
    private ScaleTexts() {
    }

    /** How a line is marked. */
    public enum Mark { NONE, LARGE, FITS, TOO_LARGE }

    /**
     * A line of the view.
     *
     * @param id   a name for tests and styles ("parameters", "memory-train", …)
     * @param text the text in the window's language
     * @param mark how it is marked
     */
    public record Line(String id, String text, Mark mark) {
    }

    /** @return the lines for the model's network as it is now */
    public static List<Line> of(ScaleModel m) {
        ScaleEstimate s = m.estimate();
        List<Message> said = ScaleLines.forWindow(s, m.batch(), m.optimizer());
        List<Line> out = new ArrayList<>();
        out.add(new Line("parameters", Catalogue.message(said.get(0)), s.large() ? Mark.LARGE : Mark.NONE));
        out.add(memory("memory-run", said.get(1), m.runFits()));
        out.add(memory("memory-train", said.get(2), m.trainFits()));
        out.add(new Line("machine-memory", Messages.get("scale.machineMemory",
                MemoryEstimate.bytes(m.machineBytes())), Mark.NONE));
        out.add(new Line("flops", Catalogue.message(said.get(3)), Mark.NONE));
        out.add(new Line("tokens", Catalogue.message(said.get(4)), Mark.NONE));
        double flops = m.machineFlopsProperty().get();
        out.add(new Line("time-here", m.speedFailed() ? Messages.get("scale.speed.failed")
                : Double.isNaN(flops) ? Messages.get("scale.speed.measuring")
                : Messages.get("scale.train.here",
                        Catalogue.message(ScaleLines.durationMessage(m.secondsHere())), ScaleLines.rate(flops),
                        MachineSpeed.SIZE.layers(), MachineSpeed.SIZE.width()), Mark.NONE));
        out.add(new Line("time-gpu", Catalogue.message(said.get(5)), Mark.NONE));
        return out;
    }

    private static Line memory(String id, Message line, boolean fits) {
        return new Line(id, Catalogue.message(line) + " " + Messages.get(fits ? "scale.fits" : "scale.tooLarge"),
                fits ? Mark.FITS : Mark.TOO_LARGE);
    }

    /** @return the curve's caption: what it shows across which slider */
    public static String curveTitle(ScaleModel m) {
        return Messages.get("scale.curve", m.batch(), label(m.movedProperty().get()));
    }

    /** @return bytes as the lines write them: "474 MB" */
    public static String bytes(long b) {
        return MemoryEstimate.bytes(b);
    }

    /** @return a slider's name */
    public static String label(ScaleModel.Dimension d) {
        return Messages.get("scale." + d.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** @return a slider's value as shown beside it: "50,257" */
    public static String value(int v) {
        return SummaryTable.group(v);
    }
}
