/**
 * The command line (picocli): a thin layer that parses flags into a request, makes one call into
 * {@code flow} or {@code baseline}, and returns the exit status; bad input is mapped to exit 2 in
 * one handler. Only {@link dev.gate.cli.Main} calls System.exit.
 */
package dev.gate.cli;
