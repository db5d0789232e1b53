package dev.gate.checks.page;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.WaitUntilState;
import dev.gate.checks.Targets;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A browser tab the session keeps for key pages one after another, wiped between them so each is
 * still a first visit. A new context and page for every key page cost a renderer process each,
 * about 40% of a page's wall time at four pages in flight; a kept tab navigates in the renderer it
 * has. What a page can leave behind is cleared before the next one starts: the tab goes to
 * {@code about:blank}, which ends the old document's timers, after pop-ups it opened are closed and
 * its {@code window.name} and the session storage of its frames' origins are cleared; then its
 * navigation history, the context's cookies, everything stored by the origins its frames showed
 * (local storage, IndexedDB, Cache Storage, service workers) and the HTTP and in-memory caches. Not
 * cleared: the session storage of a frame that is gone by the time the page is done (it can only be
 * reached through a frame of its origin), and the context's open connections, so a page's timings
 * may start on a warm connection; a page tried again gets a context of its own for that reason. A
 * tab that cannot be wiped is closed, never reused.
 */
final class PageTab {
    /**
     * How long a wipe may take: its calls wait on the old page's renderer, which a script that
     * never yields would hold for good; past this the session's heartbeat closes the tab instead.
     */
    private static final long WIPE_MS = 2_000;

    private final BrowserContext context;
    private final Page page;
    private final CDPSession cdp;
    /** Origins the current page's frames showed: only a document stores anything, so their storage is what the wipe clears. */
    private final Set<String> touched = new LinkedHashSet<>();
    private volatile boolean closed;
    /** When the wipe under way is overdue; {@link Long#MAX_VALUE} when none is. */
    private volatile long wipeDeadline = Long.MAX_VALUE;

    private PageTab(BrowserContext context, Page page, CDPSession cdp) {
        this.context = context;
        this.page = page;
        this.cdp = cdp;
    }

    static PageTab open(Browser browser, boolean ignoreHttpsErrors) {
        Page page = PageRenderer.observedPage(browser, PageRenderer.contextOptions(ignoreHttpsErrors));
        try {
            return new PageTab(page.context(), page, page.context().newCDPSession(page));
        } catch (RuntimeException e) {
            page.context().close();
            throw e;
        }
    }

    BrowserContext context() {
        return context;
    }

    Page page() {
        return page;
    }

    private static final String LEAVE = "() => { window.name = ''; try { sessionStorage.clear(); } catch (e) { } }";

    /** Notes the origin of a document the page's frames showed; what is not http(s) has no storage to clear. */
    void touched(String url) {
        String origin = origin(url);
        if (!origin.isEmpty()) {
            touched.add(origin);
        }
    }

    private Set<String> frameOrigins() {
        Set<String> origins = new LinkedHashSet<>();
        for (Frame f : page.frames()) {
            String origin = origin(f.url());
            if (!origin.isEmpty()) {
                origins.add(origin);
            }
        }
        return origins;
    }

    /** {@code scheme://host:port} of an http(s) URL; empty for what no storage belongs to. */
    private static String origin(String url) {
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Targets.origin(uri);
            }
        } catch (IllegalArgumentException e) {
            // not a URL a storage belongs to
        }
        return "";
    }

    boolean usable() {
        return !closed && !page.isClosed();
    }

    /**
     * Makes the tab a first visit again; false, with the tab closed, when that failed or took
     * over {@value #WIPE_MS} ms, so the session opens a new tab instead.
     */
    boolean wipe() {
        if (!usable()) {
            close();
            return false;
        }
        wipeDeadline = System.nanoTime() + WIPE_MS * 1_000_000L;
        try {
            // a pop-up the page opened lives in this context: its timers would write into the next page's
            for (Page other : context.pages()) {
                if (other != page) {
                    other.close();
                }
            }
            // the name and the session storage belong to the tab, not the document, and outlive a
            // navigation: cleared from the page's own frames before it leaves
            page.evaluate(LEAVE);
            String main = origin(page.url());
            for (String origin : frameOrigins()) {
                if (!origin.equals(main)) {
                    clearSessionStorage(origin);
                }
            }
            page.navigate("about:blank", new Page.NavigateOptions().setTimeout(WIPE_MS).setWaitUntil(WaitUntilState.COMMIT));
            // history.length, and back(), would show the earlier key pages
            cdp.send("Page.resetNavigationHistory");
            context.clearCookies();
            for (String origin : touched) {
                JsonObject clear = new JsonObject();
                clear.addProperty("origin", origin);
                clear.addProperty("storageTypes", "all");
                cdp.send("Storage.clearDataForOrigin", clear);
            }
            touched.clear();
            // disabling the cache drops the renderer's in-memory copies as well; the HTTP cache is
            // cleared for this context alone, the other tabs' pages keep theirs
            cdp.send("Network.setCacheDisabled", cacheDisabled(true));
            cdp.send("Network.setCacheDisabled", cacheDisabled(false));
            cdp.send("Network.clearBrowserCache");
            return usable();
        } catch (RuntimeException e) {
            close();
            return false;
        } finally {
            wipeDeadline = Long.MAX_VALUE;
        }
    }

    /**
     * Closes the tab when its wipe is overdue, or at once when the session closes; called from the
     * session's heartbeat while its thread waits in the wipe, which the close ends. True when it closed it.
     */
    boolean closeIfOverdue(long now, boolean sessionClosing) {
        if (closed || wipeDeadline == Long.MAX_VALUE || !(sessionClosing || now > wipeDeadline)) {
            return false;
        }
        close();
        return true;
    }

    /** A frame of another origin than the page's: its session storage is reached through it. */
    private void clearSessionStorage(String origin) {
        JsonObject id = new JsonObject();
        id.addProperty("securityOrigin", origin);
        id.addProperty("isLocalStorage", false);
        JsonObject params = new JsonObject();
        params.add("storageId", id);
        try {
            cdp.send("DOMStorage.clear", params);
        } catch (PlaywrightException e) {
            if (!usable()) {
                throw e;
            }
        }
    }

    private static JsonObject cacheDisabled(boolean disabled) {
        JsonObject params = new JsonObject();
        params.addProperty("cacheDisabled", disabled);
        return params;
    }

    void close() {
        closed = true;
        try {
            context.close();
        } catch (RuntimeException e) {
            // the browser may be gone; nothing left to close
        }
    }
}
