package dev.gate.run;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import dev.gate.verdict.Verdict;
import java.util.List;

/** The verdict in one line: what went wrong and where, or that all is well. */
public final class VerdictLine {
    private VerdictLine() {
    }

    public static String of(Verdict verdict, List<CheckResult> results) {
        List<CheckResult> problems = results.stream().filter(r -> r.status().isProblem()).toList();
        // a skipped check is named after the warnings: the reason it was skipped is another check's
        List<CheckResult> warnings = java.util.stream.Stream.concat(
                results.stream().filter(r -> r.status() == Status.WARN),
                results.stream().filter(r -> r.status() == Status.SKIPPED)).toList();
        return switch (verdict) {
            case PASS -> "all " + results.size() + (results.size() == 1 ? " check passed" : " checks passed");
            case WARN -> {
                List<CheckResult> w = warnings.isEmpty() ? problems : warnings;
                yield w.size() + (w.size() == 1 ? " warning" : " warnings") + ", nothing blocks: "
                        + w.get(0).id() + ": " + w.get(0).summary();
            }
            case BLOCK -> {
                List<CheckResult> p = problems.isEmpty() ? warnings : problems;
                String more = p.size() > 1 ? "; " + (p.size() - 1) + " more failing " + (p.size() == 2 ? "check" : "checks") : "";
                yield p.get(0).id() + ": " + p.get(0).summary() + more;
            }
        };
    }
}
