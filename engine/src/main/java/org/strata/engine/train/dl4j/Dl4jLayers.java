package org.strata.engine.train.dl4j;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.layers.Conv2DLayer;
import org.strata.engine.layers.GlobalPoolLayer;
import org.strata.engine.layers.LayerType;
import org.strata.engine.layers.LossFn;
import org.strata.engine.layers.MergeLayer;
import org.strata.engine.layers.Pool2DLayer;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.layers.Weight;
import org.strata.engine.params.Params;

/**
 * How Deeplearning4j runs each layer type of the catalogue: one entry per type, looked up by the type's id. It runs
 * every type, so a type missing here fails {@code BackendMappingTest}.
 */
public final class Dl4jLayers {

    /**
     * Where one of the catalogue's weights sits in Deeplearning4j and how its layout converts.
     *
     * @param key        the parameter's key in DL4J's layer ("W", "RW")
     * @param toExport   DL4J's array to the catalogue's layout
     * @param fromExport the catalogue's layout to DL4J's array
     */
    public record Param(String key, UnaryOperator<INDArray> toExport, UnaryOperator<INDArray> fromExport) {
        /** The same name and layout; a vector, which DL4J keeps as a row [1, n], is [n] in the catalogue. */
        static Param same(Weight w) {
            if (w.shape().length == 1) {
                return new Param(key(w.name()), a -> a.reshape(a.length()), a -> a.reshape(1, a.length()));
            }
            return new Param(key(w.name()), a -> a, a -> a);
        }

        /**
         * @return the key DL4J keeps a catalogue array under in a layer of Strata's own: its name without
         * underscores ("W_reverse" is "Wreverse"), because DL4J splits "layer_key" at the last underscore
         */
        static String key(String name) {
            return name.replace("_", "");
        }
    }

    /**
     * One layer type's mapping.
     *
     * @param add    adds a node of the type to the DL4J configuration (see {@link Dl4jContext#alias} for fusing)
     * @param params weights stored under another key or layout than the catalogue's, by weight name
     */
    record Mapping(BiConsumer<Node, Dl4jContext> add, Map<String, Param> params) {
        Mapping(BiConsumer<Node, Dl4jContext> add) {
            this(add, Map.of());
        }
    }

    /** Deeplearning4j's LSTM and SimpleRnn, and Strata's unrolled layer after them, keep U as "RW". */
    private static final Map<String, Param> RECURRENT_KEYS = Map.of("U", keyed("RW"), "U_reverse",
            keyed(RecurrentDl4j.key("U", org.strata.engine.layers.RecurrentLayer.REVERSE)));

