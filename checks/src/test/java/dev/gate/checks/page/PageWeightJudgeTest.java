package dev.gate.checks.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageWeightJudgeTest {
    private static final PageWeightSpec RULE = new PageWeightSpec(Severity.WARN, 0.25, 5 * 1024);

    private static PageWeight weighed(long scriptBytes, long cssBytes, AssetWeight... assets) {
        return PageWeight.of(Map.of(PageMetrics.BYTES, 1.0 + scriptBytes + cssBytes,
                WeighedType.SCRIPT.bytesMetric(), (double) scriptBytes, WeighedType.STYLESHEET.bytesMetric(), (double) cssBytes),
                List.of(assets));
    }

    private static AssetWeight js(String path, long kb) {
        return new AssetWeight(path, WeighedType.SCRIPT, kb * 1024);
    }

    @Test
    void scriptsThatGrewPastTheLimitWarnNamingTheAssetsThatGrewAcrossHashedNames() {
        PageWeight before = weighed(120 * 1024, 10 * 1024, js("/assets/index-BzK3x_9a.js", 80), js("/assets/vendor-4f2a3b1c.js", 40));
        PageWeight now = weighed(170 * 1024, 10 * 1024, js("/assets/index-Qm7pLx2d.js", 121), js("/assets/vendor-9e8d7c6b.js", 41),
                js("/assets/charts-Zt5wQ1aa.js", 8));

        List<PageFinding> findings = new PageWeightJudge(RULE, before).judge("/checkout", now);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARN);
            assertThat(f.playbook()).isEqualTo("page-weight");
            assertThat(f.line()).isEqualTo("/checkout: JavaScript +42% since the baseline (120 KB → 170 KB; more than +25% warns): "
                    + "/assets/index-*.js 80 KB → 121 KB, /assets/charts-*.js new, 8 KB, /assets/vendor-*.js 40 KB → 41 KB");
        });
    }

    @Test
    void growthWithinTheLimitOrUnderTheFloorInBytesSaysNothing() {
        PageWeight before = weighed(100 * 1024, 2 * 1024);

        assertThat(new PageWeightJudge(RULE, before).judge("/", weighed(124 * 1024, 2 * 1024))).as("+24%").isEmpty();
        assertThat(new PageWeightJudge(RULE, before).judge("/", weighed(100 * 1024, 4 * 1024)))
                .as("CSS doubled, by 2 KB only").isEmpty();
        assertThat(new PageWeightJudge(RULE, before).judge("/", weighed(100 * 1024, 9 * 1024)))
                .singleElement().extracting(PageFinding::line).asString().startsWith("/: CSS +350% since the baseline (2 KB → 9 KB");
    }

    @Test
    void aPageNotWeighedOnEitherSideIsNotCompared() {
        PageWeight heavy = weighed(900 * 1024, 0);

        assertThat(new PageWeightJudge(RULE, PageWeight.UNKNOWN).judge("/", heavy)).as("an older baseline").isEmpty();
        assertThat(new PageWeightJudge(RULE, heavy).judge("/", PageWeight.of(Map.of(), List.of())))
                .as("a page that never loaded").isEmpty();
    }

    @Test
    void codeWhereThereWasNoneIsJudgedByTheFloorAlone() {
        PageWeight none = weighed(0, 0);

        assertThat(new PageWeightJudge(RULE, none).judge("/", weighed(4 * 1024, 0))).isEmpty();
        assertThat(new PageWeightJudge(RULE, none).judge("/", weighed(30 * 1024, 0, js("/app.js", 30))))
                .singleElement().extracting(PageFinding::line).asString()
                .isEqualTo("/: JavaScript since the baseline (0 bytes → 30 KB; more than +25% warns): /app.js new, 30 KB");
    }

    @Test
    void ignoredMeansNeverSaid() {
        PageWeightSpec off = new PageWeightSpec(Severity.IGNORE, 0.25, 0);

        assertThat(new PageWeightJudge(off, weighed(1024, 0)).judge("/", weighed(900 * 1024, 0))).isEmpty();
    }

    @Test
    void blockMakesTheFindingBlock() {
        PageWeightSpec block = new PageWeightSpec(Severity.BLOCK, 0.25, 0);

        assertThat(new PageWeightJudge(block, weighed(100 * 1024, 0)).judge("/", weighed(200 * 1024, 0)))
                .singleElement().extracting(PageFinding::severity).isEqualTo(Severity.BLOCK);
    }

    @Test
    void namesAtMostThreeAssetsAndCountsTheRest() {
        PageWeight before = weighed(10 * 1024, 0);
        PageWeight now = weighed(60 * 1024, 0, js("/a.js", 20), js("/b.js", 15), js("/c.js", 10), js("/d.js", 8), js("/e.js", 7));

        assertThat(new PageWeightJudge(RULE, before).judge("/", now)).singleElement().extracting(PageFinding::line).asString()
                .endsWith(": /a.js new, 20 KB, /b.js new, 15 KB, /c.js new, 10 KB and 2 more");
    }
}
