package dev.gate.checks.metric;

import java.time.Duration;

/**
 * {@code $__step} in a query becomes the suite's step written the way PromQL writes a range
 * ({@code 15s}, {@code 1m}, {@code 500ms}), as Grafana does with its variable of that name. With it
 * {@code increase(x[$__step])} counts what happened between two points, so the points of a window
 * add up to the window's count with nothing counted twice.
 */
public final class StepTemplate {
    public static final String VARIABLE = "$__step";

    private StepTemplate() {
    }

    public static String expand(String promql, Duration step) {
        return promql.replace(VARIABLE, promDuration(step));
    }

    /** The largest whole unit PromQL knows that writes the duration exactly. */
    static String promDuration(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
