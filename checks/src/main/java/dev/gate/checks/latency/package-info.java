/**
 * Latency sampling, and the statistics that decide whether a release is slower than the
 * baseline: a one-sided rank test ({@link dev.gate.checks.latency.MannWhitneyU}), an effect size
 * with its interval ({@link dev.gate.checks.latency.HodgesLehmann}), a correction for the number of
 * endpoints compared ({@link dev.gate.checks.latency.HolmCorrection}) and sequential looks
 * ({@link dev.gate.checks.latency.SequentialPlan}). {@link dev.gate.checks.latency.LatencyDecision}
 * turns a run's samples into check results.
 */
package dev.gate.checks.latency;
