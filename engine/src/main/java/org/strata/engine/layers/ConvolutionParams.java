package org.strata.engine.layers;

import org.strata.engine.params.ParamSpec;

/**
 * The parameters the convolution layers share (Conv1D, Conv2D, DepthwiseConv2D, ConvTranspose2D), declared once so
 * that a label, range or description cannot drift between them. What differs per layer (Conv1D's step counts, the
 * transposed convolution's stride and padding) stays in its own file.
 */
final class ConvolutionParams {
    /** Output channels. */
    static final ParamSpec FILTERS = ParamSpec.integer("filters", "Filters", 32, 1, 100_000,
            "Number of output channels");
    /** A 2-D filter's height × width. */
    static final ParamSpec KERNEL_2D = ParamSpec.tuple("kernel", "Kernel size", new int[]{3, 3}, 1, 1000,
            "Filter height × width");
    /** A 2-D convolution's step, one pixel by default. */
    static final ParamSpec STRIDE_2D = ParamSpec.tuple("stride", "Stride", new int[]{1, 1}, 1, 1000,
            "Step between positions");
    /** An image convolution's padding, valid by default. */
    static final ParamSpec PADDING_2D = ParamSpec.choice("padding", "Padding", Padding.VALID,
            "valid: no padding, the image shrinks; same: zero-pad to keep H/s × W/s");
    /** The function applied to each output, ReLU by default. */
    static final ParamSpec ACTIVATION = ParamSpec.choice("activation", "Activation", ActivationFn.RELU,
            "Function applied to each output");
    /** A bias per filter. */
    static final ParamSpec BIAS_PER_FILTER = ParamSpec.bool("useBias", "Use bias", true,
            "Add a learned bias per filter");

    private ConvolutionParams() {
    }
}
