package dev.gate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.run.RunRecord;
import dev.gate.verdict.Verdict;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html, parsed back with an HTML5 parser and read the way a browser would. */
class HtmlReportTest {
    @TempDir
    Path runDir;

    private static Document render(RunRecord record, ArtifactLinks links) {
        return Jsoup.parse(HtmlReport.render(record, links));
    }

    private static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void theBannerSaysTheVerdictAndWhy() {
        Document doc = render(SampleRuns.blocked(), ArtifactLinks.linksOnly());

        assertThat(doc.select("header.banner.block .verdict").text()).isEqualTo("BLOCK");
        assertThat(doc.select("header.banner .headline").text()).isEqualTo("Deploy blocked");
        assertThat(doc.select("header.banner .reason").text())
                .isEqualTo("checkout: 2 console errors and 1 failed same-origin request (and 2 more)");
        assertThat(doc.select("header.banner .meta").text())
                .isEqualTo("shop · https://shop.example.com · 2026-11-25 10:00:00 UTC · took 98s · exit 1");
        assertThat(doc.title()).isEqualTo("BLOCK · shop · gate");
        assertThat(render(SampleRuns.passed(), ArtifactLinks.linksOnly()).select("header.banner.pass .headline").text())
                .isEqualTo("Release verified");
    }

    @Test
    void theCommitsShowWhetherTheExpectedReleaseIsTheOneServed() {
        Document doc = render(SampleRuns.blocked(), ArtifactLinks.linksOnly());

        assertThat(doc.select("#commits .commit").eachText()).containsExactly(
                "Expected 9f8e7d6 the commit the pipeline deployed",
                "Observed 9f8e7d6 the site serves the expected commit",
                "Previous 1a2b3c4 live before the deploy",
                "Release live LIVE");
        assertThat(doc.select("#commits .commit code").first().attr("title")).isEqualTo(SampleRuns.NEW);
        assertThat(doc.select("#commits .commit.ok")).hasSize(1);

        RunRecord stale = SampleRuns.blocked();
        stale = new RunRecord(stale.schema(), stale.gateVersion(), stale.suite(), stale.target(), stale.startedAt(),
                stale.finishedAt(), stale.decidedAt(), stale.expectedCommit(), Optional.of(new dev.gate.checks.commit.CommitId(SampleRuns.OLD)), stale.previousCommit(),
                dev.gate.checks.commit.Liveness.NEVER_LIVE,
                Verdict.BLOCK, 1, "commit: not live", stale.checks(), List.of(), false, Optional.empty());
        Document staleDoc = render(stale, ArtifactLinks.linksOnly());
        assertThat(staleDoc.select("#commits .commit.bad").text()).isEqualTo("Observed 1a2b3c4 not the expected commit");
        assertThat(staleDoc.select("#commits .commit").last().text()).isEqualTo("Release never went live NEVER_LIVE");
    }

    @Test
    void failuresComeFirstThenWarningsEachInACardWithItsRunbook() {
        Document doc = render(SampleRuns.blocked(), ArtifactLinks.linksOnly());

        assertThat(doc.select("#attention article.card").eachAttr("id"))
                .containsExactly("check-orders", "check-checkout", "check-product-list", "check-budget-health");
        Element checkout = doc.getElementById("check-checkout");
        assertThat(checkout.select(".summary").first().text()).isEqualTo("2 console errors and 1 failed same-origin request");
        assertThat(checkout.select(".details li").eachText()).containsExactly(
                "console error: Uncaught TypeError: Cannot read properties of undefined (reading 'total')",
                "console error: <img src=x onerror=alert(1)> failed to render",
                "request failed: GET /assets/checkout.3f2a1b.js → 404");
        assertThat(checkout.select(".runbook a").attr("href")).isEqualTo("playbooks/console-errors.md");
        assertThat(checkout.select(".metrics").text())
                .isEqualTo("TTFB 84 ms LCP 1.24 s CLS 0.012 requests 31 transferred 1.5 MB");
        assertThat(checkout.select("ul.files a").eachAttr("href")).containsExactly(
                "artifacts/checkout/screenshot.png", "artifacts/checkout/trace.zip", "artifacts/checkout/console.log");
    }

    @Test
    void theTableListsEveryCheckWorstFirstAndLinksRunbooksOfProblemsOnly() {
        Document doc = render(SampleRuns.blocked(), ArtifactLinks.linksOnly());

        List<Element> rows = doc.select("#checks tbody tr");
        assertThat(rows).extracting(r -> r.select("td").get(0).text() + " " + r.select(".cid").text()).containsExactly(
                "ERROR orders", "FAIL checkout", "FAIL product-list", "WARN budget-health", "PASS commit", "PASS home",
                "PASS health", "PASS home-latency", "PASS cdn");
        assertThat(rows.get(1).select("td").get(4).text()).isEqualTo("2.3s");
        assertThat(rows.get(1).select("td").get(5).select("a").attr("href")).isEqualTo("playbooks/console-errors.md");
        assertThat(rows.get(4).select("td").get(5).text()).as("a passing check needs no runbook").isEmpty();
        for (Element link : doc.select("#checks a.cid")) {
            assertThat(doc.getElementById(link.attr("href").substring(1))).as(link.attr("href")).isNotNull();
        }
    }

