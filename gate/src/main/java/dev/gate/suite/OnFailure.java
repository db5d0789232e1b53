package dev.gate.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What to do when the gate blocks.
 *
 * @param rollback        an argument vector, run without a shell; empty for none
 * @param postmortems     the folder post-mortem stubs are written to
 */
public record OnFailure(List<String> rollback, Duration rollbackTimeout, Path postmortems) {
    public OnFailure {
        rollback = List.copyOf(rollback);
    }
}
