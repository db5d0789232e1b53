package dev.gate.checks.trend;

import java.time.Instant;
import java.util.Optional;

/**
 * One endpoint's median in one earlier deploy.
 *
 * @param commit   the release that deploy put live
 * @param previous the release live before it: with {@code commit}, the range of commits it shipped
 * @param subject  the commit's subject line, when the history has it
 */
public record DeployPoint(String commit, Optional<String> previous, Optional<String> subject, Instant at,
                          double medianMs, double p95Ms) {

    public String shortCommit() {
        return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }
}
