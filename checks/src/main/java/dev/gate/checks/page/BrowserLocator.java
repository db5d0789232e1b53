package dev.gate.checks.page;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that decides which browser runs: the suite's {@code browser.connect} (a remote
 * browser, nothing local needed), else {@code GATE_BROWSER}, else the suite's
 * {@code browser.executable}, else a Chromium or Chrome on the PATH or in the usual places, else
 * Playwright's own managed browser (downloaded where the internet is reachable).
 */
public final class BrowserLocator {
    static final String FIX = "install Chromium (on Debian or Ubuntu: sudo apt-get install -y chromium) "
            + "or set GATE_BROWSER=/path/to/chrome";
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable", "chrome");
    private static final List<String> PLACES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/snap/bin/chromium",
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
            "/Applications/Chromium.app/Contents/MacOS/Chromium");

    private final Map<String, String> env;

    public BrowserLocator(Map<String, String> env) {
        this.env = env;
    }

    /** The suite's remote browser, or a local one found as {@link #locate(Optional)} does. */
    public BrowserChoice locate(BrowserSpec suite) throws BrowserUnavailableException {
        if (suite.connect().isPresent()) {
            return BrowserChoice.remote(suite.connect().get());
        }
        return locate(suite.executable());
    }

    public BrowserChoice locate(Optional<Path> fromSuite) throws BrowserUnavailableException {
        String named = env.get("GATE_BROWSER");
        if (named != null && !named.isBlank()) {
            return explicit(Path.of(named), "GATE_BROWSER=" + named);
        }
        if (fromSuite.isPresent()) {
            return explicit(fromSuite.get(), "browser.executable " + fromSuite.get());
        }
        Optional<Path> system = onPath().or(BrowserLocator::inUsualPlaces);
        if (system.isPresent()) {
            return new BrowserChoice(system, "system browser " + system.get());
        }
        return new BrowserChoice(Optional.empty(), "Playwright's managed Chromium");
    }

    private static BrowserChoice explicit(Path path, String source) throws BrowserUnavailableException {
        if (!Files.isRegularFile(path)) {
            throw new BrowserUnavailableException(source + ": no such file; " + FIX);
        }
        if (!Files.isExecutable(path)) {
            throw new BrowserUnavailableException(source + ": not executable; " + FIX);
        }
        return new BrowserChoice(Optional.of(path), source);
    }

    private Optional<Path> onPath() {
        String path = env.getOrDefault("PATH", "");
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> inUsualPlaces() {
        return PLACES.stream().map(Path::of).filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }
}
