package dev.gate.run;

import dev.gate.baseline.Baseline;
import dev.gate.baseline.PageFacts;
import dev.gate.checks.api.ApiCheck;
import dev.gate.checks.api.ApiSpec;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.page.BrowserSession;
import dev.gate.checks.page.OldAssetsCheck;
import dev.gate.checks.page.PageCheck;
import dev.gate.checks.page.PageJudge;
import dev.gate.checks.page.PageSpec;
import dev.gate.suite.Suite;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks a verification runs after the commit check, filtered to the shard. A new kind of
 * check is one more line here.
 */
public final class Plan {
    private Plan() {
    }

    /** What planning needs besides the suite. */
    public record Inputs(Suite suite, CommitId expected, Optional<Baseline> baseline, Shard shard,
                         Optional<BrowserSession> browser) {
    }

    public static List<PlannedCheck> of(Inputs in) {
        Suite suite = in.suite();
        List<PlannedCheck> all = new ArrayList<>();
        in.browser().ifPresent(browser -> all.addAll(pageChecks(suite, browser, in.expected(), "")));
        for (ApiSpec api : suite.apis()) {
            all.add(PlannedCheck.shared(new ApiCheck(api), ApiCheck.KIND, api.describe(), suite.timeouts().run()));
        }
        List<String> oldAssets = oldAssets(in.baseline());
        if (!oldAssets.isEmpty() && suite.oldAssets() != dev.gate.checks.Severity.IGNORE) {
            all.add(PlannedCheck.shared(new OldAssetsCheck(oldAssets, suite.oldAssets()), "assets",
                    "assets of the previous release", suite.timeouts().run()));
        }
        return all.stream().filter(p -> in.shard().includes(p.check().id())).toList();
    }

    /**
     * A page check per key page, expecting {@code expected} in the rendered page.
     *
     * @param idPrefix prefixed to each page id, so a second round (after a rollback) keeps its own artifacts
     */
    public static List<PlannedCheck> pageChecks(Suite suite, BrowserSession browser, CommitId expected, String idPrefix) {
        Optional<PageJudge.ExpectedCommit> commit = suite.marker().readFromPages()
                ? Optional.of(new PageJudge.ExpectedCommit(suite.marker(), expected)) : Optional.empty();
        List<PlannedCheck> checks = new ArrayList<>();
        for (PageSpec page : suite.pages()) {
            PageSpec spec = idPrefix.isEmpty() ? page : new PageSpec(idPrefix + page.id(), page.path(), page.expectedStatus(),
                    page.selectors(), page.texts(), page.title(), page.consoleErrors(), page.sameOriginFailures(),
                    page.thirdPartyFailures());
            PageCheck check = new PageCheck(spec, browser, suite.timeouts().page(), commit, suite.browser().screenshotAlways());
            checks.add(PlannedCheck.shared(check, PageCheck.KIND, check.name(), suite.timeouts().run()));
        }
        return checks;
    }

    private static List<String> oldAssets(Optional<Baseline> baseline) {
        Set<String> urls = new LinkedHashSet<>();
        baseline.ifPresent(b -> b.pages().values().stream().map(PageFacts::assets).forEach(urls::addAll));
        return List.copyOf(urls);
    }
}
