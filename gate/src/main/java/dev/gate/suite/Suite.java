package dev.gate.suite;

import dev.gate.checks.page.PageWeightSpec;
import dev.gate.freeze.FreezeCalendar;
import dev.gate.checks.Redactor;
import dev.gate.checks.api.ApiSpec;
import dev.gate.checks.commit.CommitMarker;
import dev.gate.checks.commit.ConvergeSpec;
import dev.gate.checks.http.TlsPolicy;
import dev.gate.checks.latency.LatencySpec;
import dev.gate.checks.metric.MetricsSpec;
import dev.gate.checks.page.BrowserSpec;
import dev.gate.checks.page.LoginSpec;
import dev.gate.checks.page.PageSpec;
import dev.gate.checks.trend.TripwireSpec;
import dev.gate.verdict.Policy;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A validated suite: what the site is and what to check. Built only by {@link SuiteLoader}, so
 * every instance has passed validation.
 *
 * @param file     where the suite was read from; relative paths in it are resolved against its folder
 * @param secrets  values never to show: those taken from the environment and those listed under {@code secrets}
 * @param freeze   deploy freeze windows, when {@code gate run} refuses to deploy
 * @param history  where the deploy history is kept
 * @param tripwire the trip-wire on each latency endpoint against the deploy history
 * @param retries  per page and API id, how many times its check is tried again after a failure that
 *                 may pass (a reset, a 502); ids not in it are not retried
 * @param notifications where to tell the team about the run ({@code notify:}), in the suite's order
 * @param login    the steps that make the run's session, for pages with {@code auth: true} and APIs
 *                 with {@code auth: session}
 * @param metrics  the team's Prometheus, its windows before and after the deploy and the queries
 */
public record Suite(
        Path file,
        String name,
        URI target,
        Timeouts timeouts,
        CommitMarker marker,
        ConvergeSpec converge,
        List<PageSpec> pages,
        List<ApiSpec> apis,
        LatencySpec latency,
        OnFailure onFailure,
        BrowserSpec browser,
        int pagesParallel,
        OldAssetsSpec oldAssets,
        TlsPolicy tls,
        Policy policy,
        Set<String> secrets,
        FreezeCalendar freeze,
        Optional<Path> playbooks,
        Map<String, Integer> retries,
        HistorySpec history,
        TripwireSpec tripwire,
        List<NotifyTarget> notifications,
        Optional<LoginSpec> login,
        MetricsSpec metrics,
        PageWeightSpec pageWeight) {

    public Suite {
        notifications = List.copyOf(notifications);
        pages = List.copyOf(pages);
        apis = List.copyOf(apis);
        secrets = Set.copyOf(secrets);
        retries = Map.copyOf(retries);
    }

    /** How many times the check of this id is tried again; 0 for the gate's own checks. */
    public int retries(String id) {
        return retries.getOrDefault(id, 0);
    }

    /** Where the commit marker is read: every key page, or the version endpoint. */
    public List<String> markerLocations() {
        if (marker instanceof CommitMarker.JsonField json) {
            return List.of(json.path());
        }
        return pages.stream().map(PageSpec::path).distinct().toList();
    }

    /** Whether any check needs the login's session. */
    public boolean needsSession() {
        return pages.stream().anyMatch(PageSpec::auth) || apis.stream().anyMatch(ApiSpec::session);
    }

    public Optional<PageSpec> page(String id) {
        return pages.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<ApiSpec> api(String id) {
        return apis.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Where this suite is, whole: what a baseline records to tell suites of one name apart. */
    public String location() {
        return file.toAbsolutePath().normalize().toString();
    }

    /** Hides this suite's secrets in whatever the gate prints or writes. */
    public Redactor redactor() {
        return Redactor.of(secrets);
    }

    public List<String> ids() {
        return Stream.concat(pages.stream().map(PageSpec::id), apis.stream().map(ApiSpec::id)).toList();
    }
}
