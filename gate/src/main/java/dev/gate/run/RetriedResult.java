package dev.gate.run;

import dev.gate.checks.Artifact;
import dev.gate.checks.Attempt;
import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one result of a check that ran more than once. The last attempt decides: failing then
 * passing is a {@link Status#WARN} "flaky", since the site did fail a user once; failing every
 * time keeps the last failure, saying how many attempts there were. Nothing of the earlier
 * attempts is dropped: they are kept whole in {@link CheckResult#earlierAttempts()}, their lines
 * lead the details and their artifacts stay listed, so every report shows their evidence.
 */
final class RetriedResult {
    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth", "sixth");

    private RetriedResult() {
    }

    /** @param attempts every attempt, oldest first; at least one */
    static CheckResult of(List<CheckResult> attempts, Duration took) {
        CheckResult last = attempts.get(attempts.size() - 1);
        if (attempts.size() == 1) {
            return last;
        }
        List<CheckResult> earlier = attempts.subList(0, attempts.size() - 1);
        CheckResult first = attempts.get(0);
        List<String> details = new ArrayList<>();
        List<Artifact> artifacts = new ArrayList<>();
        for (int i = 0; i < earlier.size(); i++) {
            details.add("attempt " + (i + 1) + ": " + earlier.get(i).status() + ": " + earlier.get(i).summary());
            artifacts.addAll(earlier.get(i).artifacts());
        }
        details.add("attempt " + attempts.size() + ": " + last.status() + ": " + last.summary());
        details.addAll(last.details());
        artifacts.addAll(last.artifacts());
        boolean passed = !last.status().isProblem();
        Status status = passed ? Status.WARN : last.status();
        String summary = passed ? flaky(first, last, attempts.size()) : last.summary() + " (" + allFailed(attempts.size()) + ")";
        // a flaky check links the runbook of what failed; one failing throughout, that of its last failure
        String playbook = passed ? first.playbook() : last.playbook();
        return new CheckResult(last.id(), last.kind(), last.name(), status, summary, details, last.metrics(), artifacts,
                playbook, took, passed ? Optional.empty() : last.transientCause(),
                earlier.stream().map(Attempt::of).toList());
    }

    /** {@code flaky: GET /api/x passed on the second attempt; the first failed: HTTP 502}. */
    private static String flaky(CheckResult first, CheckResult last, int attempts) {
        String cause = first.transientCause().orElse(first.summary());
        String before = attempts == 2 ? "the first failed: " : "the " + (attempts - 1) + " before failed, the first with: ";
        String warning = last.status() == Status.WARN ? "; then it warned: " + last.summary() : "";
        return "flaky: " + last.name() + " passed on the " + ordinal(attempts) + "; " + before + cause
                + warning;
    }

    private static String ordinal(int n) {
        return n <= ORDINALS.size() ? ORDINALS.get(n - 1) + " attempt" : "attempt " + n;
    }

    private static String allFailed(int attempts) {
        return attempts == 2 ? "both attempts failed" : "all " + attempts + " attempts failed";
    }
}
