package dev.gate.checks.page;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.gate.checks.LoginOutcome;
import dev.gate.checks.SessionCookie;
import dev.gate.checks.Status;
import dev.gate.checks.Targets;
import dev.gate.checks.time.Durations;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Performs one login in a browser context of its own, on the session's thread, step after step,
 * each bounded by the job's step timeout; then takes the context's storage state and cookies, and
 * closes the context. Nothing of the login page is kept: no screenshot, no trace, no console log,
 * since the page holds the typed password. A failure names the step and what the page showed.
 */
final class LoginRunner {
    /** How long reading what a failed login page shows may take: it is only there to explain. */
    private static final long EXPLAIN_MS = 2_000;
    /** A call past its deadline by this much waits on a page whose script never yields: its context is closed. */
    private static final long OVERDUE_MS = 2_000;
    private static final int SNIPPET_CHARS = 80;
    /**
     * What a failed login shows: the page's own error message when it marks one (an alert, a live
     * region, an element classed error), else the start of its text; whitespace folded, bounded.
     */
    private static final String SHOWN_TEXT = """
            () => {
              const marked = document.querySelector('[role=alert], [aria-live=assertive], .error, .alert, .flash, .invalid-feedback');
              const text = marked && marked.innerText.trim() ? marked.innerText : (document.body ? document.body.innerText : '');
              return text.slice(0, 2000).replace(/\\s+/g, ' ').trim().slice(0, 400);
            }
            """;

    private final LoginJob job;
    private final BrowserContext context;
    private final Page page;
    private volatile long deadline = Long.MAX_VALUE;
    private volatile boolean closed;
    private volatile int lastDocumentStatus;

    private LoginRunner(LoginJob job, BrowserContext context, Page page) {
        this.job = job;
        this.context = context;
        this.page = page;
    }

