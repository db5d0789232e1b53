package dev.gate.checks;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the suite's login steps ended with: a session the checks that need one reuse, or why there
 * is none. Held in memory only; the storage state and the cookies are never written anywhere.
 */
public sealed interface LoginOutcome {
    /** The line the login check reports. */
    String summary();

    /**
     * Logged in.
     *
     * @param storageState Playwright's storage state (cookies and local storage) as JSON, to seed the
     *                     browser contexts of pages with {@code auth: true}
     * @param cookies      the session's cookies, for API checks with {@code auth: session}
     */
    record LoggedIn(String storageState, List<SessionCookie> cookies, String summary) implements LoginOutcome {
        public LoggedIn {
            Objects.requireNonNull(storageState, "storageState");
            cookies = List.copyOf(cookies);
            Objects.requireNonNull(summary, "summary");
        }

        /** The {@code Cookie} header a browser would send to {@code uri}; empty when no cookie goes there. */
        public String cookieHeader(URI uri) {
            return cookies.stream().filter(c -> c.sentTo(uri)).map(c -> c.name() + "=" + c.value())
                    .collect(Collectors.joining("; "));
        }

        /** The values to hide: every cookie of the session is a credential. */
        public Set<String> secrets() {
            return cookies.stream().map(SessionCookie::value).collect(Collectors.toSet());
        }
    }

    /**
     * No session.
     *
     * @param status  {@link Status#FAIL} when a step failed on the site, {@link Status#ERROR} when the
     *                login could not run (the browser was lost)
     * @param details a line per step, up to the one that failed
     * @param transientCause why logging in again may pass ({@code HTTP 502}, {@code timeout}): the site
     *                answered 5xx or not at all, which a draining instance does; empty when the site
     *                answered and refused (a wrong password is never tried again: accounts lock)
     */
    record NotLoggedIn(Status status, String summary, List<String> details, Optional<String> transientCause)
            implements LoginOutcome {
        public NotLoggedIn {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(summary, "summary");
            details = List.copyOf(details);
            Objects.requireNonNull(transientCause, "transientCause");
        }

        public NotLoggedIn(Status status, String summary, List<String> details) {
            this(status, summary, details, Optional.empty());
        }
    }
}
