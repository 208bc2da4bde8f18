package org.strata.app.palette;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;
import org.strata.engine.layers.LayerType;

/**
 * A vector icon per layer type (scales cleanly on a projector), one entry per type of the catalogue, looked up by
 * the type's id. There is no default: a type without an entry fails {@code LayerIconsTest}.
 */
public final class LayerIcons {
    private static final Map<String, Ikon> BY_TYPE = Map.ofEntries(
            entry("Input", MaterialDesignL.LOGIN_VARIANT),
            entry("Output", MaterialDesignT.TARGET),
            entry("Dense", MaterialDesignG.GRAPH_OUTLINE),
            entry("Activation", MaterialDesignF.FUNCTION_VARIANT),
            entry("Conv2D", MaterialDesignG.GRID),
            entry("DepthwiseConv2D", MaterialDesignG.GRID_LARGE),
            entry("ConvTranspose2D", MaterialDesignA.ARROW_EXPAND),
            entry("Conv1D", MaterialDesignW.WAVEFORM),
            entry("MaxPool1D", MaterialDesignA.ARROW_COLLAPSE_HORIZONTAL),
            entry("AvgPool1D", MaterialDesignA.ARROW_COLLAPSE_HORIZONTAL),
            entry("MaxPool2D", MaterialDesignA.ARROW_COLLAPSE_ALL),
            entry("AvgPool2D", MaterialDesignA.ARROW_COLLAPSE_ALL),
            entry("GlobalAvgPool", MaterialDesignA.ARROW_COLLAPSE_ALL),
            entry("GlobalMaxPool", MaterialDesignA.ARROW_COLLAPSE_ALL),
            entry("Flatten", MaterialDesignD.DOTS_HORIZONTAL),
            entry("Reshape", MaterialDesignV.VIEW_GRID_OUTLINE),
            entry("Dropout", MaterialDesignD.DICE_5_OUTLINE),
            entry("BatchNorm", MaterialDesignS.SCALE_BALANCE),
            entry("LayerNorm", MaterialDesignT.TUNE_VARIANT),
            entry("Add", MaterialDesignC.CALL_MERGE),
            entry("Subtract", MaterialDesignM.MINUS_CIRCLE_OUTLINE),
            entry("Multiply", MaterialDesignC.CLOSE_CIRCLE_OUTLINE),
            entry("Concatenate", MaterialDesignC.CALL_SPLIT),
            entry("ZeroPadding2D", MaterialDesignB.BORDER_OUTSIDE),
            entry("UpSampling2D", MaterialDesignA.ARROW_EXPAND_ALL),
            entry("LSTM", MaterialDesignR.REPEAT),
            entry("GRU", MaterialDesignS.SYNC),
            entry("SimpleRNN", MaterialDesignR.REPLAY),
            entry("MultiHeadAttention", MaterialDesignE.EYE_OUTLINE),
            entry("Embedding", MaterialDesignT.TABLE),
            entry("PositionalEncoding", MaterialDesignS.SINE_WAVE),
            entry("PositionEmbedding", MaterialDesignT.TABLE_ARROW_RIGHT));

    private LayerIcons() {
    }

    /**
     * @return the icon for a layer type of the catalogue
     * @throws IllegalArgumentException for a type without an entry here (the guard test keeps there being none)
     */
    public static Ikon of(LayerType t) {
        return find(t.id()).orElseThrow(() -> new IllegalArgumentException(
                "no icon for layer type " + t.id() + "; add one to LayerIcons"));
    }

    /** @return the icon of the type with that id, if it has one */
    static Optional<Ikon> find(String typeId) {
        return Optional.ofNullable(BY_TYPE.get(typeId));
    }

    /** @return every type id with an icon */
    static Set<String> typeIds() {
        return BY_TYPE.keySet();
    }
}
