package dev.gate.run;

import dev.gate.checks.commit.CommitId;
import dev.gate.checks.latency.LatencySamples;
import java.util.List;
import java.util.Optional;

/**
 * What a verification knows of the release before the deploy, from the baseline: the commit that
 * was live, the assets its pages loaded, and its latency samples.
 */
public record Before(Optional<CommitId> liveCommit, List<String> assets, List<LatencySamples> latency) {
    /** No baseline: the deploy is judged on its own. */
    public static final Before NOTHING = new Before(Optional.empty(), List.of(), List.of());

    public Before {
        assets = List.copyOf(assets);
        latency = List.copyOf(latency);
    }
}
