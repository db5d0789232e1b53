package dev.gate.checks.page;

import dev.gate.checks.Check;
import dev.gate.checks.CheckContext;
import dev.gate.checks.CheckResult;
import dev.gate.checks.Severity;
import dev.gate.checks.Status;
import dev.gate.checks.http.ProbeResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Do the assets the previous release's pages loaded still answer? Browsers holding an old page
 * keep requesting its chunks for hours after a deploy, and fail with ChunkLoadErrors when a deploy
 * deleted them.
 */
public final class OldAssetsCheck implements Check {
    public static final String ID = "old-assets";
    public static final String KIND = "assets";
    private static final int LIMIT = 200;

    private final List<String> urls;
    private final Severity severity;

    public OldAssetsCheck(List<String> urls, Severity severity) {
        this.urls = List.copyOf(urls.subList(0, Math.min(LIMIT, urls.size())));
        this.severity = severity;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String name() {
        return "assets of the previous release";
    }

    @Override
    public CheckResult run(CheckContext context) throws InterruptedException {
        String name = name();
        List<String> missing = new ArrayList<>();
        for (String url : urls) {
            String outcome;
            try {
                ProbeResponse r = context.http().get(URI.create(url), Map.of("Cache-Control", "no-cache"));
                outcome = r.status() == 200 ? "" : String.valueOf(r.status());
            } catch (IOException e) {
                outcome = e.getMessage();
            }
            if (!outcome.isEmpty()) {
                missing.add(PageJudge.pathOf(url) + " → " + outcome);
            }
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("checked", urls.size());
        metrics.put("missing", missing.size());
        if (missing.isEmpty()) {
            return CheckResult.pass(ID, KIND, name, urls.size() + " assets of the previous release still load")
                    .withMetrics(metrics);
        }
        Status status = severity == Severity.BLOCK ? Status.FAIL : severity.status();
        String summary = missing.size() + " of " + urls.size() + " assets of the previous release are gone ("
                + missing.get(0) + (missing.size() > 1 ? ", ..." : "") + "): browsers with the old page open will fail to load them";
        return CheckResult.of(ID, KIND, name, status, summary).withDetails(missing).withMetrics(metrics)
                .withPlaybook("missing-asset").withDuration(Duration.ZERO);
    }
}
