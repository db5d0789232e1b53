package dev.gate.checks.commit;

import java.time.Duration;

/**
 * How long to wait for a rollout: poll every {@code interval} until {@code consecutive} rounds in
 * a row serve the expected commit everywhere, or give up at {@code timeout}.
 */
public record ConvergeSpec(int consecutive, Duration timeout, Duration interval) {
    public static final ConvergeSpec DEFAULT = new ConvergeSpec(5, Duration.ofMinutes(5), Duration.ofSeconds(5));

    public ConvergeSpec {
        if (consecutive < 1) {
            throw new IllegalArgumentException("consecutive must be at least 1");
        }
        if (timeout.isNegative() || timeout.isZero() || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("timeout and interval must be positive");
        }
    }
}
