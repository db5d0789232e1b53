package dev.gate.run;

import dev.gate.checks.assets.ReleaseAsset;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.latency.LatencySamples;
import java.time.Instant;
import dev.gate.checks.page.PageWeight;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a verification knows of the release before the deploy, from the baseline: the commit that
 * was live, its assets (those its pages loaded and those its build manifest listed), its latency
 * samples, and when the deploy started: the baseline's time, or the start of {@code gate run}'s
 * deploy command (where the team's metrics end the window before the deploy); and what each key
 * page's code weighed.
 *
 * @param manifestProblem why the baseline could not read the build manifest the suite names, when it could not
 */
public record Before(Optional<CommitId> liveCommit, List<ReleaseAsset> assets, Optional<String> manifestProblem,
                     List<LatencySamples> latency, Optional<Instant> deployStarted, Map<String, PageWeight> pageWeights) {
    /** No baseline: the deploy is judged on its own. */
    public static final Before NOTHING = new Before(Optional.empty(), List.of(), Optional.empty(), List.of());

    public Before {
        assets = List.copyOf(assets);
        latency = List.copyOf(latency);
        deployStarted = deployStarted == null ? Optional.empty() : deployStarted;
        pageWeights = Map.copyOf(pageWeights);
    }

    /** What a baseline says, with no time for the deploy and no page weighed. */
    public Before(Optional<CommitId> liveCommit, List<ReleaseAsset> assets, Optional<String> manifestProblem,
                  List<LatencySamples> latency) {
        this(liveCommit, assets, manifestProblem, latency, Optional.empty(), Map.of());
    }

    /** The same, with the moment the deploy started (where the team's metrics split before from after). */
    public Before withDeployStarted(Instant at) {
        return new Before(liveCommit, assets, manifestProblem, latency, Optional.of(at), pageWeights);
    }

    /** What the key page of this id weighed before the deploy; unknown when the baseline did not weigh it. */
    public PageWeight pageWeight(String pageId) {
        return pageWeights.getOrDefault(pageId, PageWeight.UNKNOWN);
    }
}
