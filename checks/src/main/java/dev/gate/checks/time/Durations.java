package dev.gate.checks.time;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations written the way a suite writes them: {@code 300ms}, {@code 10s}, {@code 5m}. */
public final class Durations {
    private static final Pattern WRITTEN = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

    private Durations() {
    }

    /**
     * Reads {@code 300ms}, {@code 1.5s}, {@code 5m} or {@code 1h}, rounded to the millisecond; empty
     * when the text is not a duration. Zero is a duration: whether it is allowed is the caller's call.
     */
    public static Optional<Duration> parse(String text) {
        Matcher m = WRITTEN.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        double amount = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1_000;
            case "m" -> amount * 60_000;
            default -> amount * 3_600_000;
        };
        return Optional.of(Duration.ofMillis(Math.round(millis)));
    }

    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }
}
