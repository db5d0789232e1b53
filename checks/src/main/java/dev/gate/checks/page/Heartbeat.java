package dev.gate.checks.page;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * A blank page of the session's own, in a context of its own (so in a renderer process of its own),
 * that logs a tick to the console every {@value #TICK_MS} ms. It serves the session twice:
 *
 * <ul>
 *   <li>The session waits on it between steps. Waiting on a page being checked would wait on that
 *       page's renderer: with a trace recording, a wait on a page whose script never yields does
 *       not return.</li>
 *   <li>Its ticks arrive while the session's one thread is blocked inside any Playwright call (the
 *       sync API dispatches events while it waits for its answer), so the tick handler can close a
 *       page that is over its timeout from that same thread. Playwright is not safe to call from a
 *       second thread, and a call on a page whose script never yields (title, evaluate,
 *       isVisible) never answers.</li>
 * </ul>
 */
final class Heartbeat {
    static final int TICK_MS = 100;

    private final BrowserContext context;
    private final Page page;

    private Heartbeat(BrowserContext context, Page page) {
        this.context = context;
        this.page = page;
    }

    static Heartbeat start(Browser browser, Runnable onTick) {
        BrowserContext context = browser.newContext();
        try {
            Page page = context.newPage();
            page.onConsoleMessage(m -> onTick.run());
            page.evaluate("ms => { setInterval(() => console.debug('tick'), ms); }", TICK_MS);
            return new Heartbeat(context, page);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /** Lets Playwright deliver the events of every page for {@code millis}. */
    void pump(long millis) {
        page.waitForTimeout(millis);
    }

    void close() {
        try {
            context.close();
        } catch (RuntimeException e) {
            // the browser is gone already
        }
    }
}
