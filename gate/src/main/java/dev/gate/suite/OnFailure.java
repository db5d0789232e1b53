package dev.gate.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What to do when the gate blocks.
 *
 * @param rollback        an argument vector, run without a shell; empty for none
 * @param postmortems     the folder {@code on_failure.postmortems} names for post-mortem stubs; empty
 *                        when the suite names none, and the stub stays in the run folder, so that a
 *                        blocked run adds no file to the repository nobody asked for
 */
public record OnFailure(List<String> rollback, Duration rollbackTimeout, Optional<Path> postmortems) {
    public OnFailure {
        rollback = List.copyOf(rollback);
    }
}
