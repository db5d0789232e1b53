package dev.gate.checks;

/**
 * One question about the live site. The runner, not the check, turns an exception or a timeout
 * into an {@link Status#ERROR} result, so a check may simply throw.
 */
public interface Check {
    /** Unique within a run; also names the check's artifact folder. */
    String id();

    CheckResult run(CheckContext context) throws Exception;
}
