package dev.gate.freeze;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Turning a window's wall-clock end back into a moment, where the clocks skip or repeat an hour. */
final class WallClock {
    private WallClock() {
    }

    /**
     * The moment the zone's clocks show {@code end}, after {@code now}. In the hour repeated in
     * autumn the same wall-clock time happens twice; the one meant is the next to come, so the
     * offset in force now is preferred, then the later one. A time skipped in spring resolves to
     * the first time the clocks show after it.
     */
    static ZonedDateTime endAfter(LocalDateTime end, ZoneId zone, Instant now) {
        ZonedDateTime resolved = ZonedDateTime.ofLocal(end, zone, zone.getRules().getOffset(now));
        return resolved.toInstant().isAfter(now) ? resolved : resolved.withLaterOffsetAtOverlap();
    }
}
