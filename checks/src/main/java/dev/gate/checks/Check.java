package dev.gate.checks;

/**
 * One question about the live site. The runner, not the check, turns an exception or a timeout
 * into an {@link Status#ERROR} result, so a check may simply throw; it reports that result with
 * the check's {@link #kind()} and {@link #name()}, which is why a check names them before it runs.
 */
public interface Check {
    /** Unique within a run; also names the check's artifact folder. */
    String id();

    /** The family of check ({@code commit}, {@code page}, {@code api}, ...), as results carry it. */
    String kind();

    /** What is checked, for people ({@code GET /api/health}). */
    String name();

    CheckResult run(CheckContext context) throws Exception;
}
