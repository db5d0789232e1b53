package dev.gate.checks.page;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Tracing;
import dev.gate.checks.Targets;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A browser tab the session keeps for key pages one after another, wiped between them so each is
 * still a first visit. A new context and page for every key page cost a renderer process each,
 * about 40% of a page's wall time at four pages in flight; a kept tab navigates in the renderer it
 * has. What a page can leave behind is cleared before the next one starts, in two steps so the
 * session's one thread need not wait for the renderer between them: {@link #leave} closes the
 * pop-ups the page opened, clears its {@code window.name} and the session storage of its frames'
 * origins and sends it to {@code about:blank}, which ends the old document's timers; once it is
 * there ({@link #hasLeft}), {@link #clear} resets its navigation history and clears the context's
 * cookies, everything stored by the origins its frames showed (local storage, IndexedDB, Cache
 * Storage, service workers) and the HTTP and in-memory caches. Not cleared: the session storage of
 * a frame that is gone by the time the page is done (it can only be reached through a frame of its
 * origin), and the context's open connections, so a page's timings may start on a warm connection;
 * a page tried again gets a context of its own for that reason. A tab that cannot be wiped is
 * closed, never reused.
 *
 * <p>The tab's context records one trace session for all its pages, each page a chunk of it:
 * starting a trace session costs ~40 ms of the session's thread a page, a chunk a few.
 */
final class PageTab {
    /**
     * How long each step of a wipe may take: its calls wait on the old page's renderer, which a
     * script that never yields would hold for good; past this the session's heartbeat closes the
     * tab instead. The same bounds the old document's way to {@code about:blank}.
     */
    private static final long WIPE_MS = 2_000;

    private final BrowserContext context;
    private final Page page;
    private final CDPSession cdp;
    /** Origins the tab's frames showed since the last wipe: only a document stores anything, so their storage is what the wipe clears. */
    private final Set<String> touched = new LinkedHashSet<>();
    private volatile boolean closed;
    /** When the wipe step under way is overdue; {@link Long#MAX_VALUE} when none is. */
    private volatile long wipeDeadline = Long.MAX_VALUE;
    /** The address the tab leaves for: a new one each time, so that arriving there is a new document. */
    private String leftFor = "";
    private long leaveDeadline = Long.MAX_VALUE;
    private int leaves;
    /** The old page's {@code history.length}: over 1, its entries are reset. */
    private int historyLength;
    /** Whether the context's trace session is open (a page is then a chunk of it). */
    private boolean tracing;
    private int chunks;
    private static final int CHUNKS_PER_SESSION = 25;

    private PageTab(BrowserContext context, Page page, CDPSession cdp) {
        this.context = context;
        this.page = page;
        this.cdp = cdp;
    }

    static PageTab open(Browser browser, boolean ignoreHttpsErrors) {
        Page page = PageRenderer.observedPage(browser, PageRenderer.contextOptions(ignoreHttpsErrors));
        try {
            PageTab tab = new PageTab(page.context(), page, page.context().newCDPSession(page));
            // for the whole life of the tab, not a page's: a frame that navigates after its page is
            // done still stores under its origin
            page.onFrameNavigated(f -> tab.touched(f.url()));
            return tab;
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

    /**
     * Starts recording the next page's trace: the context's trace session the first time, a chunk
     * of it after, and a new session every {@value #CHUNKS_PER_SESSION} pages, for Playwright keeps
     * the session's network log and bodies for its whole life and copies them into every trace written.
     */
    void beginTrace() {
        if (tracing && chunks >= CHUNKS_PER_SESSION) {
            stopTracing();
        }
        if (tracing) {
            context.tracing().startChunk();
        } else {
            context.tracing().start(PageRenderer.traceOptions());
            tracing = true;
            chunks = 0;
        }
        chunks++;
    }

    /** Ends the page's chunk, written to {@code file} (with the page's own requests only) when there is one, dropped when not. */
    void endTrace(Optional<Path> file) {
        context.tracing().stopChunk(file.map(f -> new Tracing.StopChunkOptions().setPath(f)).orElse(null));
        if (file.isPresent()) {
            try {
                TraceChunk.trim(file.get());
            } catch (IOException e) {
                // the trace as Playwright wrote it stays: more evidence, never less
            }
        }
    }

    /** The next page must not be traced (secrets are in play): the trace session ends before it starts. */
    void stopTracing() {
        if (tracing) {
            context.tracing().stop();
            tracing = false;
        }
    }

    /**
     * Clears what the tab and not the document holds (the name, the session storage) and sends it to
     * a blank page; returns {@code history.length} first, as the reset of the history needs it.
     */
    private static final String LEAVE = "to => { const n = history.length; window.name = '';"
            + " try { sessionStorage.clear(); } catch (e) { } location.replace(to); return n; }";

    /** Notes the origin of a document the tab's frames showed; what is not http(s) has no storage to clear. */
    private void touched(String url) {
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
     * The first step of the wipe, as soon as a page is done: pop-ups closed, the name and session
     * storage cleared, the old document on its way to {@code about:blank}; false, with the tab
     * closed, when that failed or took over {@value #WIPE_MS} ms.
     */
    boolean leave() {
        return step(() -> {
            closePopUps();
            // the name and the session storage belong to the tab, not the document, and outlive a
            // navigation: cleared while the page's frames are still there (another origin's only
            // through a frame of it), then the page leaves by its own location.replace, which
            // keeps the renderer (a navigation the browser starts may swap it, and the tab's
            // devtools session with it) and adds no history entry
            String main = origin(page.url());
            for (String origin : frameOrigins()) {
                if (!origin.equals(main)) {
                    clearSessionStorage(origin);
                }
            }
            leftFor = "about:blank#gate-wiped-" + ++leaves;
            Object length = page.evaluate(LEAVE, leftFor);
            historyLength = length instanceof Number n ? n.intValue() : Integer.MAX_VALUE;
            leaveDeadline = System.nanoTime() + WIPE_MS * 1_000_000L;
        });
    }

    /** A pop-up the page opened lives in this context: its timers would write into the next page's. */
    private void closePopUps() {
        for (Page other : context.pages()) {
            if (other != page) {
                other.close();
            }
        }
    }

    /**
     * Runs a step of the wipe with its deadline set for the heartbeat to watch; false, with the tab
     * closed, when the tab was not usable before or after it, or the step failed.
     */
    private boolean step(Runnable body) {
        if (!usable()) {
            close();
            return false;
        }
        wipeDeadline = System.nanoTime() + WIPE_MS * 1_000_000L;
        try {
            body.run();
            return usable();
        } catch (RuntimeException e) {
            close();
            return false;
        } finally {
            wipeDeadline = Long.MAX_VALUE;
        }
    }

    /** Whether the old document is gone: the tab shows the blank page {@link #leave} sent it to. */
    boolean hasLeft() {
        return usable() && leftFor.equals(page.url());
    }

    /** Whether the old document has had its time to give way, and did not: its tab is not to be trusted. */
    boolean leaveOverdue(long now) {
        return now > leaveDeadline;
    }

    /**
     * The second step, once the old document is gone ({@link #hasLeft}): makes the tab a first
     * visit again; false, with the tab closed, when that failed or took over {@value #WIPE_MS} ms,
     * so the session opens a new tab instead.
     */
    boolean clear() {
        return step(() -> {
            // again: the old document ran until it reached about:blank, and may have opened one meanwhile
            closePopUps();
            if (historyLength > 1) {
                // history.length, and back(), would show the earlier key pages
                cdp.send("Page.resetNavigationHistory");
            }
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
            leaveDeadline = Long.MAX_VALUE;
        });
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