    @Test
    void aSmallScreenshotIsEmbeddedAndALargeOneLinked() throws Exception {
        Path small = runDir.resolve("artifacts/checkout/screenshot.png");
        Files.createDirectories(small.getParent());
        Files.write(small, png(40, 30));
        Path large = runDir.resolve("artifacts/home/screenshot.png");
        Files.createDirectories(large.getParent());
        byte[] big = Arrays.copyOf(png(4, 4), (int) ArtifactLinks.EMBED_LIMIT_BYTES + 1);
        Files.write(large, big);

        Document doc = render(SampleRuns.blocked(), ArtifactLinks.in(runDir));

        Element failing = doc.select("#check-checkout img.thumb").first();
        assertThat(failing.attr("src")).startsWith("data:image/png;base64,iVBORw0KGgo");
        assertThat(failing.parent().attr("href")).isEqualTo("artifacts/checkout/screenshot.png");
        assertThat(doc.select("#pages #check-home img.shot").attr("src")).isEqualTo("artifacts/home/screenshot.png");
        assertThat(doc.select("#pages #check-home .page-title").text()).isEqualTo("title Harbor Supply — home");
    }

    @Test
    void latencyIsATableAndAPlotOfEverySample() {
        Document doc = render(SampleRuns.blocked(), ArtifactLinks.linksOnly());

        List<Element> rows = doc.select("#latency tbody tr");
        assertThat(rows).extracting(r -> r.select(".cid").text()).containsExactly("product-list", "home-latency");
        assertThat(rows.get(0).select("td").get(4).text()).isEqualTo("×1.34 (1.25–1.44)");
        assertThat(rows.get(0).select("td").get(5).text()).isEqualTo("< 0.0001");
        assertThat(rows.get(0).select("td").get(6).text()).isEqualTo("30 / 30");
        Element regressed = doc.select("#check-product-list svg.plot").first();
        assertThat(regressed.select("circle")).hasSize(60);
        assertThat(regressed.select("text.lbl").eachText()).containsExactly("baseline", "current");
        assertThat(regressed.select("line[stroke-dasharray]")).as("a p95 mark per side").hasSize(2);
        assertThat(doc.select("#latency figure#check-home-latency svg circle")).hasSize(60);
    }

    @Test
    void theRollbackAndThePostMortemAreShownWithTheirFiles() {
        Document doc = render(SampleRuns.blocked(), ArtifactLinks.linksOnly());

        List<Element> actions = doc.select("#actions .action");
        assertThat(actions).hasSize(2);
        assertThat(actions.get(0).select(".card-head").text())
                .isEqualTo("succeeded rollback rolled back to 1a2b3c4; it is live again on every location 2026-11-25 10:01:35 UTC");
        assertThat(actions.get(0).select("a").attr("href")).isEqualTo("artifacts/rollback.log");
        assertThat(actions.get(1).select("a").attr("href")).isEqualTo("postmortems/2026-11-25-shop-9f8e7d6.md");
    }

    @Test
    void everythingFromTheSiteIsEscapedAndTheReportHasNoScriptAtAll() {
        String html = HtmlReport.render(SampleRuns.hostile(), ArtifactLinks.linksOnly());
        Document doc = Jsoup.parse(html);

        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script", "<img src=x", "<title>x");
        assertThat(doc.select("script")).isEmpty();
        assertThat(html).contains("summary &lt;script&gt;alert(1)&lt;/script&gt; &quot;&#39;&amp;");
        Element card = doc.getElementById("check-evil");
        assertThat(card.select(".summary").first().text()).isEqualTo("summary " + SampleRuns.HOSTILE);
        assertThat(card.select(".card-head .muted").text()).isEqualTo(SampleRuns.HOSTILE);
        assertThat(card.select(".page-title").text()).isEqualTo("title <title>x</title><script>alert(3)</script>");
        assertThat(card.select(".details li").eachText()).containsExactly(
                "console error: " + SampleRuns.HOSTILE, "console error: </li></ul><script>alert(2)</script>");
        assertThat(doc.select("header .reason").text()).isEqualTo("evil: " + SampleRuns.HOSTILE);
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey()).as("event handler on <" + e.tagName() + ">").doesNotStartWith("on");
            }
        }
        assertThat(doc.select("a[href]").eachAttr("href")).as("no link out of the folder or to a script")
                .noneMatch(h -> h.startsWith("javascript:") || h.contains(".."));
        assertThat(doc.select("img")).as("a screenshot path that is not a file path is not shown").isEmpty();
    }

    @Test
    void theReportNeedsNoNetwork() {
        String html = HtmlReport.render(SampleRuns.blocked(), ArtifactLinks.linksOnly());
        Document doc = Jsoup.parse(html);

        assertThat(doc.select("link, script, iframe, object, embed")).isEmpty();
        assertThat(doc.select("[src]").eachAttr("src")).noneMatch(s -> s.contains("://"));
        assertThat(doc.select("style").html()).doesNotContain("@import", "url(");
        assertThat(doc.select("meta[http-equiv=Content-Security-Policy]").attr("content")).startsWith("default-src 'none'");
        assertThat(doc.select("a[href*=://]").eachAttr("href")).containsExactly("https://shop.example.com");
    }

    @Test
    void aFlakyCheckShowsItsLineEveryAttemptAndTheFirstAttemptsScreenshot() {
        String html = HtmlReport.render(SampleRuns.retried(), ArtifactLinks.linksOnly());

        assertThat(html).contains("flaky: page / passed on the second attempt; the first failed: HTTP 503")
                .contains("attempt 1: FAIL: GET / → 503 (expected 200)")
                .contains("artifacts/home/screenshot.png");
    }
}
