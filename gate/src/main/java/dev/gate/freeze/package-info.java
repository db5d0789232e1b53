/**
 * Deploy freeze windows declared by a suite ({@code freeze: ["Fri 15:00-Mon 08:00 Europe/Copenhagen"]}):
 * parsed from text with errors a suite loader can place, and judged against an instant passed in,
 * never the machine's clock. They guard a deploy ({@code gate run}) rather than act on a verdict,
 * so they live apart from {@code act}, and {@code suite} reads them without a cycle.
 */
package dev.gate.freeze;
