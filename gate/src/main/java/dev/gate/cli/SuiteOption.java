package dev.gate.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --suite FILE}, which every command that probes a site takes. */
final class SuiteOption {
    @Option(names = "--suite", required = true, paramLabel = "FILE", description = "The suite (YAML).")
    Path file;
}
