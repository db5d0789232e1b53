package dev.gate.verdict;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import java.util.List;

/**
 * From check results to a verdict. Fail-closed: a check that could not run ({@code ERROR})
 * blocks, unless the suite explicitly downgrades errors to warnings. A check that was skipped
 * ({@code SKIPPED}, because the login it needs failed) is no pass: it warns at least, and the
 * failure it waited on (the login's FAIL) is what blocks, once, rather than every page behind it.
 *
 * @param errorsBlock whether {@code ERROR} results block (the default) or only warn
 */
public record Policy(boolean errorsBlock) {
    public static final Policy FAIL_CLOSED = new Policy(true);

    public Verdict decide(List<CheckResult> results) {
        Verdict verdict = Verdict.PASS;
        for (CheckResult r : results) {
            Verdict v = of(r.status());
            if (v.compareTo(verdict) > 0) {
                verdict = v;
            }
        }
        return verdict;
    }

    private Verdict of(Status status) {
        return switch (status) {
            case PASS -> Verdict.PASS;
            case SKIPPED -> Verdict.WARN;
            case WARN -> Verdict.WARN;
            case FAIL -> Verdict.BLOCK;
            case ERROR -> errorsBlock ? Verdict.BLOCK : Verdict.WARN;
        };
    }
}
