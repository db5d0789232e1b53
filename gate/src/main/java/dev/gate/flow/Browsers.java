package dev.gate.flow;

import dev.gate.checks.http.TlsPolicy;
import dev.gate.checks.page.BrowserChoice;
import dev.gate.checks.page.BrowserLocator;
import dev.gate.checks.page.BrowserSession;
import dev.gate.checks.page.BrowserUnavailableException;
import dev.gate.io.Io;
import dev.gate.report.ConsoleReporter;
import dev.gate.report.Style;
import dev.gate.run.BrowserSupply;
import dev.gate.suite.Suite;
import java.util.Optional;

/**
 * The one browser of a command, started when first needed and kept for the command's life: a
 * baseline, a verification and a rollback's confirmation (and every deploy of the demo) share it
 * instead of each paying for a driver and a Chromium. It is started before anything is probed, so a
 * machine without one fails at once with exit 2 and the command that fixes it.
 */
public final class Browsers implements AutoCloseable {
    private final Io io;
    private Optional<BrowserSession> session = Optional.empty();

    public Browsers(Io io) {
        this.io = io;
    }

    /** The session for a suite's pages and login; none for a suite with neither. */
    public synchronized Optional<BrowserSession> forSuite(Suite suite)
            throws BrowserUnavailableException, InterruptedException {
        if (suite.pages().isEmpty() && suite.login().isEmpty()) {
            return Optional.empty();
        }
        if (session.isEmpty()) {
            BrowserChoice choice = new BrowserLocator(io.env()).locate(suite.browser());
            session = Optional.of(BrowserSession.open(choice, BrowserSession.Options.of(suite.pagesParallel(),
                    suite.tls() == TlsPolicy.INSECURE).withTabsAhead((int) suite.pages().stream().filter(p -> !p.auth()).count())));
            new ConsoleReporter(io.out(), Style.of(io), suite.redactor())
                    .line(Style.of(io).dim("browser: " + session.get().description()));
        }
        return session;
    }

    /** The browser for one suite, started by whichever step first asks. */
    public BrowserSupply supply(Suite suite) {
        return () -> forSuite(suite);
    }

    @Override
    public synchronized void close() {
        session.ifPresent(BrowserSession::close);
        session = Optional.empty();
    }
}