    private static final Map<String, Mapping> BY_TYPE = Map.ofEntries(
            Map.entry("Input", new Mapping((n, ctx) -> {
                // Inputs are declared by the compiler, which knows their order.
            })),
            Map.entry("Output", new Mapping(Dl4jLayers::output)),
            Map.entry("Dense", new Mapping(Dl4jLayers::dense)),
            Map.entry("Activation", new Mapping((n, ctx) -> ctx.addLayer(n.id(), new ActivationLayer.Builder()
                    .activation(Dl4jFunctions.activation(n.type().outputActivation(n.params()))).build(),
                    ctx.inputs(n)))),
            Map.entry("Conv2D", new Mapping(Dl4jLayers::conv2d, Map.of("W", new Param("W",
                    // DL4J keeps [out, in, kH, kW]; the catalogue [kH, kW, in, out], like the channels-last data.
                    a -> a.permute(2, 3, 1, 0).dup('c'), a -> a.permute(3, 2, 0, 1).dup('c'))))),
            Map.entry("Conv1D", new Mapping(Dl4jLayers::conv1d)),
            Map.entry("DepthwiseConv2D", new Mapping(Dl4jLayers::depthwise)),
            Map.entry("ConvTranspose2D", new Mapping(Dl4jLayers::deconv)),
            Map.entry("MaxPool1D", new Mapping(Dl4jLayers::pool1d)),
            Map.entry("AvgPool1D", new Mapping(Dl4jLayers::pool1d)),
            Map.entry("MaxPool2D", new Mapping(Dl4jLayers::pool)),
            Map.entry("AvgPool2D", new Mapping(Dl4jLayers::pool)),
            Map.entry("GlobalAvgPool", new Mapping(Dl4jLayers::globalPool)),
            Map.entry("GlobalMaxPool", new Mapping(Dl4jLayers::globalPool)),
            Map.entry("Flatten", new Mapping(Dl4jLayers::flatten)),
            Map.entry("Reshape", new Mapping(Dl4jLayers::reshape)),
            // DL4J takes the probability of keeping a value.
            Map.entry("Dropout", new Mapping((n, ctx) -> ctx.addLayer(n.id(),
                    new DropoutLayer.Builder(1.0 - n.params().getDouble("rate")).build(), ctx.inputs(n)))),
            Map.entry("BatchNorm", new Mapping(Dl4jLayers::batchNorm)),
            Map.entry("LayerNorm", new Mapping((n, ctx) -> ctx.addLayer(n.id(), new LayerNormDl4j(
                    ctx.inputShapes(n).get(0).channels(), n.params().getDouble("epsilon")), ctx.inputs(n)))),
            Map.entry("Add", new Mapping(Dl4jLayers::merge)),
            Map.entry("Subtract", new Mapping(Dl4jLayers::merge)),
            Map.entry("Multiply", new Mapping(Dl4jLayers::merge)),
            Map.entry("Concatenate", new Mapping(Dl4jLayers::merge)),
            Map.entry("ZeroPadding2D", new Mapping((n, ctx) -> {
                int[] pad = n.params().getTuple("padding");
                ctx.addLayer(n.id(), new org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer.Builder(pad[0], pad[0],
                        pad[1], pad[1]).dataFormat(CNN2DFormat.NHWC).build(), ctx.inputs(n));
            })),
            Map.entry("UpSampling2D", new Mapping((n, ctx) -> ctx.addLayer(n.id(),
                    new org.deeplearning4j.nn.conf.layers.Upsampling2D.Builder().size(n.params().getTuple("size"))
                            .dataFormat(CNN2DFormat.NHWC).build(), ctx.inputs(n)))),
            Map.entry("PositionalEncoding", new Mapping((n, ctx) -> {
                TensorShape x = ctx.inputShapes(n).get(0);
                ctx.addLayer(n.id(), new PositionalEncodingDl4j(x.dim(0), x.dim(1)), ctx.inputs(n));
            })),
            Map.entry("PositionEmbedding", new Mapping((n, ctx) -> {
                TensorShape x = ctx.inputShapes(n).get(0);
                ctx.addLayer(n.id(), new PositionEmbeddingDl4j(x.dim(0), x.dim(1),
                        org.strata.engine.layers.WeightInit.of(n.params()).key()), ctx.inputs(n));
            })),
            Map.entry("LSTM", new Mapping(Dl4jLayers::lstm, RECURRENT_KEYS)),
            Map.entry("GRU", new Mapping(Dl4jLayers::unrolled, RECURRENT_KEYS)),
            Map.entry("SimpleRNN", new Mapping(Dl4jLayers::simpleRnn, RECURRENT_KEYS)),
            Map.entry("MultiHeadAttention", new Mapping((n, ctx) -> {
                TensorShape x = ctx.inputShapes(n).get(0);
                Params p = n.params();
                ctx.addLayer(n.id(), new AttentionDl4j(x.dim(1), x.dim(0), p.getInt("heads"), p.getInt("keySize"),
                        p.getBool("causal"), ctx.readsPadding(n), org.strata.engine.layers.WeightInit.of(p).key()),
                        ctx.inputs(n));
            })),
            Map.entry("Embedding", new Mapping(Dl4jLayers::embedding, Map.of("E", keyed("W")))));

    private Dl4jLayers() {
    }

    /** @return every type id mapped here (a test checks each is in the catalogue) */
    public static java.util.Set<String> typeIds() {
        return new java.util.TreeSet<>(BY_TYPE.keySet());
    }

    /** @return whether Deeplearning4j has a mapping for the type with this id */
    public static boolean maps(String typeId) {
        return BY_TYPE.containsKey(typeId);
    }

    static Mapping of(LayerType type) {
        Mapping m = BY_TYPE.get(type.id());
        if (m == null) throw new IllegalStateException("no Deeplearning4j mapping for layer type " + type.id());
        return m;
    }

    /** @return where weight {@code w} of {@code node} sits in DL4J */
    public static Param param(Node node, Weight w) {
        return of(node.type()).params().getOrDefault(w.name(), Param.same(w));
    }

    private static Param keyed(String key) {
        return new Param(key, a -> a, a -> a);
    }

