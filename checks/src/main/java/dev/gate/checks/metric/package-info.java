/**
 * The team's own monitoring: Prometheus windows before and after the deploy, read through the
 * HTTP API and compared as counts (error ratios), as series of points (latency) or against limits.
 */
package dev.gate.checks.metric;
