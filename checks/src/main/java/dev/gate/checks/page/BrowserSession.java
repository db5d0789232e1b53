package dev.gate.checks.page;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import dev.gate.checks.LoginOutcome;
import dev.gate.checks.time.Durations;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One browser for a whole run. Playwright for Java must be driven from a single thread, so the
 * session owns that thread and renders pages as an event loop: up to {@code parallel} pages are in
 * flight at once, each in a kept tab of its own ({@link PageTab}, wiped between key pages) or, for
 * a page seeded with the logged-in session, a context of its own, and every wait (on the session's own
 * {@link Heartbeat} page) pumps the events of all of them. Pages load in parallel in the browser
 * even though one thread drives them. A page over its timeout is closed, a lost browser is
 * replaced for the pages still queued, and a browser that does not close in time is killed.
 * With a {@link RemoteBrowser} the session connects to a Playwright server instead of launching,
 * and all else is the same; a server it cannot reach fails every page with one line.
 */
public final class BrowserSession implements AutoCloseable {
    private static final long PUMP_MS = 25;
    /** ... and while a kept tab is on its way to about:blank, which takes a few milliseconds. */
    private static final long LEAVING_PUMP_MS = 5;
    /** How long a closing browser may take before it is killed with its driver; a normal close takes ~300 ms. */
    private static final long CLOSE_WAIT_MS = 1_500;
    /** ... and once a page had to be closed unfinished, whose renderer may never answer again. */
    private static final long CLOSE_WAIT_HUNG_MS = 300;
    private static final String DRIVER_ERROR = "Error {";
    private static final String DRIVER_MESSAGE = "message='";

    private final LinkedBlockingDeque<Task> queue = new LinkedBlockingDeque<>();
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final BrowserChoice choice;
    private final Options options;
    private final Thread thread;
    private volatile boolean closing;
    /** Pages being rendered; touched only by the session's thread. */
    private final List<PageRenderer> inFlight = new ArrayList<>();
    /** Kept tabs between key pages, wiped; touched only by the session's thread. */
    private final Deque<PageTab> idleTabs = new ArrayDeque<>();
    /** Kept tabs whose page is done and on its way to about:blank ({@link PageTab#leave}), to be cleared there. */
    private final List<PageTab> leavingTabs = new ArrayList<>();
    /** How many tabs the session opened, for a test to see that pages did share one. */
    private volatile int tabsOpened;
    /** A tab could not be opened ahead: the rest are opened when pages need them, and then say why. */
    private boolean aheadFailed;
    /** Tabs are opened ahead only until the first page comes: later, a tab closed is opened when needed. */
    private boolean pagesAdmitted;
    /** Whether the session's thread is inside {@link #closeOverdue}, which the heartbeat may re-enter. */
    private boolean watching;
    /** Whether a page was closed unfinished: Chromium's own shutdown then waits ~10 s on its renderer. */
    private volatile boolean rendererMayHang;
    /** The Playwright driver, killed with its browser when it does not stop in time. */
    private volatile Optional<ProcessHandle> driver = Optional.empty();

    /**
     * @param parallel          pages in flight at once
     * @param ignoreHttpsErrors accept any certificate (the suite's {@code tls.insecure})
     * @param runningAsRoot     Chromium refuses to start as root without {@code --no-sandbox}
     * @param tabsAhead         tabs to open while nothing is asked of the session yet (while the
     *                          commit check polls), so the first pages do not wait for them
     */
    public record Options(int parallel, boolean ignoreHttpsErrors, boolean runningAsRoot, int tabsAhead) {
        public static Options of(int parallel, boolean ignoreHttpsErrors) {
            return new Options(parallel, ignoreHttpsErrors, "root".equals(System.getProperty("user.name")), 0);
        }

        /** Opening a tab costs ~0.3 s of the session's thread: as many ahead as will be in flight at once. */
        public Options withTabsAhead(int pages) {
            return new Options(parallel, ignoreHttpsErrors, runningAsRoot, Math.max(0, Math.min(Math.max(1, parallel), pages)));
        }
    }

    /** What the session's thread is asked to do: render a page, or perform the suite's login. */
    private sealed interface Task {
        void refuse(String why);
    }

