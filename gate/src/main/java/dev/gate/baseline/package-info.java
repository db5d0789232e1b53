/**
 * Baselines: what the site looked like before the deploy (live commit, latency samples, page
 * facts), as versioned JSON written atomically.
 */
package dev.gate.baseline;