    private static void output(Node node, Dl4jContext ctx) {
        if (ctx.isAliased(node)) return; // fused into the Dense before it
        LossFn loss = LossFn.of(node.params());
        Node producer = ctx.producer(node, 0);
        ActivationFn before = producer.type().outputActivation(producer.params());
        ActivationFn own = loss.alreadySquashed(before) ? ActivationFn.IDENTITY : loss.squash();
        TensorShape in = ctx.inputShapes(node).get(0);
        if (org.strata.engine.layers.OutputLayerType.perStep(in)) { // a class at every step, [batch, T, K]
            ctx.addLayer(node.id(), new PerTokenLossDl4j(in.dim(0), Dl4jFunctions.activation(own)), ctx.inputs(node));
            return;
        }
        ctx.addLayer(node.id(), new LossLayer.Builder(Dl4jFunctions.loss(loss))
                .activation(Dl4jFunctions.activation(own)).build(), ctx.inputs(node));
    }

    private static void dense(Node node, Dl4jContext ctx) {
        Params p = node.params();
        long nIn = ctx.inputShapes(node).get(0).size();
        ActivationFn activation = org.strata.engine.layers.DenseLayer.activation(p);
        boolean bias = org.strata.engine.layers.DenseLayer.useBias(p);
        TensorShape x = ctx.inputShapes(node).get(0);
        if (x.kind() == TensorShape.Kind.SEQUENCE) { // the same layer on every step
            ctx.addLayer(node.id(), new PerStepDl4j(new DenseLayer.Builder().nIn(x.channels()).nOut(p.getInt("units"))
                    .weightInit(Dl4jFunctions.init(org.strata.engine.layers.WeightInit.of(p)))
                    .activation(Dl4jFunctions.activation(activation)).hasBias(bias).build()), ctx.inputs(node));
            return;
        }
        Optional<Node> output = ctx.soleOutputConsumer(node);
        if (output.isPresent()) {
            // Fused with the loss, as DL4J's OutputLayer: one layer, and the stable softmax+cross-entropy gradient.
            LossFn loss = LossFn.of(output.get().params());
            ctx.addLayer(node.id(), new OutputLayer.Builder(Dl4jFunctions.loss(loss)).nIn(nIn).nOut(p.getInt("units"))
                    .weightInit(Dl4jFunctions.init(org.strata.engine.layers.WeightInit.of(p)))
                    .activation(Dl4jFunctions.activation(loss.activationAfter(activation))).hasBias(bias).build(),
                    ctx.inputs(node));
            ctx.alias(output.get(), node.id());
            return;
        }
        ctx.addLayer(node.id(), new DenseLayer.Builder().nIn(nIn).nOut(p.getInt("units"))
                .weightInit(Dl4jFunctions.init(org.strata.engine.layers.WeightInit.of(p)))
                .activation(Dl4jFunctions.activation(activation)).hasBias(bias).build(), ctx.inputs(node));
    }

    private static void conv2d(Node node, Dl4jContext ctx) {
        Params p = node.params();
        int[] k = p.getTuple("kernel");
        ctx.addLayer(node.id(), new ConvolutionLayer.Builder(k[0], k[1]).stride(p.getTuple("stride"))
                .dilation(p.getTuple("dilation"))
                .nIn(ctx.inputShapes(node).get(0).channels()).nOut(p.getInt("filters"))
                .weightInit(Dl4jFunctions.init(org.strata.engine.layers.WeightInit.of(p)))
                .convolutionMode(Dl4jFunctions.mode(Conv2DLayer.padding(p))).dataFormat(CNN2DFormat.NHWC)
                .activation(Dl4jFunctions.activation(org.strata.engine.layers.DenseLayer.activation(p)))
                .hasBias(org.strata.engine.layers.DenseLayer.useBias(p)).build(), ctx.inputs(node));
    }

    private static void depthwise(Node node, Dl4jContext ctx) {
        Params p = node.params();
        int[] k = p.getTuple("kernel");
        long c = ctx.inputShapes(node).get(0).channels();
        ctx.addLayer(node.id(), new org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D.Builder(k[0], k[1])
                .stride(p.getTuple("stride")).depthMultiplier(p.getInt("multiplier")).nIn(c)
                .nOut(c * p.getInt("multiplier"))
                .weightInit(Dl4jFunctions.init(org.strata.engine.layers.WeightInit.of(p)))
                .convolutionMode(Dl4jFunctions.mode(Conv2DLayer.padding(p))).dataFormat(CNN2DFormat.NHWC)
                .activation(Dl4jFunctions.activation(org.strata.engine.layers.DenseLayer.activation(p)))
                .hasBias(org.strata.engine.layers.DenseLayer.useBias(p)).build(), ctx.inputs(node));
    }

