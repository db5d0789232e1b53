package dev.gate.run;

import dev.gate.baseline.Baseline;
import dev.gate.checks.commit.CommitId;
import dev.gate.suite.Suite;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One verification to run.
 *
 * @param runDir where the run record, reports and artifacts go
 * @param shard  which slice of the page, API and latency checks to run
 */
public record VerifyRequest(Suite suite, CommitId expected, Optional<Baseline> baseline, Path runDir, Shard shard) {
    public VerifyRequest {
        Objects.requireNonNull(suite);
        Objects.requireNonNull(expected);
        Objects.requireNonNull(baseline);
        Objects.requireNonNull(runDir);
        Objects.requireNonNull(shard);
    }
}
