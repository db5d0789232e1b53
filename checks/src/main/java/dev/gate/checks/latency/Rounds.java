package dev.gate.checks.latency;

import java.util.Arrays;

/**
 * Samples cut into rounds, each summarised by its typical log latency. A round is a run of
 * consecutive samples, taken within a second or so of each other; what the server's conditions do
 * between rounds (load, CPU contention, caches) shows as rounds that disagree, which the comparison
 * then counts as noise instead of as the release.
 *
 * <p>A round's summary is the 20% trimmed mean of its log latencies: nearly as precise as the mean
 * for lognormal latency, and one stray slow request in ten does not move it.
 */
public final class Rounds {
    static final double TRIM = 0.2;

    private Rounds() {
    }

    /**
     * One summary per round of {@code size} consecutive samples; a last, partial round of at least
     * half the size counts, a shorter one joins the round before it.
     */
    public static double[] of(double[] ms, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a round needs at least one sample");
        }
        int rounds = count(ms.length, size);
        double[] out = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            int from = r * size;
            int to = r == rounds - 1 ? ms.length : from + size;
            out[r] = trimmedLogMean(Arrays.copyOfRange(ms, from, to));
        }
        return out;
    }

    /** How many rounds {@link #of} cuts {@code samples} samples into. */
    public static int count(int samples, int size) {
        int full = samples / size;
        int rest = samples % size;
        return full + (rest > 0 && (rest * 2 >= size || full == 0) ? 1 : 0);
    }

    static double trimmedLogMean(double[] ms) {
        double[] logs = Arrays.stream(ms).map(Math::log).sorted().toArray();
        // a round of three or four still drops its extremes, so one stray request never moves it alone
        int cut = Math.max((int) Math.floor(logs.length * TRIM), logs.length >= 3 ? 1 : 0);
        double sum = 0;
        for (int i = cut; i < logs.length - cut; i++) {
            sum += logs[i];
        }
        return sum / (logs.length - 2 * cut);
    }
}
