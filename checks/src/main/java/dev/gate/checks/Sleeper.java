package dev.gate.checks;

import java.time.Duration;

/**
 * Waiting, passed in like the clock: production code sleeps, tests move a manual clock forward
 * instead, so polling and timeouts are tested without waiting.
 */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper real() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
