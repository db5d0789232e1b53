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
 * instead of each paying for a driver and a Chromium. It is found before anything is probed, so a
 * machine without one fails at once with exit 2 and the command that fixes it; a verification lets
 * it start while the commit check polls and waits for it before any page (a browser that then
 * fails to start is still exit 2, never a verdict on the release).
 */
public final class Browsers implements AutoCloseable {
    private final Io io;
    private Optional<BrowserSession> session = Optional.empty();
    /** Whether the session was waited for and named on the console. */
    private boolean announced;

    public Browsers(Io io) {
        this.io = io;
    }

    /** The session for a suite's pages and login, running; none for a suite with neither. */
    public synchronized Optional<BrowserSession> forSuite(Suite suite)
            throws BrowserUnavailableException, InterruptedException {
        Optional<BrowserSession> started = started(suite);
        if (started.isPresent() && !announced) {
            started.get().awaitReady();
            announced = true;
            new ConsoleReporter(io.out(), Style.of(io), suite.redactor())
                    .line(Style.of(io).dim("browser: " + started.get().description()));
        }
        return started;
    }

    /**
     * The same, started and not waited for, so the browser starts while the commit check polls;
     * a machine without a browser is still told at once, as finding one takes no time.
     */
    public synchronized Optional<BrowserSession> started(Suite suite) throws BrowserUnavailableException {
        if (suite.pages().isEmpty() && suite.login().isEmpty()) {
            return Optional.empty();
        }
        if (session.isEmpty()) {
            BrowserChoice choice = new BrowserLocator(io.env()).locate(suite.browser());
            session = Optional.of(BrowserSession.start(choice, BrowserSession.Options.of(suite.pagesParallel(),
                    suite.tls() == TlsPolicy.INSECURE).withTabsAhead((int) suite.pages().stream().filter(p -> !p.auth()).count())));
        }
        return session;
    }

    /** The browser for one suite, started by whichever step first asks. */
    public BrowserSupply supply(Suite suite) {
        return new BrowserSupply() {
            @Override
            public Optional<BrowserSession> get() throws BrowserUnavailableException, InterruptedException {
                return forSuite(suite);
            }

            @Override
            public Optional<BrowserSession> started() throws BrowserUnavailableException {
                return Browsers.this.started(suite);
            }
        };
    }

    @Override
    public synchronized void close() {
        session.ifPresent(BrowserSession::close);
        session = Optional.empty();
        announced = false;
    }
}
