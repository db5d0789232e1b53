package dev.gate.checks.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Severity;
import dev.gate.checks.Status;
import dev.gate.checks.assets.ReleaseAsset;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.testing.Contexts;
import dev.gate.checks.testing.ManualClock;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The old-assets check ends within its time budget however slowly the site answers. */
class OldAssetsBudgetTest {
    @TempDir
    Path runDir;
    private final TestSite site = TestSite.start();

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void assetsThatDoNotAnswerWithinTheBudgetAreUncheckedNotGone() throws Exception {
        List<ReleaseAsset> assets = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String path = "/assets/slow" + i + ".js";
            // each answer takes longer than the whole budget: none is in by its end
            site.route(path, r -> Reply.status(200, "").after(Duration.ofSeconds(3)));
            assets.add(new ReleaseAsset(site.url(path), true, false));
        }
        OldAssetsCheck check = new OldAssetsCheck(assets, CommitId.parse("ec366e6"), Optional.empty(), Severity.BLOCK,
                Optional.of(Duration.ofMillis(500)));

        CheckResult result = check.run(Contexts.of(site.url(), ManualClock.at("2026-12-01T10:00:00Z"), runDir));

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).isEqualTo("none of the 8 assets of ec366e6 answered within 500ms, so none is known to still load");
        assertThat(result.metrics()).containsEntry("unchecked", 8).containsEntry("missing", 0);
    }
}
