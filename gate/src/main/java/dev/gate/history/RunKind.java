package dev.gate.history;

import java.util.Locale;

/** What recorded a run. Deploys are the verifications (and merges of sharded ones). */
public enum RunKind {
    BASELINE,
    VERIFY,
    MERGE,
    WATCH;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunKind of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
