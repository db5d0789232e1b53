package dev.gate.checks.page;

import dev.gate.checks.Severity;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with a page, how much it matters, and what it is in one line.
 *
 * @param transientCause why another render may not see it ({@code HTTP 503}, a navigation error),
 *                       in a few words; empty for what the page itself says (a missing selector or
 *                       text on a page served as expected), which a second render repeats
 */
public record PageFinding(Severity severity, String line, String playbook, Optional<String> transientCause) {
    public PageFinding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(playbook, "playbook");
        Objects.requireNonNull(transientCause, "transientCause");
    }

    /** A finding that another render would find again. */
    public PageFinding(Severity severity, String line, String playbook) {
        this(severity, line, playbook, Optional.empty());
    }

    /** A finding another render may not see, for the reason given. */
    static PageFinding passing(Severity severity, String line, String playbook, String cause) {
        return new PageFinding(severity, line, playbook, Optional.of(cause));
    }
}
