/**
 * Calling the key APIs with declared requests and asserting on status, headers, JSON and time:
 * {@link dev.gate.checks.api.ApiCheck} per suite entry, sending through Rest Assured
 * ({@link dev.gate.checks.api.ApiCall}) within a hard deadline, and masking credentials in
 * everything it reports.
 */
package dev.gate.checks.api;
