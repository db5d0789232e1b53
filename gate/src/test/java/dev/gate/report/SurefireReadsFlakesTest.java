package dev.gate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * junit.xml read by Maven Surefire's own report parser (what {@code maven-surefire-report-plugin}
 * builds its pages from): the reader that defined {@code <flakyFailure>} is the one to satisfy, so
 * a flaky check counts as a flake of a passing test, not as a failure, and a check that failed
 * every attempt as one failure, not one per attempt.
 */
class SurefireReadsFlakesTest {
    @TempDir
    Path dir;

    private Map<String, ReportTestCase> cases(List<ReportTestSuite> suites) {
        return suites.stream().flatMap(s -> s.getTestCases().stream())
                .collect(Collectors.toMap(ReportTestCase::getName, Function.identity()));
    }

    private List<ReportTestSuite> parse() throws Exception {
        Path file = Files.writeString(dir.resolve(JUnitReport.FILE), JUnitReport.render(SampleRuns.retried()));
        return new TestSuiteXmlParser(new NullConsoleLogger()).parse(file.toString());
    }

    @Test
    void aFlakyCheckIsAPassingTestWithItsFlake() throws Exception {
        List<ReportTestSuite> suites = parse();

        ReportTestCase home = cases(suites).get("home");
        assertThat(home.isSuccessful()).isTrue();
        assertThat(home.hasFlakes()).isTrue();
        assertThat(home.getFlakyFailures()).singleElement().satisfies(f -> {
            assertThat(f.getMessage()).isEqualTo("GET / → 503 (expected 200)");
            assertThat(f.getType()).isEqualTo("FAIL");
            assertThat(f.getStackTrace()).contains("screenshot: artifacts/home/screenshot.png");
        });
        ReportTestSuite pages = suites.stream().filter(s -> s.getFullClassName().equals("page")).findFirst().orElseThrow();
        assertThat(pages.getNumberOfFlakes()).isEqualTo(1);
        assertThat(pages.getNumberOfFailures()).isZero();
    }

    @Test
    void aCheckFailingEveryAttemptIsOneFailureAndNoFlake() throws Exception {
        List<ReportTestSuite> suites = parse();

        ReportTestCase orders = cases(suites).get("orders");
        assertThat(orders.hasFailure()).isTrue();
        assertThat(orders.hasFlakes()).isFalse();
        assertThat(orders.getFailureMessage()).isEqualTo("GET /api/orders → 503 (expected 2xx): draining (all 3 attempts failed)");
        ReportTestSuite apis = suites.stream().filter(s -> s.getFullClassName().equals("api")).findFirst().orElseThrow();
        assertThat(apis.getNumberOfFailures()).isEqualTo(1);
        assertThat(apis.getNumberOfErrors()).isEqualTo(1);
        assertThat(apis.getNumberOfFlakes()).isZero();
    }
}
