package dev.gate.checks.metric;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One series of a range query's answer: its labels and its points, oldest first, NaN points dropped. */
public record Series(Map<String, String> labels, List<Point> points) {
    public Series {
        labels = Map.copyOf(labels);
        points = List.copyOf(points);
    }

    /** One point of a series. */
    public record Point(Instant at, double value) {
    }
}
