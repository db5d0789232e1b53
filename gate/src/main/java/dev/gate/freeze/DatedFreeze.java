package dev.gate.freeze;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/** A window that happens once, such as the holidays: from one date and time to another. */
record DatedFreeze(String text, LocalDateTime start, LocalDateTime end, ZoneId zone) implements FreezeWindow {

    DatedFreeze {
        Objects.requireNonNull(text);
        Objects.requireNonNull(zone);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a dated freeze must end after it starts");
        }
    }

    @Override
    public boolean contains(Instant instant) {
        LocalDateTime now = LocalDateTime.ofInstant(instant, zone);
        return !now.isBefore(start) && now.isBefore(end);
    }

    @Override
    public Optional<ZonedDateTime> activeUntil(Instant instant) {
        return contains(instant) ? Optional.of(WallClock.endAfter(end, zone, instant)) : Optional.empty();
    }

    @Override
    public String description() {
        return "from " + Wording.from(start) + " to " + Wording.to(end) + ", " + Wording.zone(zone) + " time";
    }

    @Override
    public String toString() {
        return text;
    }
}
