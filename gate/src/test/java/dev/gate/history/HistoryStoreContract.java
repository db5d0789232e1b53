package dev.gate.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gate.suite.HistorySpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What the history store promises, on whichever database {@link #spec} names. */
abstract class HistoryStoreContract {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    /** A fresh, empty history. */
    abstract HistorySpec spec();

    abstract Path cwd();

    static RunEntry deploy(String suite, int n, double medianMs, String verdict) {
        return entry(suite, RunKind.VERIFY, Optional.empty(), n, medianMs, verdict, List.of(
                new CheckRow("commit", "commit", "PASS", 1200, "commit " + commit(n).substring(0, 7) + " live"),
                new CheckRow("products-latency", "latency", "PASS", 4000, "GET /api/products: not slower")));
    }

    static RunEntry entry(String suite, RunKind kind, Optional<String> shard, int n, double medianMs, String verdict,
                          List<CheckRow> checks) {
        EndpointStats stats = EndpointStats.of("products", "GET /api/products", List.of(medianMs * 0.9, medianMs, medianMs * 1.1));
        PageStats page = new PageStats("home", Optional.of(52_000L + n), Optional.of(7), Optional.of(420.5), Optional.of(310),
                Map.of("script", new PageStats.ResourceWeight(30_000, 2), "stylesheet", new PageStats.ResourceWeight(8_000, 1)));
        return new RunEntry(suite, kind, "http://127.0.0.1:8080", shard, Optional.of(commit(n)), Optional.of(commit(n - 1)),
                Optional.of(commit(n)), Optional.of("change number " + n), Optional.of(verdict), verdict.equals("BLOCK") ? 1 : 0,
                "reason " + n, "none", T0.plus(Duration.ofHours(n)), T0.plus(Duration.ofHours(n)).plusSeconds(30),
                Optional.of(".gate/runs/" + n), checks, List.of(stats), List.of(page));
    }

    static String commit(int n) {
        return String.format("%07x", 0xc000000 + n) + "d".repeat(33);
    }

    private List<Deploy> deploys(String suite, int last) throws HistoryException {
        try (HistoryDatabase db = HistoryDatabase.open(spec(), cwd(), TIMEOUT)) {
            return new HistoryStore(db, TIMEOUT).deploys(suite, last);
        }
    }

    private void record(RunEntry e) throws HistoryException {
        try (HistoryDatabase db = HistoryDatabase.open(spec(), cwd(), TIMEOUT)) {
            new HistoryStore(db, TIMEOUT).record(e);
        }
    }

    @Test
    void aRecordedDeployReadsBackWithItsNumbers() throws Exception {
        record(deploy("shop", 1, 14.0, "PASS"));

        List<Deploy> deploys = deploys("shop", 30);
        assertThat(deploys).hasSize(1);
        Deploy d = deploys.get(0);
        assertThat(d.commit()).contains(commit(1));
        assertThat(d.previousCommit()).contains(commit(0));
        assertThat(d.subject()).contains("change number 1");
        assertThat(d.verdict()).contains("PASS");
        assertThat(d.passed()).isTrue();
        assertThat(d.finishedAt()).isEqualTo(T0.plus(Duration.ofHours(1)).plusSeconds(30));
        EndpointStats e = d.endpoints().get("products");
        assertThat(e.n()).isEqualTo(3);
        assertThat(e.medianMs()).isEqualTo(14.0);
        assertThat(e.label()).isEqualTo("GET /api/products");
        assertThat(e.logSd()).isGreaterThan(0.05);
        PageStats p = d.pages().get("home");
        assertThat(p.bytes()).contains(52_001L);
        assertThat(p.lcpMs()).contains(420.5);
        assertThat(p.domNodes()).contains(310);
        assertThat(p.byType()).containsEntry("script", new PageStats.ResourceWeight(30_000, 2));
    }

    @Test
    void deploysAreTheSuitesVerificationsNotBaselinesShardsOrOtherSuites() throws Exception {
        record(entry("shop", RunKind.BASELINE, Optional.empty(), 1, 10, "PASS", List.of()));
        record(entry("shop", RunKind.VERIFY, Optional.of("1/2"), 2, 10, "PASS", List.of()));
        record(deploy("blog", 3, 10, "PASS"));
        record(entry("shop", RunKind.MERGE, Optional.empty(), 4, 10, "BLOCK", List.of()));
        record(deploy("shop", 5, 10, "WARN"));

        List<Deploy> deploys = deploys("shop", 30);
        assertThat(deploys).extracting(Deploy::commit).containsExactly(Optional.of(commit(4)), Optional.of(commit(5)));
        assertThat(deploys.get(0).blocked()).isTrue();
        assertThat(deploys.get(0).passed()).isFalse();
        assertThat(deploys.get(1).passed()).isTrue();
    }

    @Test
    void theLastDeploysComeOldestFirst() throws Exception {
        for (int n = 1; n <= 8; n++) {
            record(deploy("shop", n, 10 + n, "PASS"));
        }
        assertThat(deploys("shop", 3)).extracting(Deploy::commit)
                .containsExactly(Optional.of(commit(6)), Optional.of(commit(7)), Optional.of(commit(8)));
    }

    @Test
    void writersAtTheSameMomentAllLandEvenOnAFreshDatabase() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                done.add(pool.submit((Callable<Void>) () -> {
                    for (int i = 0; i < 5; i++) {
                        record(deploy("shop", 100 + writer * 10 + i, 12, "PASS"));
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(deploys("shop", 100)).hasSize(20);
    }

    @Test
    void aRunIsWrittenWholeOrNotAtAll() throws Exception {
        record(deploy("shop", 1, 10, "PASS"));
        RunEntry broken = entry("shop", RunKind.VERIFY, Optional.empty(), 2, 10, "PASS", List.of(
                new CheckRow("home", "page", "PASS", 1, "ok"), new CheckRow("home", "page", "PASS", 1, "the same id again")));

        assertThatThrownBy(() -> record(broken)).isInstanceOf(HistoryException.class);
        assertThat(deploys("shop", 30)).extracting(Deploy::commit).containsExactly(Optional.of(commit(1)));
    }
}
