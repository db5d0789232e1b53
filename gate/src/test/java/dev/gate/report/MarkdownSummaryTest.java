package dev.gate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.Status;
import dev.gate.checks.CheckResult;
import dev.gate.verdict.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownSummaryTest {
    @Test
    void aPassingRunReadsLikeThis() {
        assertThat(MarkdownSummary.render(SampleRuns.passed(), ".gate/runs/20261125T100000Z-9f8e7d6")).isEqualTo("""
                ## ✅ PASS: release verified

                all 2 checks passed

                **shop** · https://shop.example.com · 2026-11-25 10:00:00 UTC · took 98s · exit 0

                | expected | observed | previous | release |
                | --- | --- | --- | --- |
                | `9f8e7d6` | `9f8e7d6` | `1a2b3c4` | LIVE |

                ### Checks

                | status | check | kind | reason | time |
                | --- | --- | --- | --- | ---: |
                | ✅ PASS | commit | commit | 9f8e7d6 is live on 3 locations after 2 rounds | 4.1s |
                | ✅ PASS | health | api | 200 in 38ms | 40ms |

                ### Files

                Run folder `.gate/runs/20261125T100000Z-9f8e7d6`: `report.html` (screenshots, plots, every detail), `junit.xml`, `result.json`.
                """);
    }

    @Test
    void checksAreListedWorstFirstWithTheirRunbooks() {
        String md = MarkdownSummary.render(SampleRuns.blocked(), "run");

        assertThat(md).startsWith("## ⛔ BLOCK: deploy blocked\n\n"
                + "checkout: 2 console errors and 1 failed same-origin request (and 2 more)\n\n");
        assertThat(md).contains("""
                | status | check | kind | reason | time |
                | --- | --- | --- | --- | ---: |
                | ❗ ERROR | orders | api | could not connect to 127.0.0.1:9 within 10s: connection refused · runbook `playbooks/api-unreachable.md` | 40ms |
                | ❌ FAIL | checkout | page | 2 console errors and 1 failed same-origin request · runbook `playbooks/console-errors.md` | 2.3s |
                | ❌ FAIL | product-list | latency | 34% slower than before (×1.34, 99% CI 1.25–1.44, p &lt; 0.0001) · runbook `playbooks/latency-regression.md` | 6.4s |
                | ⚠️ WARN | budget-health | budget | p95 281ms is within 10% of the 300ms budget · runbook `playbooks/latency-budget.md` | 3ms |
                | ✅ PASS | commit | commit | 9f8e7d6 is live on 3 locations after 2 rounds | 4.1s |
                | ✅ PASS | home | page | rendered in 1.2s; 0 console errors | 2.3s |
                | ✅ PASS | health | api | 200 in 38ms | 40ms |
                | ✅ PASS | home-latency | latency | no slowdown worth blocking for (×1.02, p = 0.41) | 6.4s |
                | ✅ PASS | cdn | cdn-cache | every asset is cached at the edge | 120ms |
                """);
    }

    @Test
    void theLatencyTableComparesPercentilesAndGivesTheEffectWithItsInterval() {
        String md = MarkdownSummary.render(SampleRuns.blocked(), "run");

        assertThat(md).contains("""
                ### Latency

                | endpoint | status | baseline p50 / p95 | current p50 / p95 | ratio (CI) | p |
                | --- | --- | ---: | ---: | ---: | ---: |
                | product-list | ❌ FAIL | 119 ms / 141 ms | 154 ms / 187 ms | ×1.34 (1.25–1.44) | &lt; 0.0001 |
                | home-latency | ✅ PASS | 215 ms / 254 ms | 211 ms / 256 ms | ×1.02 (0.97–1.07) | 0.41 |
                """);
    }

    @Test
    void recordedPercentilesWinOverOnesComputedFromSamples() {
        CheckResult c = new CheckResult("api", "latency", "GET /api", Status.PASS, "ok", List.of(),
                Map.of("baseline_ms", List.of(10, 20, 30), "current_ms", List.of(11, 21, 31), "baseline_p50", 12,
                        "baseline_p95", 28, "current_p50", 13, "current_p95", 31),
                List.of(), "", Duration.ofMillis(1));

        String md = MarkdownSummary.render(SampleRuns.record(Verdict.PASS, 0, "ok", List.of(c), List.of()), "run");

        assertThat(md).contains("| api | ✅ PASS | 12 ms / 28 ms | 13 ms / 31 ms | – | – |\n");
    }

    @Test
    void aCellCannotBreakTheTable() {
        CheckResult c = new CheckResult("x|y", "api", "n", Status.FAIL, "a | b\nc <b>d</b>", List.of(), Map.of(),
                List.of(), "", Duration.ofMillis(1));

        String md = MarkdownSummary.render(SampleRuns.record(Verdict.BLOCK, 1, "x|y: a | b\nc", List.of(c), List.of()), "run");

        assertThat(md).contains("| ❌ FAIL | x\\|y | api | a \\| b<br>c &lt;b&gt;d&lt;/b&gt; | 1ms |\n");
        assertThat(md).contains("\nx\\|y: a \\| b c\n");
    }

    @Test
    void aFlakyCheckIsAWarningWhoseLineNamesTheFirstFailure() {
        String md = MarkdownSummary.render(SampleRuns.retried(), "run");

        assertThat(md).contains("flaky: page / passed on the second attempt; the first failed: HTTP 503")
                .contains("GET /api/orders → 503 (expected 2xx): draining (all 3 attempts failed)");
    }
}
