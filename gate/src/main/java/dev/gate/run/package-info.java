/**
 * The runner: from a suite to a plan, checks executed with deadlines and bounded parallelism,
 * the verdict, and the run record every report is rendered from.
 */
package dev.gate.run;
