package dev.gate.checks.page;

import dev.gate.checks.Redactor;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One page for the browser to render.
 *
 * @param needsEvidence    decides, from what was seen, whether to keep a screenshot and a trace
 * @param recordTrace      whether a Playwright trace may be recorded at all (not where secrets are in play)
 * @param commitHeader     a response header to read the commit from, when the marker is a header
 * @param storageState     the logged-in session to seed the page's context with (Playwright's storage
 *                         state as JSON), for a page with {@code auth: true}; empty for every other page
 * @param retry            a second attempt: it gets a context of its own, not a kept tab, so it shares
 *                         no connection with the first (a load balancer picks the instance per connection)
 */
public record PageJob(
        String id,
        URI url,
        Duration timeout,
        List<String> selectors,
        List<String> texts,
        boolean wantHtml,
        Optional<String> commitHeader,
        Path artifactDir,
        Predicate<PageObservation> needsEvidence,
        boolean screenshotAlways,
        boolean recordTrace,
        Redactor redactor,
        Optional<String> storageState,
        boolean retry) {

    public PageJob {
        selectors = List.copyOf(selectors);
        texts = List.copyOf(texts);
    }

    /** A page seeded with the session, or tried again, renders in a context of its own. */
    boolean needsOwnContext() {
        return storageState.isPresent() || retry;
    }
}
