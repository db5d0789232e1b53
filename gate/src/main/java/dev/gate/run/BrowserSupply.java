package dev.gate.run;

import dev.gate.checks.page.BrowserSession;
import dev.gate.checks.page.BrowserUnavailableException;
import java.util.Optional;

/**
 * The command's browser, started when a step first needs it: a baseline, a verification and a
 * rollback's confirmation share one. Empty when the suite has no pages.
 */
@FunctionalInterface
public interface BrowserSupply {
    /** The browser, running. */
    Optional<BrowserSession> get() throws BrowserUnavailableException, InterruptedException;

    /** The browser, perhaps still starting: pages asked of it wait; {@link #get} waits for it. */
    default Optional<BrowserSession> started() throws BrowserUnavailableException, InterruptedException {
        return get();
    }
}
