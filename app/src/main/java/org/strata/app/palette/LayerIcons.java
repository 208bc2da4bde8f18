package org.strata.app.palette;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;
import org.strata.engine.layers.LayerType;

/** A vector icon per layer type (scales cleanly on a projector). */
public final class LayerIcons {
    private LayerIcons() {
    }

    /** @return the icon for a layer type, by its category when the type has none of its own */
    public static Ikon of(LayerType t) {
        return switch (t.id()) {
            case "Input" -> MaterialDesignL.LOGIN_VARIANT;
            case "Output" -> MaterialDesignT.TARGET;
            case "Dense" -> MaterialDesignG.GRAPH_OUTLINE;
            case "Activation" -> MaterialDesignF.FUNCTION_VARIANT;
            case "Conv2D" -> MaterialDesignG.GRID;
            case "DepthwiseConv2D" -> MaterialDesignG.GRID_LARGE;
            case "ConvTranspose2D" -> MaterialDesignA.ARROW_EXPAND;
            case "Conv1D" -> org.kordamp.ikonli.materialdesign2.MaterialDesignW.WAVEFORM;
            case "MaxPool1D", "AvgPool1D" -> MaterialDesignA.ARROW_COLLAPSE_HORIZONTAL;
            case "MaxPool2D", "AvgPool2D", "GlobalAvgPool", "GlobalMaxPool" -> MaterialDesignA.ARROW_COLLAPSE_ALL;
            case "Flatten" -> MaterialDesignD.DOTS_HORIZONTAL;
            case "Reshape" -> MaterialDesignV.VIEW_GRID_OUTLINE;
            case "Dropout" -> MaterialDesignD.DICE_5_OUTLINE;
            case "BatchNorm" -> MaterialDesignS.SCALE_BALANCE;
            case "LayerNorm" -> MaterialDesignT.TUNE_VARIANT;
            case "Add" -> MaterialDesignC.CALL_MERGE;
            case "Subtract" -> MaterialDesignM.MINUS_CIRCLE_OUTLINE;
            case "Multiply" -> MaterialDesignC.CLOSE_CIRCLE_OUTLINE;
            case "Concatenate" -> MaterialDesignC.CALL_SPLIT;
            case "ZeroPadding2D" -> MaterialDesignB.BORDER_OUTSIDE;
            case "UpSampling2D" -> MaterialDesignA.ARROW_EXPAND_ALL;
            case "LSTM" -> MaterialDesignR.REPEAT;
            case "GRU" -> MaterialDesignS.SYNC;
            case "SimpleRNN" -> MaterialDesignR.REPLAY;
            case "MultiHeadAttention" -> org.kordamp.ikonli.materialdesign2.MaterialDesignE.EYE_OUTLINE;
            case "Embedding" -> MaterialDesignT.TABLE;
            case "PositionalEncoding" -> MaterialDesignS.SINE_WAVE;
            case "PositionEmbedding" -> MaterialDesignT.TABLE_ARROW_RIGHT;
            default -> MaterialDesignS.SHAPE_OUTLINE;
        };
    }
}
