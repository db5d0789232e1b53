/**
 * The command line (picocli): a thin layer that reads flags, calls the runner and the reports,
 * and turns outcomes into exit statuses. Only {@link dev.gate.cli.Main} calls System.exit.
 */
package dev.gate.cli;
