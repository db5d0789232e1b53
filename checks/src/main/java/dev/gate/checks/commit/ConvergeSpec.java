package dev.gate.checks.commit;

import java.time.Duration;
import java.util.Optional;

/**
 * How long to wait for a rollout: poll every {@code interval} until {@code consecutive} rounds in
 * a row serve the expected commit everywhere, or give up at {@code timeout}.
 *
 * @param instanceHeader the response header in which the site names the instance that served it
 *                       ({@code commit.instance_header}), so a stale one can be named
 */
public record ConvergeSpec(int consecutive, Duration timeout, Duration interval, Optional<String> instanceHeader) {
    public static final ConvergeSpec DEFAULT = new ConvergeSpec(5, Duration.ofMinutes(5), Duration.ofSeconds(5));

    public ConvergeSpec(int consecutive, Duration timeout, Duration interval) {
        this(consecutive, timeout, interval, Optional.empty());
    }

    /** This spec, reading the serving instance from {@code header}. */
    public ConvergeSpec withInstanceHeader(Optional<String> header) {
        return new ConvergeSpec(consecutive, timeout, interval, header);
    }

    public ConvergeSpec {
        instanceHeader = instanceHeader == null ? Optional.empty() : instanceHeader;
        if (consecutive < 1) {
            throw new IllegalArgumentException("consecutive must be at least 1");
        }
        if (timeout.isNegative() || timeout.isZero() || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("timeout and interval must be positive");
        }
    }
}
