package dev.gate.checks.metric;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Whether errors became more frequent, decided on the counts themselves, never on a ratio of
 * ratios: a window with no errors before the deploy and 12 after is a clear rise, not a division by
 * zero.
 *
 * <p>The errors of each window are taken as Poisson counts with a rate proportional to the window's
 * requests. Given that {@code e = before + after} errors happened in all, the errors that fell after
 * the deploy are binomial with {@code e} trials and probability {@code n_after / (n_before + n_after)}
 * when the rate did not change (the conditional test of two Poisson rates, exact for any count). The
 * p-value is the chance of at least the observed errors after the deploy under that null.
 *
 * @param errorsBefore   errors in the window before the deploy
 * @param requestsBefore requests in that window, more than 0
 */
public record CountComparison(long errorsBefore, long requestsBefore, long errorsAfter, long requestsAfter) {
    public CountComparison {
        if (requestsBefore <= 0 || requestsAfter <= 0) {
            throw new IllegalArgumentException("both windows need requests to compare: " + requestsBefore + ", "
                    + requestsAfter);
        }
        if (errorsBefore < 0 || errorsAfter < 0 || errorsBefore > requestsBefore || errorsAfter > requestsAfter) {
            throw new IllegalArgumentException("errors must be between 0 and the requests: " + errorsBefore + " of "
                    + requestsBefore + ", " + errorsAfter + " of " + requestsAfter);
        }
    }

    public double ratioBefore() {
        return (double) errorsBefore / requestsBefore;
    }

    public double ratioAfter() {
        return (double) errorsAfter / requestsAfter;
    }

    /** The absolute rise of the ratio, negative when it fell. */
    public double rise() {
        return ratioAfter() - ratioBefore();
    }

    /** One-sided p-value for "errors are more frequent after the deploy"; 1 with no errors after it. */
    public double pValueOfRise() {
        long all = errorsBefore + errorsAfter;
        if (errorsAfter == 0 || all == 0) {
            return 1.0;
        }
        if (all > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many errors to count exactly: " + all);
        }
        double share = (double) requestsAfter / ((double) requestsBefore + requestsAfter);
        BinomialDistribution d = BinomialDistribution.of((int) all, share);
        // P(X >= errorsAfter) = P(X > errorsAfter - 1)
        return d.survivalProbability((int) errorsAfter - 1);
    }
}
