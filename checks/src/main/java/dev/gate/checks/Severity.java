package dev.gate.checks;

import java.util.Locale;

/** How much a kind of finding matters, as a suite says it: {@code block}, {@code warn} or {@code ignore}. */
public enum Severity {
    BLOCK,
    WARN,
    IGNORE;

    /** The status a check reports for a finding of this severity. */
    public Status status() {
        return switch (this) {
            case BLOCK -> Status.FAIL;
            case WARN -> Status.WARN;
            case IGNORE -> Status.PASS;
        };
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
