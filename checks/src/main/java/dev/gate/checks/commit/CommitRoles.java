package dev.gate.checks.commit;

/**
 * How a commit check's messages name the two releases it can see. After a deploy, the commit
 * waited for is the new one and the other is the release before it. After a rollback the roles
 * turn round: the commit waited for is the previous release, and the other is the release the
 * gate blocked, which is still live wherever it is served; calling that one "rolled back" would
 * say the opposite of what the line reports.
 */
public enum CommitRoles {
    AFTER_DEPLOY("expected", "previous", "the deploy did not go live: "),
    AFTER_ROLLBACK("previous release", "blocked release", "");

    private final String expected;
    private final String other;
    private final String neverLive;

    CommitRoles(String expected, String other, String neverLive) {
        this.expected = expected;
        this.other = other;
        this.neverLive = neverLive;
    }

    /** The tag of the commit waited for, such as "expected". */
    public String expected() {
        return expected;
    }

    /** The tag of the other release, such as "previous". */
    public String other() {
        return other;
    }

    /**
     * What opens the line when the commit waited for never appeared: the deploy did not go live;
     * after a rollback nothing, since the rollback's own line already says the release is not back.
     */
    public String neverLive() {
        return neverLive;
    }
}
