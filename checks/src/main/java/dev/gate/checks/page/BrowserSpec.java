package dev.gate.checks.page;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the suite wants the browser run.
 *
 * @param executable       a browser binary to use instead of looking for one
 * @param screenshotAlways keep a screenshot of every page, not only of failing ones
 * @param connect          a remote browser to render on instead of a local one
 */
public record BrowserSpec(Optional<Path> executable, boolean screenshotAlways, Optional<RemoteBrowser> connect) {
    public static final BrowserSpec DEFAULT = new BrowserSpec(Optional.empty(), false);

    public BrowserSpec {
        Objects.requireNonNull(executable);
        Objects.requireNonNull(connect);
    }

    public BrowserSpec(Optional<Path> executable, boolean screenshotAlways) {
        this(executable, screenshotAlways, Optional.empty());
    }
}
