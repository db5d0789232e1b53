package dev.gate.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --repo DIR} where it only names the checkout the post-mortem lists the commits from. */
final class HistoryOption {
    @Option(names = "--repo", paramLabel = "DIR", description = "The checkout to list the commits from (default: the current folder).")
    Optional<Path> repo = Optional.empty();
}
