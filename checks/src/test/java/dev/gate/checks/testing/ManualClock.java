package dev.gate.checks.testing;

import dev.gate.checks.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Time for tests: a clock that stands still until something sleeps, and then moves forward by
 * exactly the time slept. Polling and timeouts are tested without waiting.
 */
public final class ManualClock extends Clock implements Sleeper {
    private Instant now;
    private Duration slept = Duration.ZERO;

    public ManualClock(Instant start) {
        this.now = start;
    }

    public static ManualClock at(String iso) {
        return new ManualClock(Instant.parse(iso));
    }

    @Override
    public synchronized void sleep(Duration duration) {
        now = now.plus(duration);
        slept = slept.plus(duration);
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    public synchronized Duration slept() {
        return slept;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
