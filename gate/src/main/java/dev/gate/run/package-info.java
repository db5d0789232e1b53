/**
 * The runner: a suite's {@link dev.gate.run.Plan} (the unconditional checks, the commit check,
 * the checks, the stages), executed fail-closed with deadlines and bounded parallelism, decided
 * by the suite's policy into the {@link dev.gate.run.RunRecord} every report is rendered from, and
 * the one function that picks the exit status. It knows nothing of actions, reports or the CLI.
 */
package dev.gate.run;
