package dev.gate.checks.metric;

import java.time.Duration;
import java.time.Instant;

/** A span of time whose points are asked of Prometheus: {@code (start, end]}. */
public record Window(Instant start, Instant end) {
    public Window {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a window must end after it starts: " + start + " to " + end);
        }
    }

    public static Window ending(Instant end, Duration length) {
        return new Window(end.minus(length), end);
    }

    public static Window starting(Instant start, Duration length) {
        return new Window(start, start.plus(length));
    }
}
