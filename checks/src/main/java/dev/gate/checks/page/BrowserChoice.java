package dev.gate.checks.page;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which browser a run uses, and why: a named or system binary ({@code executable} present), or
 * Playwright's own managed browser.
 */
public record BrowserChoice(Optional<Path> executable, String description) {
    public boolean managed() {
        return executable.isEmpty();
    }
}
