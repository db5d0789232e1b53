/**
 * The fault suite: each promise of the gate (bounded time, the documented exit status, a one-line
 * reason, a valid run record, nothing half-written, no secret and no child process left behind)
 * proven against real servers, a real browser and real processes.
 */
package dev.gate.faults;
