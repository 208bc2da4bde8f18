/**
 * The layer catalogue: one class per layer type holding its parameter table, shape rule, parameter count,
 * FLOPs, documentation and engine mapping.
 */
package org.strata.engine.layers;
