package dev.gate.checks.page;

import dev.gate.checks.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A key page as the suite declares it.
 *
 * @param expectedStatus       the main response's status
 * @param selectors            CSS selectors that must each be visible
 * @param texts                text the rendered page must contain
 * @param title                a regular expression the title must match (find, not full match)
 * @param consoleErrors        console errors and uncaught exceptions
 * @param sameOriginFailures   failed requests to the site itself: the deleted-chunk case
 * @param thirdPartyFailures   failed requests to other origins
 * @param auth                 rendered logged in: its browser context is seeded with the session the
 *                             suite's {@code login:} made ({@code auth: true})
 */
public record PageSpec(
        String id,
        String path,
        int expectedStatus,
        List<String> selectors,
        List<String> texts,
        Optional<Pattern> title,
        Severity consoleErrors,
        Severity sameOriginFailures,
        Severity thirdPartyFailures,
        boolean auth) {

    public PageSpec {
        Objects.requireNonNull(id);
        Objects.requireNonNull(path);
        selectors = List.copyOf(selectors);
        texts = List.copyOf(texts);
        Objects.requireNonNull(title);
        Objects.requireNonNull(consoleErrors);
        Objects.requireNonNull(sameOriginFailures);
        Objects.requireNonNull(thirdPartyFailures);
    }

    /** A page rendered without the session. */
    public PageSpec(String id, String path, int expectedStatus, List<String> selectors, List<String> texts,
                    Optional<Pattern> title, Severity consoleErrors, Severity sameOriginFailures,
                    Severity thirdPartyFailures) {
        this(id, path, expectedStatus, selectors, texts, title, consoleErrors, sameOriginFailures, thirdPartyFailures,
                false);
    }

    public static PageSpec simple(String id, String path) {
        return new PageSpec(id, path, 200, List.of(), List.of(), Optional.empty(),
                Severity.BLOCK, Severity.BLOCK, Severity.WARN);
    }

    /** The same page under another id: a second round of checks keeps its own artifacts. */
    public PageSpec withId(String newId) {
        return new PageSpec(newId, path, expectedStatus, selectors, texts, title, consoleErrors, sameOriginFailures,
                thirdPartyFailures, auth);
    }

    /** The same page, rendered with the session or without it. */
    public PageSpec withAuth(boolean newAuth) {
        return new PageSpec(id, path, expectedStatus, selectors, texts, title, consoleErrors, sameOriginFailures,
                thirdPartyFailures, newAuth);
    }
}
