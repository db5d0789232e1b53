/**
 * Latency sampling, and the statistics that decide whether a release is slower than the
 * baseline with the server's drift counted as noise: samples cut into {@link dev.gate.checks.latency.Rounds},
 * a t-test across rounds ({@link dev.gate.checks.latency.RoundTest}), a correction for the number of
 * endpoints compared ({@link dev.gate.checks.latency.HolmCorrection}), sequential looks
 * ({@link dev.gate.checks.latency.SequentialPlan}) and a confirmation with fresh samples before a
 * block. {@link dev.gate.checks.latency.LatencyDecision} turns a run's samples into check results.
 */
package dev.gate.checks.latency;
