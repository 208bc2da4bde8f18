package org.strata.app.window;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.strata.app.i18n.Messages;
import org.strata.engine.runtime.ComputeDevice;
import org.strata.engine.runtime.NativeSetup;

/**
 * The status bar's device item: where training computes ("CPU (oneDNN AVX-512)" or the GPU's name), known once ND4J
 * has loaded; with the reason in its tooltip, and marked, when a GPU was asked for and cannot be used.
 */
final class DeviceLabel {
    private DeviceLabel() {
    }

    /** Fills {@code label} if ND4J has loaded; else leaves it empty (the window refreshes it when it has). */
    static void refresh(Label label) {
        var engine = NativeSetup.warmUp();
        label.getStyleClass().remove("status-warning");
        if (!engine.isDone() || engine.isCompletedExceptionally()) {
            label.setText("");
            label.setTooltip(null);
            return;
        }
        label.setText(Messages.get("status.device", NativeSetup.activeDevice()));
        ComputeDevice.Decision d = ComputeDevice.current();
        boolean noGpu = d != null && !d.problem().isEmpty();
        label.setTooltip(noGpu ? new Tooltip(Messages.get("status.device.noGpu", d.problem())) : null);
        if (noGpu && d.refused()) label.getStyleClass().add("status-warning");
    }
}
