package dev.gate.checks.latency;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Latency samples of one endpoint on one side of a deploy, in milliseconds, in the order taken.
 *
 * @param endpointId the page or API id from the suite ({@code list})
 * @param label      what a person calls it ({@code GET /api/list})
 * @param ms         the samples; each positive and finite, because the statistics take logarithms
 */
public record LatencySamples(String endpointId, String label, List<Double> ms) {
    public LatencySamples {
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(label, "label");
        ms = List.copyOf(ms);
        for (int i = 0; i < ms.size(); i++) {
            double v = ms.get(i);
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(label + ": sample " + (i + 1) + " of " + ms.size() + " is " + v
                        + " ms; latency samples must be positive and finite");
            }
        }
    }

    public static LatencySamples of(String endpointId, String label, double... ms) {
        List<Double> list = new ArrayList<>(ms.length);
        for (double v : ms) {
            list.add(v);
        }
        return new LatencySamples(endpointId, label, list);
    }

    public int size() {
        return ms.size();
    }

    public double[] values() {
        return ms.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** These samples followed by {@code more}, as when the sampler takes another round. */
    public LatencySamples plus(List<Double> more) {
        List<Double> all = new ArrayList<>(ms);
        all.addAll(more);
        return new LatencySamples(endpointId, label, all);
    }
}
