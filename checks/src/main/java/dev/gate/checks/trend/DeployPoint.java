package dev.gate.checks.trend;

import java.time.Instant;
import java.util.Optional;

/**
 * One endpoint's median in one earlier deploy.
 *
 * @param commit   the release that deploy put live
 * @param previous the release live before it: with {@code commit}, the range of commits it shipped
 * @param subject  the commit's subject line, when the history has it
 * @param samples  how many samples the median is of; 0 when the history does not say
 * @param logSd    the standard deviation of those samples' log latency
 */
public record DeployPoint(String commit, Optional<String> previous, Optional<String> subject, Instant at,
                          double medianMs, double p95Ms, int samples, double logSd) {

    /** A median whose samples are not known. */
    public DeployPoint(String commit, Optional<String> previous, Optional<String> subject, Instant at,
                       double medianMs, double p95Ms) {
        this(commit, previous, subject, at, medianMs, p95Ms, 0, 0);
    }

    /**
     * How much the log median varies from sampling alone: π/2 · sd² / n for the median of normal
     * log latencies. 0 when the samples are not known, which leaves all the difference to drift.
     */
    public double logMedianVariance() {
        return samples > 0 && logSd >= 0 ? Math.PI / 2 * logSd * logSd / samples : 0;
    }

    public String shortCommit() {
        return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }
}
