package dev.gate.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --baseline FILE}: what was live before the deploy, to compare with and to roll back to. */
final class BaselineOption {
    @Option(names = "--baseline", paramLabel = "FILE",
            description = "The baseline taken before the deploy (default: .gate/<suite name>/baseline.json if it exists).")
    Optional<Path> file = Optional.empty();
}
