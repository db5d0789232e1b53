package dev.gate.checks.page;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which browser a run uses, and why: a named or system binary ({@code executable} present),
 * Playwright's own managed browser, or a browser on a Playwright server ({@code remote} present).
 */
public record BrowserChoice(Optional<Path> executable, String description, Optional<RemoteBrowser> remote) {
    public BrowserChoice(Optional<Path> executable, String description) {
        this(executable, description, Optional.empty());
    }

    public static BrowserChoice remote(RemoteBrowser remote) {
        return new BrowserChoice(Optional.empty(), remote.description(), Optional.of(remote));
    }

    /** Whether Playwright must provide the browser itself (download it where it can). */
    public boolean managed() {
        return executable.isEmpty() && remote.isEmpty();
    }
}
