package dev.gate.run;

import dev.gate.checks.assets.ReleaseAsset;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.latency.LatencySamples;
import java.util.List;
import java.util.Optional;

/**
 * What a verification knows of the release before the deploy, from the baseline: the commit that
 * was live, its assets (those its pages loaded and those its build manifest listed), and its
 * latency samples.
 *
 * @param manifestProblem why the baseline could not read the build manifest the suite names, when it could not
 */
public record Before(Optional<CommitId> liveCommit, List<ReleaseAsset> assets, Optional<String> manifestProblem,
                     List<LatencySamples> latency) {
    /** No baseline: the deploy is judged on its own. */
    public static final Before NOTHING = new Before(Optional.empty(), List.of(), Optional.empty(), List.of());

    public Before {
        assets = List.copyOf(assets);
        latency = List.copyOf(latency);
    }
}