    private static void deconv(Node node, Dl4jContext ctx) {
        Params p = node.params();
        TensorShape out = ctx.outputShape(node);
        ctx.addLayer(node.id(), new ConvTranspose2DDl4j(ctx.inputShapes(node).get(0).channels(), p.getInt("filters"),
                p.getTuple("kernel"), p.getTuple("stride"), Conv2DLayer.padding(p) == org.strata.engine.layers.Padding.SAME,
                out.dim(0), out.dim(1), org.strata.engine.layers.DenseLayer.useBias(p),
                Dl4jFunctions.named(org.strata.engine.layers.DenseLayer.activation(p)),
                org.strata.engine.layers.WeightInit.of(p).key()), ctx.inputs(node));
    }

    private static void conv1d(Node node, Dl4jContext ctx) {
        Params p = node.params();
        TensorShape x = ctx.inputShapes(node).get(0);
        ctx.addLayer(node.id(), new Conv1DDl4j(x.dim(1), p.getInt("filters"), p.getInt("kernel"), p.getInt("stride"),
                p.getInt("dilation"),
                Conv2DLayer.padding(p) == org.strata.engine.layers.Padding.SAME, x.dim(0), ctx.outputShape(node).dim(0),
                org.strata.engine.layers.DenseLayer.useBias(p),
                Dl4jFunctions.named(org.strata.engine.layers.DenseLayer.activation(p)),
                org.strata.engine.layers.WeightInit.of(p).key()), ctx.inputs(node));
    }

    private static void pool1d(Node node, Dl4jContext ctx) {
        Params p = node.params();
        TensorShape x = ctx.inputShapes(node).get(0);
        ctx.addLayer(node.id(), new Pool1DDl4j(((org.strata.engine.layers.Pool1DLayer) node.type()).isMax(),
                p.getInt("pool"), p.getInt("stride"), Conv2DLayer.padding(p) == org.strata.engine.layers.Padding.SAME,
                x.dim(0), ctx.outputShape(node).dim(0), x.dim(1)), ctx.inputs(node));
    }

    private static void pool(Node node, Dl4jContext ctx) {
        Params p = node.params();
        PoolingType pooling = ((Pool2DLayer) node.type()).isMax() ? PoolingType.MAX : PoolingType.AVG;
        ctx.addLayer(node.id(), new SubsamplingLayer.Builder(pooling).kernelSize(p.getTuple("pool"))
                .stride(p.getTuple("stride")).convolutionMode(Dl4jFunctions.mode(Conv2DLayer.padding(p)))
                .dataFormat(CNN2DFormat.NHWC).build(), ctx.inputs(node));
    }

    private static void globalPool(Node node, Dl4jContext ctx) {
        if (ctx.readsPadding(node)) {
            TensorShape x = ctx.inputShapes(node).get(0);
            ctx.addLayer(node.id(), new PaddedPoolDl4j(((GlobalPoolLayer) node.type()).isMax(), x.dim(0), x.dim(1)),
                    ctx.inputs(node));
            return;
        }
        // Channels-last data: images [N,H,W,C] pool over 1,2; sequences [N,T,F] over 1.
        int[] dims = ctx.inputShapes(node).get(0).kind() == TensorShape.Kind.IMAGE ? new int[]{1, 2} : new int[]{1};
        PoolingType pooling = ((GlobalPoolLayer) node.type()).isMax() ? PoolingType.MAX : PoolingType.AVG;
        ctx.addLayer(node.id(), new GlobalPoolingLayer.Builder(pooling).poolingDimensions(dims)
                .collapseDimensions(true).build(), ctx.inputs(node));
    }

    private static void flatten(Node node, Dl4jContext ctx) {
        TensorShape x = ctx.inputShapes(node).get(0);
        if (x.kind() == TensorShape.Kind.IMAGE) {
            ctx.addVertex(node.id(), new PreprocessorVertex(
                    new CnnToFeedForwardPreProcessor(x.dim(0), x.dim(1), x.dim(2), CNN2DFormat.NHWC)), ctx.inputs(node));
        } else {
            ctx.addVertex(node.id(), new ReshapeVertex('c', new int[]{-1, (int) x.size()}, null), ctx.inputs(node));
        }
    }

