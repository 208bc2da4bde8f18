package org.strata.app.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strata.app.canvas.LiveIndicator;
import org.strata.app.i18n.Messages;
import org.strata.engine.train.TrainingEvent;

/** Turns a run's per-layer history into the canvas's live indicators: spread of activations and health. */
public final class LiveIndicators {
    /** The sparkline shows at most this many latest points. */
    private static final int SPARK_POINTS = 60;

    private LiveIndicators() {
    }

    /**
     * @return one indicator per layer the history has seen, except the Input {@code inputId} (its data does not
     *     change while the network learns)
     */
    public static Map<String, LiveIndicator> of(LayerHistory history, String inputId, java.util.Set<String> frozen) {
        Map<String, LiveIndicator> out = new LinkedHashMap<>();
        for (String id : history.layers()) {
            if (id.equals(inputId)) continue;
            List<LayerHistory.Point> points = history.of(id);
            List<LayerHistory.Point> last = points.subList(Math.max(0, points.size() - SPARK_POINTS), points.size());
            double[] trend = last.stream().mapToDouble(LayerHistory.Point::std).toArray();
            TrainingEvent.LayerStats s = history.latest(id);
            LayerHealth health = LayerHealth.of(s, frozen.contains(id));
            String text = Messages.get("live.tooltip", String.format("%.3g", s.activationMean()),
                    String.format("%.3g", s.activationStd()),
                    s.paramNorm() == 0 ? "–" : String.format("%.2e", s.updateRatio()), health.text());
            String style = health == LayerHealth.NEUTRAL || health == LayerHealth.FROZEN ? ""
                    : health.name().toLowerCase(java.util.Locale.ROOT);
            out.put(id, new LiveIndicator(trend, style, text));
        }
        return out;
    }
}
