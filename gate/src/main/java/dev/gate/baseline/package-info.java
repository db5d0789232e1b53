/**
 * Baselines: what the site looked like before the deploy (live commit, latency samples, page
 * facts), taken by {@link dev.gate.baseline.BaselineTaker} and kept as versioned JSON written
 * atomically, one default file per suite.
 */
package dev.gate.baseline;