    static LoginRunner open(Browser browser, LoginJob job, boolean ignoreHttpsErrors) {
        BrowserContext context = browser.newContext(PageRenderer.contextOptions(ignoreHttpsErrors));
        try {
            Page page = context.newPage();
            page.setDefaultTimeout(Math.max(1, job.stepTimeout().toMillis()));
            page.setDefaultNavigationTimeout(Math.max(1, job.stepTimeout().toMillis()));
            return new LoginRunner(job, context, page);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /** Runs every step; the context is closed afterwards whatever happens. */
    LoginOutcome run(Browser browser) {
        // the status of the last document the page navigated to: a form posted to a draining instance answers 502
        page.onResponse(r -> {
            if (r.request().isNavigationRequest() && r.frame().parentFrame() == null) {
                lastDocumentStatus = r.status();
            }
        });
        List<String> details = new ArrayList<>();
        List<LoginStep> steps = job.steps();
        try {
            for (int i = 0; i < steps.size(); i++) {
                LoginStep step = steps.get(i);
                String where = "step " + (i + 1) + " of " + steps.size() + ", " + step.describe();
                deadline = System.nanoTime() + job.stepTimeout().toNanos();
                try {
                    perform(step).ifPresent(problem -> {
                        throw new StepFailed(problem);
                    });
                } catch (StepFailed e) {
                    return failed(where, e.getMessage(), details);
                } catch (TimeoutError e) {
                    LoginOutcome.NotLoggedIn failed = failed(where, "timed out after " + Durations.format(job.stepTimeout()), details);
                    // a navigation that never answered may answer next time; a wait_for that timed out
                    // on a page served fine is the site refusing, and stays (unless the page was a 5xx)
                    return step instanceof LoginStep.Goto && failed.transientCause().isEmpty()
                            ? new LoginOutcome.NotLoggedIn(failed.status(), failed.summary(), failed.details(), Optional.of("timeout"))
                            : failed;
                } catch (RuntimeException e) {
                    if (closed || !browser.isConnected()) {
                        String why = closed ? "the page's script kept the browser busy" : "the browser failed: "
                                + BrowserSession.firstLine(e);
                        return new LoginOutcome.NotLoggedIn(closed ? Status.FAIL : Status.ERROR,
                                job.redactor().redact("failed at " + where + ": " + why), details);
                    }
                    return failed(where, job.redactor().redact(BrowserSession.firstLine(e)), details);
                }
                details.add(where + ": done");
            }
            deadline = System.nanoTime() + job.stepTimeout().toNanos();
            String state = context.storageState();
            List<SessionCookie> cookies = context.cookies().stream().map(LoginRunner::cookie).toList();
            String at = path(page.url());
            return new LoginOutcome.LoggedIn(state, cookies, job.redactor().redact("logged in: " + steps.size()
                    + " steps, at " + at + ", " + cookies.size() + (cookies.size() == 1 ? " cookie" : " cookies")
                    + " for the pages and APIs that need the session"));
        } finally {
            close();
        }
    }

    private Optional<String> perform(LoginStep step) {
        long timeout = Math.max(1, job.stepTimeout().toMillis());
        if (step instanceof LoginStep.Goto g) {
            Response response = page.navigate(Targets.resolve(job.target(), g.path()).toString(),
                    new Page.NavigateOptions().setTimeout(timeout));
            if (response != null && response.status() >= 400) {
                return Optional.of("answered " + response.status());
            }
        } else if (step instanceof LoginStep.Fill f) {
            page.fill(f.selector(), f.value(), new Page.FillOptions().setTimeout(timeout));
        } else if (step instanceof LoginStep.Click c) {
            page.click(c.selector(), new Page.ClickOptions().setTimeout(timeout));
        } else if (step instanceof LoginStep.WaitForUrl w) {
            page.waitForURL(url -> w.pattern().matches(job.target(), url),
                    new Page.WaitForURLOptions().setTimeout(timeout));
        } else if (step instanceof LoginStep.WaitForSelector s) {
            page.waitForSelector(s.selector(), new Page.WaitForSelectorOptions()
                    .setState(WaitForSelectorState.VISIBLE).setTimeout(timeout));
        }
        return Optional.empty();
    }

    /** The failure line: the step, what went wrong, and what the page showed, masked and bounded. */
    private LoginOutcome.NotLoggedIn failed(String where, String what, List<String> details) {
        String shown = shown();
        String line = "failed at " + where + ": " + what + shown;
        List<String> all = new ArrayList<>(details);
        all.add(job.redactor().cut(where + ": " + what, 300));
        Optional<String> cause = lastDocumentStatus >= 500
                ? Optional.of("HTTP " + lastDocumentStatus) : Optional.empty();
        return new LoginOutcome.NotLoggedIn(Status.FAIL, job.redactor().cut(line, 400), all, cause);
    }

    private String shown() {
        if (closed || page.isClosed()) {
            return "";
        }
        deadline = System.nanoTime() + EXPLAIN_MS * 1_000_000L;
        try {
            String title = page.title();
            String at = path(page.url());
            String text = String.valueOf(page.evaluate(SHOWN_TEXT));
            StringBuilder s = new StringBuilder("; the page showed ");
            s.append(title.isBlank() ? "no title" : "\"" + job.redactor().cut(title.strip(), 60) + "\"");
            s.append(" at ").append(job.redactor().redact(at));
            if (!text.isBlank()) {
                s.append(": \"").append(job.redactor().cut(text, SNIPPET_CHARS)).append('"');
            }
            return s.toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /**
     * Closes the login's context when its current call is over its deadline by {@value #OVERDUE_MS}
     * ms, or at once when the session closes: called from the heartbeat, which ticks also while the
     * session's thread waits inside a call on a page whose script never yields.
     */
    boolean closeIfOverdue(long now, boolean sessionClosing) {
        if (closed || !(sessionClosing || now - deadline > OVERDUE_MS * 1_000_000L)) {
            return false;
        }
        close();
        return true;
    }

    private void close() {
        closed = true;
        try {
            context.close();
        } catch (RuntimeException e) {
            // the browser may be gone already
        }
    }

    private static SessionCookie cookie(Cookie c) {
        return new SessionCookie(c.name, c.value, c.domain, c.path, Boolean.TRUE.equals(c.secure));
    }

    /** A page's URL as a person reads it in a line: its path and query on the target, or the whole URL elsewhere. */
    private String path(String url) {
        try {
            URI u = URI.create(url);
            if (Targets.sameOrigin(u, job.target())) {
                return (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
                        + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
            }
        } catch (IllegalArgumentException e) {
            // not a URI: shown as it is
        }
        return url;
    }

    /** A step that ran but did not get what it needs (a page answering 500). */
    private static final class StepFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepFailed(String message) {
            super(message, null, false, false);
        }
    }
}
