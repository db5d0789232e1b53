package dev.gate.run;

import dev.gate.checks.commit.CommitId;
import dev.gate.checks.trend.EndpointTrend;
import dev.gate.suite.Suite;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One verification to run.
 *
 * @param before what the baseline says of the release before the deploy
 * @param runDir where the run record, reports and artifacts go
 * @param shard  which slice of the page, API and latency checks to run
 * @param trend  what the deploy history says is normal for each latency endpoint
 */
public record VerifyRequest(Suite suite, CommitId expected, Before before, Path runDir, Shard shard, EndpointTrend trend) {
    public VerifyRequest {
        Objects.requireNonNull(suite);
        Objects.requireNonNull(expected);
        Objects.requireNonNull(before);
        Objects.requireNonNull(runDir);
        Objects.requireNonNull(shard);
        Objects.requireNonNull(trend);
    }

    /** A verification with no deploy history to compare with. */
    public VerifyRequest(Suite suite, CommitId expected, Before before, Path runDir, Shard shard) {
        this(suite, expected, before, runDir, shard, EndpointTrend.NONE);
    }
}
