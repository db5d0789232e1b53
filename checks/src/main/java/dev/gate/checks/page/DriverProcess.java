package dev.gate.checks.page;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The Playwright driver this JVM started (a {@code node ... run-driver} child), found from the
 * process table because Playwright keeps its handle private. Killing it with its descendants (the
 * Chromium it launched) is the last resort when closing the browser does not finish.
 */
final class DriverProcess {
    private DriverProcess() {
    }

    /** The most recently started driver among this JVM's children: the one just created. */
    static Optional<ProcessHandle> newest() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains("run-driver"))
                .max(Comparator.comparing(p -> p.info().startInstant().orElse(java.time.Instant.EPOCH)));
    }

    /** SIGKILL to the driver's descendants, then to it: children first, before they are re-parented. */
    static void kill(ProcessHandle driver) {
        List<ProcessHandle> tree = driver.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        driver.destroyForcibly();
    }
}
