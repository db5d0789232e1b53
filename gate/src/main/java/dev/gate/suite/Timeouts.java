package dev.gate.suite;

import java.time.Duration;

/**
 * @param request every HTTP request, headers and body
 * @param page    rendering one page in the browser
 * @param run     the whole verification, convergence included
 */
public record Timeouts(Duration request, Duration page, Duration run) {
    public static final Timeouts DEFAULT =
            new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(10));
}
