package dev.gate.freeze;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A span of time in which deploys are refused: every week ({@code Fri 15:00-Mon 08:00 Europe/Copenhagen})
 * or once ({@code 2026-12-20 00:00-2027-01-02 08:00 Europe/Copenhagen}).
 *
 * <p>A window is wall-clock time in its zone: an instant is inside when the clocks in that zone show
 * a time inside it. So "Mon 08:00" is eight in the morning there in summer and in winter, a window
 * that starts in the hour skipped when clocks go forward starts when the clocks reach the first time
 * after it, and an hour repeated when clocks go back counts both times. The start is inside the
 * window and the end is not; an end written {@code 23:59} or {@code 24:00} means the end of that
 * day, as people mean it when they write it.
 */
public sealed interface FreezeWindow permits WeeklyFreeze, DatedFreeze {

    /**
     * Reads a window. Accepted forms, with any IANA zone (or {@code UTC}, or an offset such as {@code +02:00}):
     * <ul>
     *   <li>{@code Fri 15:00-Mon 08:00 Europe/Copenhagen} — every week; may wrap around the week end</li>
     *   <li>{@code Fri 22:00-02:00 UTC} — the end on the same day, or the next when it is earlier</li>
     *   <li>{@code Sat-Sun UTC}, {@code Sat UTC} — whole days</li>
     *   <li>{@code 2026-12-20 00:00-2027-01-02 08:00 Europe/Copenhagen} — once</li>
     * </ul>
     * Days are {@code Mon} to {@code Sun} or their full English names, in any case.
     */
    static FreezeWindow parse(String text) throws FreezeWindowException {
        return FreezeWindowParser.parse(text);
    }

    /** The window as it was written, for messages. */
    String text();

    ZoneId zone();

    boolean contains(Instant instant);

    /** When the occurrence that holds {@code instant} ends, in the window's zone; empty if none does. */
    Optional<ZonedDateTime> activeUntil(Instant instant);

    /** For people: {@code every week from Friday 15:00 to Monday 08:00, Europe/Copenhagen time}. */
    String description();
}
