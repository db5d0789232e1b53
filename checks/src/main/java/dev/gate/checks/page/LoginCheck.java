package dev.gate.checks.page;

import dev.gate.checks.Check;
import dev.gate.checks.CheckContext;
import dev.gate.checks.CheckResult;
import dev.gate.checks.LoginOutcome;
import dev.gate.checks.SessionSource;
import java.util.Objects;

/**
 * The suite's login as a check of its own: one result, PASS when a session was made, FAIL naming
 * the step and what the page showed when not (ERROR when the browser could not run it). It keeps
 * no artifact: the login page holds the typed password, so neither a screenshot nor a trace of it
 * is taken.
 */
public final class LoginCheck implements Check {
    public static final String ID = "login";
    public static final String KIND = "login";
    public static final String PLAYBOOK = "login-failed";

    private final String id;
    private final int steps;
    private final SessionSource session;

    /** @param id {@value #ID}, or that with a prefix for a second round (a rollback's confirmation) */
    public LoginCheck(String id, int steps, SessionSource session) {
        this.id = Objects.requireNonNull(id, "id");
        this.steps = steps;
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String name() {
        return "login (" + steps + (steps == 1 ? " step)" : " steps)");
    }

    @Override
    public CheckResult run(CheckContext context) throws InterruptedException {
        LoginOutcome outcome = session.obtain(context);
        if (outcome instanceof LoginOutcome.NotLoggedIn failed) {
            CheckResult result = CheckResult.of(id, KIND, name(), failed.status(), context.redactor().redact(failed.summary()))
                    .withDetails(failed.details().stream().map(context.redactor()::redact).toList())
                    .withPlaybook(PLAYBOOK);
            // the runner tries the login once more, as it does a page that answered 502
            return failed.transientCause().map(c -> result.withTransientCause(context.redactor().redact(c))).orElse(result);
        }
        return CheckResult.pass(id, KIND, name(), context.redactor().redact(outcome.summary()));
    }

    /** The reason a check that needs the session gives for not running, when the login did not make one. */
    public static String skipReason(LoginOutcome.NotLoggedIn failed) {
        return "the login " + failed.summary();
    }
}
