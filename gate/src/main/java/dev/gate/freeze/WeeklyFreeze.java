package dev.gate.freeze;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.Optional;

/**
 * A window that comes back every week. Times are compared as seconds since Monday 00:00 on the
 * zone's clocks; a window whose end comes before its start in that count wraps around the week end.
 *
 * @param end exclusive; the end of a day is the next day at 00:00
 */
record WeeklyFreeze(String text, DayOfWeek startDay, LocalTime start, DayOfWeek endDay, LocalTime end, ZoneId zone)
        implements FreezeWindow {
    private static final long DAY = 86_400L;
    private static final long WEEK = 7 * DAY;

    WeeklyFreeze {
        Objects.requireNonNull(text);
        Objects.requireNonNull(zone);
        if (secondOfWeek(startDay, start) == secondOfWeek(endDay, end)) {
            throw new IllegalArgumentException("a weekly freeze must not end when it starts");
        }
    }

    @Override
    public boolean contains(Instant instant) {
        long now = secondOfWeek(LocalDateTime.ofInstant(instant, zone));
        long from = secondOfWeek(startDay, start);
        long to = secondOfWeek(endDay, end);
        return from < to ? now >= from && now < to : now >= from || now < to;
    }

    @Override
    public Optional<ZonedDateTime> activeUntil(Instant instant) {
        if (!contains(instant)) {
            return Optional.empty();
        }
        LocalDateTime now = LocalDateTime.ofInstant(instant, zone);
        LocalDateTime monday = now.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay();
        LocalDateTime until = monday.plusSeconds(secondOfWeek(endDay, end));
        if (!until.isAfter(now)) {
            until = until.plusWeeks(1);
        }
        return Optional.of(WallClock.endAfter(until, zone, instant));
    }

    @Override
    public String description() {
        return "every week from " + Wording.from(startDay, start) + " to " + Wording.to(endDay, end) + ", " + Wording.zone(zone) + " time";
    }

    @Override
    public String toString() {
        return text;
    }

    private static long secondOfWeek(LocalDateTime t) {
        return secondOfWeek(t.getDayOfWeek(), t.toLocalTime());
    }

    private static long secondOfWeek(DayOfWeek day, LocalTime time) {
        return ((day.getValue() - 1) * DAY + time.toSecondOfDay()) % WEEK;
    }
}
