package dev.gate.checks.page;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the suite wants the browser run.
 *
 * @param executable       a browser binary to use instead of looking for one
 * @param screenshotAlways keep a screenshot of every page, not only of failing ones
 */
public record BrowserSpec(Optional<Path> executable, boolean screenshotAlways) {
    public static final BrowserSpec DEFAULT = new BrowserSpec(Optional.empty(), false);

    public BrowserSpec {
        Objects.requireNonNull(executable);
    }
}
