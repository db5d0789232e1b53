package dev.gate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import dev.gate.run.VerdictLine;
import dev.gate.verdict.Policy;
import dev.gate.verdict.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks skipped because the login they need failed: never a pass, the login's FAIL is what
 * blocks, and every report says "skipped" the way its readers understand it.
 */
class SkippedChecksTest {
    private static final String LOGIN = "failed at step 5 of 5, wait_for { url: /account }: timed out after 5s";
    private static final CheckResult FAILED_LOGIN = CheckResult.fail("login", "login", "login (5 steps)", LOGIN)
            .withPlaybook("login-failed");
    private static final CheckResult SKIPPED_PAGE = CheckResult.skipped("account", "page", "page /account",
            "the login " + LOGIN);
    private static final CheckResult HOME = CheckResult.pass("home", "page", "page /", "/ rendered");

    @Test
    void aSkippedCheckIsNoPassButOnlyTheFailureItWaitedOnBlocks() {
        assertThat(Policy.FAIL_CLOSED.decide(List.of(HOME, SKIPPED_PAGE))).isEqualTo(Verdict.WARN);
        List<CheckResult> run = List.of(FAILED_LOGIN, HOME, SKIPPED_PAGE);

        assertThat(Policy.FAIL_CLOSED.decide(run)).isEqualTo(Verdict.BLOCK);
        assertThat(VerdictLine.of(Verdict.BLOCK, run)).isEqualTo("login: " + LOGIN);
        assertThat(SKIPPED_PAGE.summary()).isEqualTo("skipped: the login " + LOGIN);
        assertThat(SKIPPED_PAGE.status().isProblem()).isFalse();
        assertThat(Status.PASS.worst(Status.SKIPPED)).isEqualTo(Status.SKIPPED);
    }

    @Test
    void aLoginThatCouldNotRunUnderErrorsWarnNamesTheSkippedChecksReason() {
        CheckResult error = CheckResult.error("login", "login", "login (5 steps)", "could not run: the browser quit");
        CheckResult skipped = CheckResult.skipped("account", "page", "page /account", "the login could not run: the browser quit");
        List<CheckResult> run = List.of(error, HOME, skipped);

        assertThat(new Policy(false).decide(run)).isEqualTo(Verdict.WARN);
        assertThat(VerdictLine.of(Verdict.WARN, run))
                .isEqualTo("1 warning, nothing blocks: account: skipped: the login could not run: the browser quit");
    }

    @Test
    void junitWritesASkippedCheckAsSkippedAndCountsIt() {
        String xml = JUnitReport.render(SampleRuns.record(Verdict.BLOCK, 1, "login: " + LOGIN,
                List.of(FAILED_LOGIN, HOME, SKIPPED_PAGE), List.of()));

        assertThat(xml).contains("<testsuite name=\"page\" id=\"1\" tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"1\"");
        assertThat(xml).contains("<testcase classname=\"page\" name=\"account\"")
                .contains("<skipped message=\"skipped: the login failed at step 5 of 5, wait_for { url: /account }: timed out after 5s\"/>");
    }

    @Test
    void theConsoleTheMarkdownAndTheHtmlSaySkipped() {
        assertThat(Style.plain().status(Status.SKIPPED)).isEqualTo("SKIP ");
        assertThat(MarkdownSummary.status(Status.SKIPPED)).isEqualTo("⏭️ SKIPPED");
        assertThat(HtmlParts.chip(Status.SKIPPED)).isEqualTo("<span class=\"chip skipped\">SKIPPED</span>");
    }
}
