package dev.gate.checks;

import java.time.Instant;
import java.util.List;

/**
 * A step that decides several things at once, and so cannot be split into independent checks:
 * latency, whose correction for comparing several endpoints needs all their p-values together.
 * Stages run one after the other, alone, after the checks, so that nothing competes with them.
 * A stage that cannot run returns ERROR results rather than throwing; the runner turns what it
 * throws anyway into an ERROR too.
 */
public interface Stage {
    /** The id that places the whole stage in one shard, and names it when it fails. */
    String id();

    /** What it is doing, as the progress line says it when it starts. */
    String description();

    List<CheckResult> run(CheckContext context) throws InterruptedException;

    /** The id that chooses its shard, when it must share one with another stage; its own id by default. */
    default String shardId() {
        return id();
    }

    /**
     * The same stage, told when the expected release went live, for a stage that observes a window
     * after that moment (the team's metrics); others ignore it.
     */
    default Stage liveSince(Instant live) {
        return this;
    }
}
