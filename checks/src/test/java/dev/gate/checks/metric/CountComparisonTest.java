package dev.gate.checks.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountComparisonTest {
    private static final MetricQuery.Ratio HALF_A_PERCENT = new MetricQuery.Ratio("error-ratio", "e", "t", 0.005, false);

    @Test
    void noErrorsBeforeAndTwelveAfterIsAClearRiseNotADivisionByZero() {
        CountComparison c = new CountComparison(0, 2400, 12, 630);

        // all 12 errors fell after the deploy, which had 630 of the 3030 requests
        assertThat(c.pValueOfRise()).isCloseTo(Math.pow(630.0 / 3030, 12), within(1e-15));
        assertThat(c.pValueOfRise()).isLessThan(1e-8);
        assertThat(c.rise()).isCloseTo(12.0 / 630, within(1e-12));
    }

    @Test
    void thePValueIsTheBinomialTailOfTheErrorsAfterTheDeploy() {
        // 13 errors in all, the share of requests after the deploy is 1/4: P(X >= 3) of Binomial(13, 1/4)
        CountComparison c = new CountComparison(10, 300, 3, 100);
        double below = 0;
        for (int k = 0; k < 3; k++) {
            below += binomial(13, k) * Math.pow(0.25, k) * Math.pow(0.75, 13 - k);
        }
        assertThat(c.pValueOfRise()).isCloseTo(1 - below, within(1e-12));
    }

    @Test
    void theSameRateOnBothSidesIsNoEvidenceOfARise() {
        assertThat(new CountComparison(20, 2000, 5, 500).pValueOfRise()).isGreaterThan(0.4);
        assertThat(new CountComparison(20, 2000, 0, 500).pValueOfRise()).isEqualTo(1.0);
        assertThat(new CountComparison(0, 2000, 0, 500).pValueOfRise()).isEqualTo(1.0);
    }

    @Test
    void countsThatCannotBeComparedAreRefused() {
        assertThatThrownBy(() -> new CountComparison(0, 0, 1, 10)).hasMessage("both windows need requests to compare: 0, 10");
        assertThatThrownBy(() -> new CountComparison(5, 4, 1, 10))
                .hasMessage("errors must be between 0 and the requests: 5 of 4, 1 of 10");
    }

    @Test
    void aSignificantRiseAboveTheLimitBlocksWithValuesAgainstTheLimit() {
        CheckResult r = RatioDecision.decide(HALF_A_PERCENT, "errors / total", new CountComparison(1, 2500, 12, 630),
                List.of(), List.of());

        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).isEqualTo("0.04% → 1.9% after the deploy (12 of 630 requests, p=5e-8); "
                + "worth blocking above +0.5%: find the failing requests in the team's logs or dashboards");
        assertThat(r.metrics()).containsEntry("errors_after", 12L).containsEntry("requests_before", 2500L);
    }

    @Test
    void aSignificantRiseUnderHalfTheLimitPassesAndOverHalfWarns() {
        // 0.1% → 0.2% on many requests: real, but a tenth of a percent is not worth blocking for
        CheckResult small = RatioDecision.decide(HALF_A_PERCENT, "n", new CountComparison(100, 100_000, 200, 100_000),
                List.of(), List.of());
        CheckResult near = RatioDecision.decide(HALF_A_PERCENT, "n", new CountComparison(100, 100_000, 400, 100_000),
                List.of(), List.of());

        assertThat(small.status()).as(small.summary()).isEqualTo(Status.PASS);
        assertThat(near.status()).as(near.summary()).isEqualTo(Status.WARN);
        assertThat(near.summary()).startsWith("0.1% → 0.4% after the deploy (400 of 100000 requests, p=");
    }

    @Test
    void pValuesAndPercentagesReadShort() {
        assertThat(MetricFormat.pValue(3.04e-9)).isEqualTo("p=3e-9");
        assertThat(MetricFormat.pValue(0.314)).isEqualTo("p=0.31");
        assertThat(MetricFormat.pValue(0.0042)).isEqualTo("p=0.0042");
        assertThat(MetricFormat.percent(0.0004)).isEqualTo("0.04%");
        assertThat(MetricFormat.percent(0.01905)).isEqualTo("1.9%");
        assertThat(MetricFormat.percent(0)).isEqualTo("0%");
        assertThat(MetricFormat.signedPercent(0.005)).isEqualTo("+0.5%");
        assertThat(MetricFormat.change(0.383)).isEqualTo("+38%");
        assertThat(MetricFormat.change(0.045)).isEqualTo("+4.5%");
        assertThat(MetricFormat.change(-0.000056)).isEqualTo("-0%");
    }

    private static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }
}
