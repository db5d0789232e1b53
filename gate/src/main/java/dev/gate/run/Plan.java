package dev.gate.run;

import dev.gate.baseline.Baseline;
import dev.gate.suite.Suite;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks a verification runs after the commit check, filtered to the shard. A new kind of
 * check is one more line here.
 */
public final class Plan {
    private Plan() {
    }

    public static List<PlannedCheck> of(Suite suite, Optional<Baseline> baseline, Shard shard) {
        List<PlannedCheck> all = new ArrayList<>();
        return all.stream().filter(p -> shard.includes(p.check().id())).toList();
    }
}
