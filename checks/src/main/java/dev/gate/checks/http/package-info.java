/**
 * The plain HTTP probe the commit and latency checks share: bounded in time and in body size,
 * with a fresh connection when asked, and timings taken where the bytes arrive.
 */
package dev.gate.checks.http;
