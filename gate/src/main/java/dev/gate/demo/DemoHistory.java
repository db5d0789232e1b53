package dev.gate.demo;

import dev.gate.baseline.Baseline;
import dev.gate.checks.latency.Quantiles;
import dev.gate.history.EndpointStats;
import dev.gate.history.HistoryDatabase;
import dev.gate.history.HistoryException;
import dev.gate.history.HistoryStore;
import dev.gate.history.RunEntry;
import dev.gate.history.RunKind;
import dev.gate.io.Io;
import dev.gate.run.EndpointSamples;
import dev.gate.suite.Suite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * The shop's earlier deploys, so that the demo's deploy history has a normal: twelve deploys of
 * v1 over the days before the demo, each at the product list's latency as a baseline measured it
 * (v2 serves it as fast as v1), with the 2% a real stack's medians vary by from one deploy to the next.
 */
final class DemoHistory {
    static final int EARLIER_DEPLOYS = 12;
    private static final String ENDPOINT = "product-list";

    private DemoHistory() {
    }

    /**
     * @param v1At when v1 was committed: the earlier deploys follow it
     * @return the line that tells it, or empty when the baseline measured no product list
     */
    static Optional<String> seed(Suite suite, Baseline baseline, DemoRepository repo, Instant v1At, Io io)
            throws HistoryException {
        EndpointSamples measured = baseline.endpoints().get(ENDPOINT);
        if (measured == null || measured.totalMs().isEmpty()) {
            return Optional.empty();
        }
        double median = Quantiles.median(measured.totalMs().stream().mapToDouble(Double::doubleValue).toArray());
        String v1 = repo.commit("v1").hex();
        Instant first = v1At.plus(Duration.ofHours(1));
        Random random = new Random(2026);
        Duration timeout = suite.timeouts().request();
        try (HistoryDatabase db = HistoryDatabase.open(suite.history(), io.cwd(), timeout)) {
            HistoryStore store = new HistoryStore(db, timeout);
            for (int i = 0; i < EARLIER_DEPLOYS; i++) {
                double m = median * Math.exp(0.02 * random.nextGaussian());
                Instant at = first.plus(Duration.ofHours(6L * i));
                EndpointStats stats = new EndpointStats(ENDPOINT, "GET /api/products", measured.totalMs().size(), m, m * 1.15,
                        m * 1.2, Math.log(m), 0.1);
                store.record(new RunEntry(suite.name(), RunKind.VERIFY, suite.target().toString(), Optional.empty(),
                        Optional.of(v1), Optional.of(v1), Optional.of(v1), Optional.of("Open the shop: home, product list and product pages"),
                        Optional.of("PASS"), 0, "an earlier deploy of v1", "none", at, at.plusSeconds(40), Optional.empty(),
                        List.of(), List.of(stats), List.of()));
            }
        }
        return Optional.of(String.format(Locale.ROOT, "→ The shop's deploy history (%s) gets its %d earlier deploys of v1, "
                + "the product list at its median now (%.1f ms): what the trip-wire takes as normal",
                io.display(suite.history().sqliteFile(io.cwd())), EARLIER_DEPLOYS, median));
    }
}
