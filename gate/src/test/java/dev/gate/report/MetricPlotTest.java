package dev.gate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import dev.gate.run.RunRecord;
import dev.gate.verdict.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MetricPlotTest {
    private static CheckResult ratio(String id, Status status, String summary) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric_kind", "ratio");
        m.put("ratio_before", 0.001);
        m.put("max_increase", 0.005);
        m.put("points_before", List.of(0.001, 0.0, 0.002, 0.001));
        m.put("points_after", List.of(0.02, 0.018, 0.021));
        return CheckResult.of(id, "metric", "sum(increase(x[$__step]))", status, summary).withMetrics(m);
    }

    private static RunRecord run(CheckResult... checks) {
        return SampleRuns.record(Verdict.BLOCK, 1, "metrics", List.of(checks), List.of());
    }

    @Test
    void aBlockingMetricIsACardWithBothWindowsAndTheLevelThatBlocks() {
        Document doc = Jsoup.parse(HtmlReport.render(run(SampleRuns.commit(),
                ratio("error-ratio", Status.FAIL, "0.1% → 2% after the deploy")), ArtifactLinks.linksOnly()));

        var svg = doc.select("#attention article svg.plot").first();
        assertThat(svg).isNotNull();
        // four points before, three after, each a dot; one polyline a window
        assertThat(svg.select("circle")).hasSize(7);
        assertThat(svg.select("polyline")).hasSize(2);
        assertThat(svg.select("line[stroke=#cf222e]")).hasSize(1);
        assertThat(svg.text()).contains("before the deploy (4 points)", "after it went live (3 points)");
    }

    @Test
    void aPassingMetricIsPlottedInTheMetricsSectionAndEverythingIsEscaped() {
        String html = HtmlReport.render(run(SampleRuns.commit(), ratio("ok-ratio", Status.PASS, SampleRuns.HOSTILE)),
                ArtifactLinks.linksOnly());
        Document doc = Jsoup.parse(html);

        assertThat(doc.select("#metrics figure svg.plot")).hasSize(1);
        assertThat(doc.select("#metrics figcaption").text()).contains(SampleRuns.HOSTILE);
        assertThat(html).doesNotContain("<script>");
        assertThat(doc.select("script")).isEmpty();
    }
}
