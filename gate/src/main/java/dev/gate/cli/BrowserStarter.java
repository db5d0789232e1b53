package dev.gate.cli;

import dev.gate.checks.http.TlsPolicy;
import dev.gate.checks.page.BrowserChoice;
import dev.gate.checks.page.BrowserLocator;
import dev.gate.checks.page.BrowserSession;
import dev.gate.checks.page.BrowserUnavailableException;
import dev.gate.report.ConsoleReporter;
import dev.gate.suite.Suite;
import java.util.Optional;

/**
 * Starts the run's browser before anything is probed, so a machine without one fails at once
 * with exit 2 and the command that fixes it, not after minutes of polling.
 */
final class BrowserStarter {
    private BrowserStarter() {
    }

    static Optional<BrowserSession> start(Suite suite, Io io, ConsoleReporter console)
            throws InvalidInput, InterruptedException {
        if (suite.pages().isEmpty()) {
            return Optional.empty();
        }
        try {
            BrowserChoice choice = new BrowserLocator(io.env()).locate(suite.browser().executable());
            BrowserSession session = BrowserSession.open(choice, BrowserSession.Options.of(suite.pagesParallel(),
                    suite.tls() == TlsPolicy.INSECURE));
            console.line(io.style().dim("browser: " + session.description()));
            return Optional.of(session);
        } catch (BrowserUnavailableException e) {
            throw new InvalidInput("no browser for the page checks: " + e.getMessage());
        }
    }
}
