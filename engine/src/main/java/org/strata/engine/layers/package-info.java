/**
 * The layer catalogue: one class per layer type holding its parameter table, shape rule, weights, FLOPs and
 * documentation. It knows no engine: each engine maps the types it runs in its own package
 * ({@code train.fast.Kernels}, {@code train.dl4j.Dl4jLayers}), as does each format ({@code export.onnx.OnnxLayers},
 * {@code export.NpzLayers}, the palette's {@code app.palette.LayerIcons}), and {@code ArchitectureTest} keeps it so.
 */
package org.strata.engine.layers;
