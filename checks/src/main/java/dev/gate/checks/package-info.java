/**
 * The check contract: a {@link dev.gate.checks.Check} asks one question about the live site and
 * answers with a {@link dev.gate.checks.CheckResult}. Nothing here knows of the CLI, reports or
 * rollback.
 */
package dev.gate.checks;
