package dev.gate.checks.latency;

import java.util.Arrays;

/**
 * The m·n differences y_j − x_i of two samples, ordered, without writing them down: the k-th
 * smallest is found by bisection on its value, counting the differences at or below a value in one
 * merge-like pass over both sorted samples. That costs about 60 · (m + n) steps instead of sorting
 * m·n numbers, so large samples (and the benchmark's many simulated deploys) stay cheap.
 */
final class PairwiseDifferences {
    /** Bisection stops when the bracket is this narrow; on a log scale it is a relative 1e-12. */
    private static final double RESOLUTION = 1e-12;

    private final double[] x;
    private final double[] y;

    PairwiseDifferences(double[] x, double[] y) {
        this.x = x.clone();
        this.y = y.clone();
        Arrays.sort(this.x);
        Arrays.sort(this.y);
    }

    long count() {
        return (long) x.length * y.length;
    }

    /** The k-th smallest difference, k from 1 to m·n (to within {@link #RESOLUTION}). */
    double kth(long k) {
        if (k < 1 || k > count()) {
            throw new IllegalArgumentException("order statistic " + k + " of " + count() + " differences");
        }
        double lo = y[0] - x[x.length - 1] - 1; // count(lo) = 0 < k
        double hi = y[y.length - 1] - x[0];     // count(hi) = m·n >= k
        while (hi - lo > RESOLUTION) {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (atMost(mid) >= k) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return largestAtMost(hi);
    }

    /** How many differences are at most t. */
    long atMost(double t) {
        long count = 0;
        int i = 0; // the first baseline index with y_j − x_i <= t; it only moves right as j grows
        for (double yj : y) {
            while (i < x.length && yj - x[i] > t) {
                i++;
            }
            count += x.length - i;
        }
        return count;
    }

    private double largestAtMost(double t) {
        double best = Double.NEGATIVE_INFINITY;
        int i = 0;
        for (double yj : y) {
            while (i < x.length && yj - x[i] > t) {
                i++;
            }
            if (i < x.length) {
                best = Math.max(best, yj - x[i]);
            }
        }
        return best;
    }
}
