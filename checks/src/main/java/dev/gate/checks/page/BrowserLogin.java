package dev.gate.checks.page;

import dev.gate.checks.CheckContext;
import dev.gate.checks.LoginOutcome;
import dev.gate.checks.SessionSource;
import dev.gate.checks.Status;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The suite's login, performed in the run's browser by whichever check asks first (the login check,
 * which the plan puts first) and remembered: every page and API that needs the session gets the
 * same outcome, so a login that fails fails once, and what needs it is skipped with its reason.
 */
public final class BrowserLogin implements SessionSource {
    /** Time beyond the steps' own timeouts for the browser to take the task and close the context. */
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final LoginSpec spec;
    private final BrowserSession session;
    private final Duration stepTimeout;
    /** A login that failed in a way that may pass is run once more, then its outcome stays. */
    private static final int MAX_LOGINS = 2;
    /** Guarded by this. */
    private LoginOutcome outcome;
    /** Guarded by this. */
    private int logins;

    /** @param stepTimeout what each step may take: the suite's page timeout */
    public BrowserLogin(LoginSpec spec, BrowserSession session, Duration stepTimeout) {
        this.spec = spec;
        this.session = session;
        this.stepTimeout = stepTimeout;
    }

    public LoginSpec spec() {
        return spec;
    }

    @Override
    public synchronized LoginOutcome obtain(CheckContext context) throws InterruptedException {
        if (outcome == null) {
            outcome = logIn(context);
            logins++;
        }
        LoginOutcome now = outcome;
        if (now instanceof LoginOutcome.NotLoggedIn failed && failed.transientCause().isPresent() && logins < MAX_LOGINS) {
            // forgotten, so that the check's retry (or the next page that needs the session) logs in anew
            outcome = null;
        }
        return now;
    }

    private LoginOutcome logIn(CheckContext context) throws InterruptedException {
        context.progress().note(LoginCheck.ID, "logging in (" + spec.steps().size() + " steps)");
        CompletableFuture<LoginOutcome> future = session.login(new LoginJob(spec.steps(), context.target(), stepTimeout,
                context.redactor()));
        // one more step's time: the explanation of a failure and the storage state after the last
        Duration bound = stepTimeout.multipliedBy(spec.steps().size() + 1L).plus(MARGIN);
        try {
            return future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new LoginOutcome.NotLoggedIn(Status.ERROR, "did not finish within "
                    + bound.toSeconds() + "s", List.of());
        } catch (ExecutionException e) {
            return new LoginOutcome.NotLoggedIn(Status.ERROR, context.redactor().redact("could not run: "
                    + BrowserSession.firstLine(e.getCause())), List.of());
        }
    }
}
