package dev.gate.history;

import dev.gate.baseline.Baseline;
import dev.gate.checks.CheckResult;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.latency.EndpointVerdict;
import dev.gate.checks.latency.LatencyMetrics;
import dev.gate.checks.page.PageMetrics;
import dev.gate.run.RollbackState;
import dev.gate.run.RunRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the history keeps of one run: the run's line, its checks' lines, and per latency endpoint
 * and key page the numbers a trend is drawn from. Built from the redacted run record (or the
 * baseline), so it holds no secret the record does not.
 *
 * @param subject  the expected commit's subject line, when a checkout was at hand
 * @param rollback {@code none}, {@code confirmed} or {@code not-confirmed}
 */
public record RunEntry(String suite, RunKind kind, String target, Optional<String> shard,
                       Optional<String> expectedCommit, Optional<String> previousCommit,
                       Optional<String> observedCommit, Optional<String> subject, Optional<String> verdict,
                       int exitStatus, String reason, String rollback, Instant startedAt, Instant finishedAt,
                       Optional<String> runFolder, List<CheckRow> checks, List<EndpointStats> endpoints,
                       List<PageStats> pages) {
    public RunEntry {
        checks = List.copyOf(checks);
        endpoints = List.copyOf(endpoints);
        pages = List.copyOf(pages);
    }

    /** The entry of a verification, a merge or a watch round, from its (redacted) record. */
    public static RunEntry of(RunRecord r, RunKind kind, Optional<String> subject, Optional<String> runFolder) {
        List<CheckRow> checks = new ArrayList<>();
        List<EndpointStats> endpoints = new ArrayList<>();
        List<PageStats> pages = new ArrayList<>();
        for (CheckResult c : r.checks()) {
            checks.add(new CheckRow(c.id(), c.kind(), c.status().name(), c.duration().toMillis(), c.summary()));
            if (c.kind().equals(EndpointVerdict.KIND)) {
                numbers(c.metrics().get(LatencyMetrics.CURRENT_MS)).filter(ms -> !ms.isEmpty()).ifPresent(ms ->
                        endpoints.add(EndpointStats.of(EndpointVerdict.endpointOf(c.id()), c.name(), ms)));
            } else if (c.kind().equals("page") && c.metrics().containsKey(PageMetrics.BYTES)) {
                pages.add(page(c.id(), c.metrics()));
            }
        }
        String rollback = switch (r.rollbackState()) {
            case NOT_RUN -> "none";
            case CONFIRMED -> "confirmed";
            case NOT_CONFIRMED -> "not-confirmed";
        };
        return new RunEntry(r.suite().name(), kind, r.target(), r.shard(), Optional.ofNullable(r.expectedCommit()).map(CommitId::hex),
                r.previousCommit().map(CommitId::hex), r.observedCommit().map(CommitId::hex), subject,
                Optional.ofNullable(r.verdict()).map(Enum::name), r.exitStatus(), r.reason(), rollback, r.startedAt(),
                r.finishedAt(), runFolder, checks, endpoints, pages);
    }

    /** The entry of a baseline: the release live before a deploy, as it was measured then. */
    public static RunEntry ofBaseline(String suite, Baseline b, Instant started) {
        List<EndpointStats> endpoints = new ArrayList<>();
        b.endpoints().values().forEach(e -> {
            if (!e.totalMs().isEmpty()) {
                endpoints.add(EndpointStats.of(e.id(), e.method() + " " + java.net.URI.create(e.url()).getRawPath(), e.totalMs()));
            }
        });
        List<PageStats> pages = new ArrayList<>();
        b.pages().values().forEach(p -> pages.add(page(p.id(), new LinkedHashMap<>(p.metrics()))));
        Optional<String> live = b.liveCommit();
        return new RunEntry(suite, RunKind.BASELINE, b.target(), Optional.empty(), live, Optional.empty(), live,
                Optional.empty(), Optional.empty(), 0, "baseline of " + live.map(c -> c.substring(0, Math.min(7, c.length())))
                .orElse("an unknown commit"), "none", started, b.takenAt(), Optional.empty(), List.of(), endpoints, pages);
    }

    /** Whether this run is a deploy that passed the gate: the history's idea of normal. */
    public boolean passedDeploy() {
        return (kind == RunKind.VERIFY || kind == RunKind.MERGE) && shard.isEmpty()
                && verdict.filter(v -> !v.equals("BLOCK")).isPresent() && rollback.equals("none");
    }

    private static PageStats page(String id, Map<String, Object> m) {
        Map<String, PageStats.ResourceWeight> byType = new LinkedHashMap<>();
        for (String type : PageMetrics.RESOURCE_TYPES) {
            Optional<Double> bytes = number(m.get(type + "_bytes"));
            Optional<Double> requests = number(m.get(type + "_requests"));
            if (bytes.isPresent() || requests.isPresent()) {
                byType.put(type, new PageStats.ResourceWeight(bytes.orElse(0.0).longValue(), requests.orElse(0.0).intValue()));
            }
        }
        return new PageStats(id, number(m.get(PageMetrics.BYTES)).map(Double::longValue),
                number(m.get(PageMetrics.REQUESTS)).map(Double::intValue), number(m.get(PageMetrics.LCP_MS)),
                number(m.get(PageMetrics.DOM_NODES)).map(Double::intValue), byType);
    }

    private static Optional<Double> number(Object o) {
        return o instanceof Number n && Double.isFinite(n.doubleValue()) ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    private static Optional<List<Double>> numbers(Object o) {
        if (!(o instanceof List<?> list)) {
            return Optional.empty();
        }
        List<Double> out = new ArrayList<>();
        for (Object x : list) {
            if (x instanceof Number n && n.doubleValue() > 0 && Double.isFinite(n.doubleValue())) {
                out.add(n.doubleValue());
            }
        }
        return Optional.of(out);
    }
}
