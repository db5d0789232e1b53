/**
 * Latency sampling, and the statistics that decide whether a release is slower than the
 * baseline: a one-sided rank test, an effect size with its interval, and a correction for the
 * number of endpoints compared.
 */
package dev.gate.checks.latency;
