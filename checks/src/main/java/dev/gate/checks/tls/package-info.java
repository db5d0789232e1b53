/** The warning a suite earns by turning certificate verification off: a check that probes nothing. */
package dev.gate.checks.tls;
