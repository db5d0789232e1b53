package dev.gate.freeze;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;

/** How windows read in descriptions: midnight boundaries as "the start of" and "the end of" a day. */
final class Wording {
    private Wording() {
    }

    static String from(DayOfWeek day, LocalTime time) {
        return time.equals(LocalTime.MIDNIGHT) ? "the start of " + name(day) : name(day) + " " + time;
    }

    static String to(DayOfWeek day, LocalTime time) {
        return time.equals(LocalTime.MIDNIGHT) ? "the end of " + name(day.minus(1)) : name(day) + " " + time;
    }

    static String from(LocalDateTime t) {
        return t.toLocalTime().equals(LocalTime.MIDNIGHT)
                ? "the start of " + name(t.getDayOfWeek()) + " " + t.toLocalDate()
                : name(t.getDayOfWeek()) + " " + t.toLocalDate() + " " + t.toLocalTime();
    }

    static String to(LocalDateTime t) {
        if (t.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            LocalDateTime day = t.minusDays(1);
            return "the end of " + name(day.getDayOfWeek()) + " " + day.toLocalDate();
        }
        return name(t.getDayOfWeek()) + " " + t.toLocalDate() + " " + t.toLocalTime();
    }

    static String zone(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) {
            return "UTC";
        }
        return zone instanceof ZoneOffset ? "UTC" + zone.getId() : zone.getId();
    }

    private static String name(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
