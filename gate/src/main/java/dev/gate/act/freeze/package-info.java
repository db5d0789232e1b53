/**
 * Deploy freeze windows declared by a suite ({@code freeze: ["Fri 15:00-Mon 08:00 Europe/Copenhagen"]}):
 * parsed from text with errors a suite loader can place, and judged against an instant passed in,
 * never the machine's clock.
 */
package dev.gate.act.freeze;
