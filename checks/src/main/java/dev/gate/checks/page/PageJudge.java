package dev.gate.checks.page;

import dev.gate.checks.time.Durations;
import dev.gate.checks.Redactor;
import dev.gate.checks.Severity;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.commit.CommitMarker;
import dev.gate.checks.commit.CommitMarkerReader;
import dev.gate.checks.commit.MarkerReading;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges what the browser saw against what the suite expects. A pure function: the same
 * observation always gives the same findings, and it is tested without a browser.
 */
public final class PageJudge {
    /**
     * Main-frame navigations a page may make and still settle: a login or consent redirect done by
     * script takes two or three. More is a page that reloads itself (a meta refresh, a location loop).
     */
    static final int MAX_NAVIGATIONS = 5;

    private final PageSpec spec;
    private final Duration timeout;
    private final Optional<ExpectedCommit> commit;
    private final Redactor redactor;

    /** The commit the rendered page must carry, and how to read it. */
    public record ExpectedCommit(CommitMarker marker, CommitId expected) {
    }

    /** @param redactor the suite's, for what the judge quotes of the page cut (a marker value) */
    public PageJudge(PageSpec spec, Duration timeout, Optional<ExpectedCommit> commit, Redactor redactor) {
        this.spec = spec;
        this.timeout = timeout;
        this.commit = commit;
        this.redactor = redactor;
    }

    public boolean needsHtml() {
        return commit.map(c -> c.marker().readFromPages() && !(c.marker() instanceof CommitMarker.Header)).orElse(false);
    }

    public List<PageFinding> judge(PageObservation o) {
        List<PageFinding> findings = new ArrayList<>();
        String path = pathOf(o.url());
        // a page that never came to rest is judged by that alone: the rest was seen mid-flight
        if (o.scriptBusy()) {
            findings.add(new PageFinding(Severity.BLOCK, path + " did not finish in " + Durations.format(timeout)
                    + ": the page's script kept the browser busy", "page-broken"));
            return findings;
        }
        if (o.navigations() > MAX_NAVIGATIONS) {
            findings.add(new PageFinding(Severity.BLOCK, path + " never settled: it navigated " + o.navigations()
                    + " times in " + Durations.format(timeout) + " (meta refresh / script reload)", "page-broken"));
            return findings;
        }
        if (o.mainStatus() == 0) {
            String why = o.mainFailure().isEmpty() ? "no response within " + Durations.format(timeout) : o.mainFailure();
            // a navigation that got no answer (refused, reset, timed out) says nothing about the release
            findings.add(PageFinding.passing(Severity.BLOCK, "GET " + path + " failed: " + why, "page-broken", why));
            return findings;
        }
        if (o.mainStatus() != spec.expectedStatus()) {
            String line = "GET " + path + " → " + o.mainStatus() + " (expected " + spec.expectedStatus() + ")"
                    + redirectNote(o);
            findings.add(o.mainStatus() >= 500
                    ? PageFinding.passing(Severity.BLOCK, line, "page-broken", "HTTP " + o.mainStatus())
                    : new PageFinding(Severity.BLOCK, line, "page-broken"));
        }
        if (!o.loaded()) {
            String line = path + " did not finish loading within " + Durations.format(timeout);
            findings.add(PageFinding.passing(Severity.BLOCK, line, "page-broken", line));
        }
        for (String selector : o.missingSelectors()) {
            findings.add(new PageFinding(Severity.BLOCK, "selector \"" + selector + "\" not visible after "
                    + Durations.format(timeout), "page-broken"));
        }
        for (String text : o.missingTexts()) {
            findings.add(new PageFinding(Severity.BLOCK, "text \"" + text + "\" not on the page", "page-broken"));
        }
        spec.title().ifPresent(pattern -> {
            if (!pattern.matcher(o.title()).find()) {
                findings.add(new PageFinding(Severity.BLOCK, "title \"" + o.title() + "\" does not match /"
                        + pattern.pattern() + "/", "page-broken"));
            }
        });
        for (String error : o.pageErrors()) {
            findings.add(new PageFinding(spec.consoleErrors(), error, "page-broken"));
        }
        for (String error : o.consoleErrors()) {
            findings.add(new PageFinding(spec.consoleErrors(), "console error: " + error, "page-broken"));
        }
        for (FailedRequest r : o.failedRequests()) {
            Severity severity = r.sameOrigin() ? spec.sameOriginFailures() : spec.thirdPartyFailures();
            String line = describe(r, path, o.url());
            String playbook = r.sameOrigin() ? "missing-asset" : "page-broken";
            // an asset the server failed to serve (5xx) or the network dropped may load next time; a 404 will not
            boolean passing = r.status() >= 500 || r.status() == 0;
            findings.add(passing ? PageFinding.passing(severity, line, playbook, line) : new PageFinding(severity, line, playbook));
        }
        commit.ifPresent(c -> commitFinding(c, o).ifPresent(findings::add));
        findings.removeIf(f -> f.severity() == Severity.IGNORE);
        return findings;
    }

    private static String redirectNote(PageObservation o) {
        if (o.redirects().isEmpty()) {
            return "";
        }
        List<String> hops = new ArrayList<>();
        o.redirects().forEach(r -> hops.add(pathOf(r)));
        hops.add(pathOf(o.finalUrl()));
        return ", after redirects " + String.join(" → ", hops);
    }

    private Optional<PageFinding> commitFinding(ExpectedCommit c, PageObservation o) {
        MarkerReading reading;
        if (c.marker() instanceof CommitMarker.Header h) {
            reading = o.commitHeader().flatMap(CommitId::parse).map(MarkerReading::found)
                    .orElse(MarkerReading.missing("no " + h.name() + " header on the page's response"));
        } else if (o.html().isPresent()) {
            reading = new CommitMarkerReader(c.marker(), redactor).readHtml(o.html().get());
        } else {
            return Optional.empty();
        }
        if (reading.commit().isEmpty()) {
            return Optional.of(new PageFinding(Severity.BLOCK, "no commit in the rendered page: " + reading.problem(),
                    "stale-instance"));
        }
        if (!reading.commit().get().sameCommitAs(c.expected())) {
            return Optional.of(new PageFinding(Severity.BLOCK, "the page rendered commit " + reading.commit().get()
                    + ", expected " + c.expected(), "stale-instance"));
        }
        return Optional.empty();
    }

    /** {@code GET /static/app.3f2a.js → 404 (script, from /checkout)}. */
    static String describe(FailedRequest r, String pagePath, String pageUrl) {
        String where = r.sameOrigin() ? pathAndQuery(r.url()) : r.url();
        String outcome = r.status() > 0 ? " → " + r.status() : " failed: " + r.failure();
        return r.method() + " " + where + outcome + " (" + r.type() + ", from " + pagePath + ")";
    }

    static String pathOf(String url) {
        try {
            URI u = URI.create(url);
            return u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static String pathAndQuery(String url) {
        try {
            URI u = URI.create(url);
            String p = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return u.getRawQuery() == null ? p : p + "?" + u.getRawQuery();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
