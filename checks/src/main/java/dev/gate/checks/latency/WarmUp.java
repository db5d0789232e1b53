package dev.gate.checks.latency;

import java.util.List;

/**
 * When an endpoint is warm: after a deploy new workers start cold (imports, caches, JIT, pools),
 * and a fixed few requests thrown away leave the first round slower than the rest. So requests are
 * thrown away until a block of {@value #BLOCK} is no faster than the block before (latency stopped
 * falling), at least {@code min} and at most {@code max} requests; {@code min == max} is a fixed count.
 * Two blocks are needed to see a fall, so below {@code max} the search throws away at least 10.
 *
 * @param min requests always thrown away
 * @param max requests thrown away at most, however long latency keeps falling
 */
public record WarmUp(int min, int max) {
    public static final int BLOCK = 5;
    /** A block this much faster than the one before means latency is still falling. */
    static final double STILL_FALLING = 0.95;
    public static final WarmUp DEFAULT = new WarmUp(4 * BLOCK, 50);

    public static WarmUp fixed(int requests) {
        return new WarmUp(requests, requests);
    }

    public WarmUp {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("warm-up of at least " + min + " and at most " + max + " requests");
        }
    }

    /** {@code 20–50 requests of}, or {@code 3 requests of} for a fixed count. */
    public String describe() {
        return (min == max ? String.valueOf(min) : min + "–" + max) + " requests of";
    }

    /** Whether the endpoint is warm after these thrown-away requests, in the order they were made. */
    public boolean settled(List<Double> thrownAway) {
        int n = thrownAway.size();
        if (n >= max) {
            return true;
        }
        if (n < min) {
            return false;
        }
        if (n < 2 * BLOCK || n % BLOCK != 0) {
            return false;
        }
        double last = median(thrownAway.subList(n - BLOCK, n));
        double before = median(thrownAway.subList(n - 2 * BLOCK, n - BLOCK));
        return last >= STILL_FALLING * before;
    }

    /** How cold the endpoint was: the first block's median over the last block's. */
    public static ColdStart coldStart(List<Double> thrownAway) {
        if (thrownAway.size() < 2 * BLOCK) {
            return new ColdStart(thrownAway.size(), 1);
        }
        int n = thrownAway.size();
        double first = median(thrownAway.subList(0, BLOCK));
        double last = median(thrownAway.subList(n - BLOCK, n));
        return new ColdStart(n, first / last);
    }

    private static double median(List<Double> values) {
        return Quantiles.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
