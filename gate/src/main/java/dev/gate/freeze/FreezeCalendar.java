package dev.gate.freeze;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A suite's freeze windows together: is a deploy refused at this instant, and by which window.
 * The instant always comes from the caller, so a run's decision can be replayed and tested.
 */
public record FreezeCalendar(List<FreezeWindow> windows) {
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);

    public FreezeCalendar {
        windows = List.copyOf(windows);
    }

    /** A suite without freeze windows: deploys are always allowed. */
    public static FreezeCalendar none() {
        return new FreezeCalendar(List.of());
    }

    /** Reads every window; the first that is wrong throws (the loader reports each entry's own line). */
    public static FreezeCalendar parse(List<String> texts) throws FreezeWindowException {
        List<FreezeWindow> windows = new ArrayList<>();
        for (String text : texts) {
            windows.add(FreezeWindow.parse(text));
        }
        return new FreezeCalendar(windows);
    }

    /** The first window, in the suite's order, that holds the instant. */
    public Optional<FreezeWindow> activeAt(Instant instant) {
        return windows.stream().filter(w -> w.contains(instant)).findFirst();
    }

    public Optional<FreezeWindow> activeAt(Clock clock) {
        return activeAt(clock.instant());
    }

    /**
     * The line {@code gate run} prints when it refuses to deploy, or empty when deploys are allowed:
     * {@code deploys are frozen until Mon 2026-11-30 08:00 CET by "Fri 15:00-Mon 08:00 Europe/Copenhagen"
     * (every week from Friday 15:00 to Monday 08:00, Europe/Copenhagen time); --override-freeze deploys anyway}.
     */
    public Optional<String> refusalAt(Instant instant) {
        return activeAt(instant).map(w -> "deploys are frozen until " + w.activeUntil(instant).orElseThrow().format(UNTIL)
                + " by \"" + w.text() + "\" (" + w.description() + "); --override-freeze deploys anyway");
    }
}
