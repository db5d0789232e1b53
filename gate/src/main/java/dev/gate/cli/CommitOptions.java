package dev.gate.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The commit that was deployed: {@code --expect-commit SHA}, or HEAD of {@code --repo DIR}. */
final class CommitOptions {
    @Option(names = "--expect-commit", paramLabel = "SHA", description = "The commit that was deployed (7 to 40 or 64 hex digits).")
    Optional<String> sha = Optional.empty();

    @Option(names = "--repo", paramLabel = "DIR", description = "Take the expected commit from HEAD of this checkout "
            + "(also where the post-mortem lists the commits from).")
    Optional<Path> repo = Optional.empty();
}