    private record PageTask(PageJob job, CompletableFuture<PageRender> result) implements Task {
        @Override
        public void refuse(String why) {
            result.completeExceptionally(new IllegalStateException(why));
        }
    }

    private record LoginTask(LoginJob job, CompletableFuture<LoginOutcome> result) implements Task {
        @Override
        public void refuse(String why) {
            result.completeExceptionally(new IllegalStateException(why));
        }
    }

    /** The tab being wiped, touched only by the session's thread; null when none is. */
    private PageTab wiping;

    /** The login being performed, touched only by the session's thread; null when none is. */
    private LoginRunner loggingIn;

    private BrowserSession(BrowserChoice choice, Options options) {
        this.choice = choice;
        this.options = options;
        this.thread = new Thread(this::loop, "gate-browser");
        this.thread.setDaemon(true);
    }

    /** Starts the browser and waits for it, or says why it cannot be started and what fixes it. */
    public static BrowserSession open(BrowserChoice choice, Options options)
            throws BrowserUnavailableException, InterruptedException {
        BrowserSession session = start(choice, options);
        session.awaitReady();
        return session;
    }

    /**
     * Starts the browser and returns at once: pages asked for meanwhile wait in the queue. Whoever
     * must know that it started calls {@link #awaitReady} before deciding anything on its pages.
     */
    public static BrowserSession start(BrowserChoice choice, Options options) {
        BrowserSession session = new BrowserSession(choice, options);
        session.thread.start();
        return session;
    }

