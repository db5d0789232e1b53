/** Durations as suites write them and people read them: {@code 300ms}, {@code 10s}, {@code 5m}, {@code 1h}. */
package dev.gate.checks.time;