    private static void reshape(Node node, Dl4jContext ctx) {
        int[] dims = ctx.outputShape(node).dims();
        int[] withBatch = new int[dims.length + 1];
        withBatch[0] = -1;
        System.arraycopy(dims, 0, withBatch, 1, dims.length);
        ctx.addVertex(node.id(), new ReshapeVertex('c', withBatch, null), ctx.inputs(node));
    }

    private static void batchNorm(Node node, Dl4jContext ctx) {
        TensorShape x = ctx.inputShapes(node).get(0);
        var b = new BatchNormalization.Builder().decay(node.params().getDouble("momentum"))
                .eps(node.params().getDouble("epsilon")).nIn(x.channels()).nOut(x.channels())
                .useLogStd(false); // keep the running variance itself, as exported
        if (x.kind() == TensorShape.Kind.IMAGE) b.dataFormat(CNN2DFormat.NHWC);
        ctx.addLayer(node.id(), b.build(), ctx.inputs(node));
    }

    private static void merge(Node node, Dl4jContext ctx) {
        MergeLayer.Op op = ((MergeLayer) node.type()).op();
        if (op != MergeLayer.Op.CONCATENATE) {
            ElementWiseVertex.Op e = switch (op) {
                case SUBTRACT -> ElementWiseVertex.Op.Subtract;
                case MULTIPLY -> ElementWiseVertex.Op.Product;
                default -> ElementWiseVertex.Op.Add;
            };
            ctx.addVertex(node.id(), new ElementWiseVertex(e), ctx.inputs(node));
        } else {
            MergeVertex merge = new MergeVertex();
            merge.setMergeAxis(ctx.outputShape(node).dims().length); // last axis, after the batch axis
            ctx.addVertex(node.id(), merge, ctx.inputs(node));
        }
    }

    private static void lstm(Node node, Dl4jContext ctx) {
        recurrent(node, ctx, new LSTM.Builder());
    }

    private static void simpleRnn(Node node, Dl4jContext ctx) {
        recurrent(node, ctx, new org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn.Builder());
    }

    /** Adds the catalogue's recurrent cell unrolled in SameDiff ({@link RecurrentDl4j}). */
    private static void unrolled(Node node, Dl4jContext ctx) {
        TensorShape x = ctx.inputShapes(node).get(0);
        Params p = node.params();
        ctx.addLayer(node.id(), new RecurrentDl4j(node.type().id(), x.dim(1), p.getInt("units"), x.dim(0),
                p.getBool("returnSequences"), p.getBool("bidirectional"), ctx.readsPadding(node),
                org.strata.engine.layers.WeightInit.of(p).key()), ctx.inputs(node));
    }

    /**
     * Adds Deeplearning4j's recurrent layer of {@code builder}'s kind: tanh, [batch, T, F], every step or the last;
     * Strata's unrolled one when the layer reads both ways or reads padding, which DL4J's layers do otherwise.
     */
    private static void recurrent(Node node, Dl4jContext ctx,
                                  org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer.Builder<?> builder) {
        if (node.params().getBool("bidirectional") || ctx.readsPadding(node)) {
            unrolled(node, ctx);
            return;
        }
        builder.nIn(ctx.inputShapes(node).get(0).channels()).nOut(node.params().getInt("units"))
                .activation(Activation.TANH);
        builder.dataFormat(RNNFormat.NWC);
        builder.weightInit(Dl4jFunctions.init(org.strata.engine.layers.WeightInit.of(node.params())));
        org.deeplearning4j.nn.conf.layers.Layer rnn = builder.build();
        ctx.addLayer(node.id(), node.params().getBool("returnSequences") ? rnn : new LastTimeStep(rnn),
                ctx.inputs(node));
    }

    private static void embedding(Node node, Dl4jContext ctx) {
        Params p = node.params();
        ctx.addLayer(node.id(), new EmbeddingSequenceLayer.Builder().nIn(p.getInt("vocabulary"))
                .nOut(p.getInt("dimension")).inputLength(ctx.inputShapes(node).get(0).dim(0)).hasBias(false)
                .weightInit(Dl4jFunctions.init(org.strata.engine.layers.WeightInit.of(p)))
                .outputDataFormat(RNNFormat.NWC).build(), ctx.inputs(node));
    }
}