    /** Waits until the browser runs; closes the session and says why when it cannot start. */
    public void awaitReady() throws BrowserUnavailableException, InterruptedException {
        try {
            // a remote browser's own connect timeout ends the wait first: its failure is the pages' to report
            ready.get(180 + choice.remote().map(r -> r.connectTimeout().toSeconds()).orElse(0L), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            close();
            Throwable cause = e.getCause();
            if (cause instanceof BrowserUnavailableException b) {
                throw b;
            }
            throw new BrowserUnavailableException("the browser did not start: " + firstLine(cause), cause);
        } catch (TimeoutException e) {
            close();
            throw new BrowserUnavailableException("the browser did not start within 3 minutes; " + BrowserLocator.FIX);
        }
    }

    /** What the session is running, for the console: "Chromium 156 (system browser /usr/bin/chromium)". */
    public String description() {
        return ready.getNow("") + " (" + choice.description() + ")";
    }

    public CompletableFuture<PageRender> render(PageJob job) {
        CompletableFuture<PageRender> result = new CompletableFuture<>();
        return enqueue(new PageTask(job, result), result);
    }

    /**
     * Performs a login in a context of its own, once the pages in flight are done: its steps block
     * the session's thread (one at a time, each bounded by the job's step timeout), so nothing else
     * renders meanwhile, which is also why the runner logs in before it renders.
     */
    public CompletableFuture<LoginOutcome> login(LoginJob job) {
        CompletableFuture<LoginOutcome> result = new CompletableFuture<>();
        return enqueue(new LoginTask(job, result), result);
    }

    /** Queues a task for the session's thread, or refuses it at once when the session is closed. */
    private <T> CompletableFuture<T> enqueue(Task task, CompletableFuture<T> result) {
        if (closing || !thread.isAlive()) {
            task.refuse("the browser session is closed");
        } else {
            queue.add(task);
        }
        return result;
    }

    /**
     * Stops the session. Pages in flight are closed at once; a browser that does not then quit
     * within {@value #CLOSE_WAIT_MS} ms, or {@value #CLOSE_WAIT_HUNG_MS} ms once a page was closed
     * unfinished (a renderer whose script never yields holds Chromium's shutdown for ten seconds),
     * is killed with its driver, so a stopped gate exits promptly.
     */
    @Override
    public void close() {
        closing = true;
        thread.interrupt();
        long start = System.nanoTime();
        try {
            while (thread.isAlive()) {
                long waited = (System.nanoTime() - start) / 1_000_000;
                if (waited >= (rendererMayHang ? CLOSE_WAIT_HUNG_MS : CLOSE_WAIT_MS)) {
                    break;
                }
                thread.join(50);
            }
            if (thread.isAlive()) {
                driver.ifPresent(DriverProcess::kill);
                thread.join(CLOSE_WAIT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Task t; (t = queue.poll()) != null; ) {
            t.refuse("the browser session was closed");
        }
    }

    private void loop() {
        Playwright playwright = null;
        try {
            playwright = createPlaywright();
            driver = DriverProcess.newest();
            Browser browser = launch(playwright);
            ready.complete("Chromium " + browser.version());
            while (!closing) {
                try {
                    serve(browser);
                } catch (RuntimeException e) {
                    if (browser.isConnected()) {
                        throw e;
                    }
                    // the browser quit or crashed: its pages fail, the ones still queued get a new browser
                    failInFlight("the browser failed: " + firstLine(e));
                    if (!closing) {
                        browser = launch(playwright);
                    }
                }
            }
        } catch (InterruptedException e) {
            // closing
        } catch (RemoteUnreachable e) {
            // fail closed, page by page: an unreachable grid (at the start, or when reconnecting after
            // it dropped the browser) blocks the deploy like a broken page; it is not a machine
            // without a browser, which is exit 2
            ready.complete("not connected");
            failInFlight(e.getMessage());
            refuseUntilClosed(e.getMessage());
        } catch (BrowserUnavailableException | RuntimeException e) {
            ready.completeExceptionally(e);
            String why = "the browser failed: " + firstLine(e);
            failInFlight(why);
            for (Task t; (t = queue.poll()) != null; ) {
                t.refuse(why);
            }
        } finally {
            failInFlight("the browser session was closed before the page finished");
            if (playwright != null) {
                try {
                    playwright.close();
                } catch (RuntimeException e) {
                    // the driver is gone already
                }
            }
        }
    }

    /** Renders queued pages in one browser until the session closes; throws when the browser is lost. */
    private void serve(Browser browser) throws InterruptedException {
        Heartbeat heartbeat = Heartbeat.start(browser, this::closeOverdue);
        try {
            while (!closing) {
                settleLeaving();
                admit(browser);
                if (inFlight.isEmpty() && leavingTabs.isEmpty()) {
                    if (!pagesAdmitted && queue.isEmpty() && !aheadFailed && idleTabs.size() < options.tabsAhead()) {
                        openAhead(browser);
                        continue;
                    }
                    Task t = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (t != null) {
                        queue.offerFirst(t);
                    }
                    continue;
                }
                if (!browser.isConnected()) {
                    throw new IllegalStateException("the browser quit or crashed");
                }
                for (Iterator<PageRenderer> it = inFlight.iterator(); it.hasNext(); ) {
                    PageRenderer r = it.next();
                    if (r.advance()) {
                        it.remove();
                        r.reusableTab().filter(t -> watched(t, t::leave)).ifPresent(leavingTabs::add);
                    }
                }
                // a tab on its way to about:blank is what the next page waits for: looked at again soon
                heartbeat.pump(leavingTabs.isEmpty() ? PUMP_MS : LEAVING_PUMP_MS);
            }
        } finally {
            // a browser that is replaced takes its tabs with it; a closing session closes them with the browser
            idleTabs.clear();
            leavingTabs.clear();
            heartbeat.close();
        }
    }

    /**
     * Called on every tick of the heartbeat, also while the session's thread is blocked in a call
     * on a page whose script never yields: closes the pages over their timeout (all of them once
     * the session closes), which ends that call.
     */
    private void closeOverdue() {
        if (watching) {
            return;
        }
        watching = true;
        try {
            long now = System.nanoTime();
            for (PageRenderer r : List.copyOf(inFlight)) {
                if (r.closeIfOverdue(now, closing)) {
                    rendererMayHang = true;
                }
            }
            if (loggingIn != null && loggingIn.closeIfOverdue(now, closing)) {
                rendererMayHang = true;
            }
            if (wiping != null && wiping.closeIfOverdue(now, closing)) {
                rendererMayHang = true;
            }
        } finally {
            watching = false;
        }
    }

    /** Answers every task with why, until the session closes. */
    private void refuseUntilClosed(String why) {
        try {
            while (!closing) {
                Task t = queue.poll(200, TimeUnit.MILLISECONDS);
                if (t != null) {
                    t.refuse(why);
                }
            }
        } catch (InterruptedException e) {
            // closing
        }
    }

    private void failInFlight(String why) {
        if (!inFlight.isEmpty()) {
            rendererMayHang = true;
        }
        inFlight.forEach(r -> r.fail(why));
        inFlight.clear();
    }

    private void admit(Browser browser) {
        while (inFlight.size() < Math.max(1, options.parallel()) && !closing) {
            Task head = queue.peek();
            if (head instanceof LoginTask && !inFlight.isEmpty()) {
                return;
            }
            Task t = queue.poll();
            if (t == null) {
                return;
            }
            if (t instanceof LoginTask login) {
                logIn(browser, login);
                continue;
            }
            PageTask p = (PageTask) t;
            if (!p.job().needsOwnContext() && idleTabs.isEmpty() && !leavingTabs.isEmpty()) {
                // a tab is being wiped for it: waiting the few milliseconds is cheaper than opening another
                queue.offerFirst(t);
                return;
            }
            pagesAdmitted = true;
            try {
                inFlight.add(p.job().needsOwnContext()
                        ? PageRenderer.start(browser, p.job(), p.result(), options.ignoreHttpsErrors())
                        : startInTab(browser, p));
            } catch (RuntimeException e) {
                p.result().completeExceptionally(e);
            }
        }
    }

    /** A step of a kept tab's wipe, with the heartbeat watching over it; false when the tab was closed instead. */
    private boolean watched(PageTab tab, java.util.function.BooleanSupplier step) {
        wiping = tab;
        try {
            return step.getAsBoolean();
        } finally {
            wiping = null;
        }
    }

    /** Tabs whose old page has gone to about:blank are cleared and kept; one that never gets there is closed. */
    private void settleLeaving() {
        long now = System.nanoTime();
        for (Iterator<PageTab> it = leavingTabs.iterator(); it.hasNext(); ) {
            PageTab tab = it.next();
            if (tab.hasLeft()) {
                it.remove();
                if (watched(tab, tab::clear)) {
                    idleTabs.push(tab);
                }
            } else if (!tab.usable() || tab.leaveOverdue(now)) {
                // a page that never gives way (a pagehide handler that never returns) holds its renderer
                rendererMayHang |= tab.usable();
                it.remove();
                tab.close();
            }
        }
    }

    /**
     * Starts a page in a kept tab; a kept tab that cannot start it (its renderer died while idle)
     * is closed and the page started in a new one, as a first visit would have been.
     */
    private PageRenderer startInTab(Browser browser, PageTask p) {
        boolean kept = !idleTabs.isEmpty();
        try {
            return PageRenderer.start(tab(browser), p.job(), p.result());
        } catch (RuntimeException e) {
            if (!kept || !browser.isConnected()) {
                throw e;
            }
            return PageRenderer.start(newTab(browser), p.job(), p.result());
        }
    }

    /** A wiped tab for the next key page: one kept from an earlier page, or a new one. */
    private PageTab tab(Browser browser) {
        PageTab kept = idleTabs.poll();
        if (kept != null) {
            return kept;
        }
        return newTab(browser);
    }

    private PageTab newTab(Browser browser) {
        tabsOpened++;
        return PageTab.open(browser, options.ignoreHttpsErrors());
    }

    /** Opens a tab before a page asks for it; a tab that cannot be opened now is opened when a page needs it. */
    private void openAhead(Browser browser) {
        try {
            idleTabs.push(newTab(browser));
        } catch (RuntimeException e) {
            if (!browser.isConnected()) {
                throw e;
            }
            aheadFailed = true;
        }
    }

    int tabsOpened() {
        return tabsOpened;
    }

    /** Performs a login now, on this thread; a browser lost under it is replaced for what is queued. */
    private void logIn(Browser browser, LoginTask task) {
        try {
            loggingIn = LoginRunner.open(browser, task.job(), options.ignoreHttpsErrors());
            task.result().complete(loggingIn.run(browser));
        } catch (RuntimeException e) {
            task.result().completeExceptionally(e);
        } finally {
            loggingIn = null;
        }
        if (!browser.isConnected()) {
            throw new IllegalStateException("the browser quit or crashed");
        }
    }

    private Playwright createPlaywright() throws BrowserUnavailableException {
        Map<String, String> env = new HashMap<>(System.getenv());
        // the driver's young generation at 1 MB, not 16: ~40 MB less resident for the same speed
        // (what it relays is small messages); the user's own NODE_OPTIONS come after and win
        env.put("NODE_OPTIONS", ("--max-semi-space-size=1 " + env.getOrDefault("NODE_OPTIONS", "")).strip());
        if (choice.managed()) {
            // Playwright downloads its own browser only from the driver it copies out of the jar
            DriverCache.stepAside();
        } else {
            // a system browser is used: the driver must not try to download its own
            env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            DriverCache.use(env).ifPresent(f -> env.putIfAbsent("NODE_COMPILE_CACHE", DriverCache.compileCache(f).toString()));
        }
        try {
            return Playwright.create(new Playwright.CreateOptions().setEnv(env));
        } catch (PlaywrightException e) {
            throw new BrowserUnavailableException("no browser found, and Playwright could not get its own ("
                    + firstLine(e) + "); " + BrowserLocator.FIX, e);
        }
    }

    /**
     * What Chromium is started with: nothing that reaches the internet on its own (updates, sync,
     * first-run pages), nothing a container lacks (a large /dev/shm, a GPU), and as few processes as
     * do the job (see {@link FeatureSwitches}): the software compositor runs in the browser's
     * process, for without a GPU its process of its own costs memory (~60 MB resident) and a hop
     * for every frame; a crash of it then loses the browser, which the session replaces, instead
     * of a compositor Chromium restarts. A remote browser server started for the gate should get the same.
     */
    public static final List<String> CHROMIUM_FLAGS = Stream.concat(Stream.of(
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-dev-shm-usage", "--disable-gpu", "--in-process-gpu"), FeatureSwitches.launchArgs(System.getenv()).stream())
            .toList();

    /** Starts the browser, or, with a {@link RemoteBrowser}, connects to it: the one place that chooses. */
    private Browser launch(Playwright playwright) throws BrowserUnavailableException {
        if (choice.remote().isPresent()) {
            return connect(playwright, choice.remote().get());
        }
        List<String> args = new ArrayList<>(CHROMIUM_FLAGS);
        if (options.runningAsRoot()) {
            args.add("--no-sandbox");
        }
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions().setHeadless(true).setArgs(args)
                .setTimeout(60_000);
        choice.executable().ifPresent(launch::setExecutablePath);
        try {
            return playwright.chromium().launch(launch);
        } catch (PlaywrightException e) {
            throw new BrowserUnavailableException("cannot start " + choice.description() + ": " + firstLine(e)
                    + "; " + BrowserLocator.FIX, e);
        }
    }

    /**
     * Closing the session later closes the driver, and with it this connection: the server then
     * closes the browser it started for it; nothing here kills a process of the remote machine.
     */
    private static Browser connect(Playwright playwright, RemoteBrowser remote) {
        try {
            return playwright.chromium().connect(remote.endpoint().toString(),
                    new BrowserType.ConnectOptions().setTimeout(remote.connectTimeout().toMillis()));
        } catch (PlaywrightException e) {
            // the driver's message quotes the endpoint, token and all: hidden before the line is cut
            String why = firstLine(remote.hide(Objects.requireNonNullElse(e.getMessage(), "")), e).replaceFirst("^BrowserType\\.connect: ", "");
            throw new RemoteUnreachable("browser: could not connect to " + remote.shown() + " within "
                    + Durations.format(remote.connectTimeout()) + ": " + why + "; is the Playwright server running?");
        }
    }

    /** A remote browser that could not be reached: the pages fail with this message. */
    private static final class RemoteUnreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RemoteUnreachable(String message) {
            super(message);
        }
    }

    static String firstLine(Throwable e) {
        return firstLine(e.getMessage(), e);
    }

    private static String firstLine(String m, Throwable e) {
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        // errors from the driver read "Error {\n  message='...'\n  name='...'\n  stack='...'\n}": the
        // message is what a person needs, not the "Error {" above it
        int at = m.startsWith(DRIVER_ERROR) ? m.indexOf(DRIVER_MESSAGE) : -1;
        if (at >= 0) {
            m = m.substring(at + DRIVER_MESSAGE.length());
        }
        return m.strip().lines().findFirst().orElse("");
    }
}
