/** Calling the key APIs with declared requests and asserting on status, headers, JSON and time. */
package dev.gate.checks.api;
