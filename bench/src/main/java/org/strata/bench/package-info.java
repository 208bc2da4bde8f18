/** Benchmarks that print figures: training throughput with telemetry off and on, memory, time to first iteration. */
package org.strata.bench;
