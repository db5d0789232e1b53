package dev.gate.cli;

import picocli.CommandLine.Option;

/** {@code --no-rollback}, for the commands that may act on a BLOCK. */
final class RollbackOption {
    @Option(names = "--no-rollback", description = "Do not run the suite's rollback command, even on BLOCK.")
    boolean off;

    boolean allowed() {
        return !off;
    }
}
