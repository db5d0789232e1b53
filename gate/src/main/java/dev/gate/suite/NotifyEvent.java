package dev.gate.suite;

import dev.gate.verdict.Verdict;
import java.util.Locale;

/**
 * A moment of a run a team may want to hear about, written in a suite's {@code notify: on:} list
 * as {@code live}, {@code pass}, {@code warn}, {@code block} or {@code rollback-failed}.
 */
public enum NotifyEvent {
    /** The expected release went live (the rollout converged). */
    LIVE,
    PASS,
    WARN,
    BLOCK,
    /** The gate blocked and the rollback failed or could not be confirmed: exit status 3. */
    ROLLBACK_FAILED;

    /** The word a suite writes for this event. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static NotifyEvent of(Verdict verdict) {
        return switch (verdict) {
            case PASS -> PASS;
            case WARN -> WARN;
            case BLOCK -> BLOCK;
        };
    }
}
