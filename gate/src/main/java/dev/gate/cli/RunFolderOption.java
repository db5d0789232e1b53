package dev.gate.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --out DIR}: where a run writes its record, reports and artifacts. */
final class RunFolderOption {
    @Option(names = "--out", paramLabel = "DIR", description = "The run folder (default: .gate/runs/<UTC time>-<sha7>).")
    Optional<Path> dir = Optional.empty();
}
