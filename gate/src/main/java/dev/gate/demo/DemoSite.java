package dev.gate.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gate.checks.commit.CommitId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo shop: two instances behind a round-robin balancer on 127.0.0.1, an edge cache, and
 * releases switched at run time, in process ({@link #deploy}) or over HTTP
 * ({@code POST /__demo/deploy?version=v2}, {@code POST /__demo/rollback}) for deploy and rollback
 * commands that run as real processes.
 *
 * <p>A deploy reaches the first instance at once and the second after a few more requests, so a
 * gate sees a real rollout converge. Latency of the product API is drawn from a seeded lognormal
 * distribution, so latency comparisons have realistic noise.
 *
 * <p>It has accounts too: {@code POST /login} with {@link #USER} and the shop's password (drawn
 * anew for every shop, {@link #password()}) sets a session cookie; {@code /account} redirects to
 * {@code /login} without it and greets the customer by name with it.
 */
public final class DemoSite implements AutoCloseable {
    /** Requests the second instance serves the old release for after a deploy. */
    static final int ROLLOUT_LAG = 3;
    private static final Pattern PRODUCT = Pattern.compile("/p/(\\d+)");
    private static final Pattern ASSET = Pattern.compile("/static/(app|style)\\.([0-9a-f]{8})\\.(js|css)");
    /** The checkout, which the app loads only when a customer opens the cart: no key page asks for it. */
    private static final Pattern LAZY_CHUNK = Pattern.compile("/assets/Checkout-([0-9a-f]{8})\\.js");
    private static final double PRODUCTS_MEDIAN_MS = 12.0;
    private static final double SLOWDOWN = 1.5;
    /** Each creeping release adds 1.2 to 1.45 ms to the query: under the 2 ms a comparison blocks for, each time; three of them are over it. */
    private static final double CREEP = 1.10;

    private final HttpServer server;
    private final ExecutorService pool;
    private final Map<String, CommitId> commits;
    private final Instance[] instances = {new Instance("web-1"), new Instance("web-2")};
    private final AtomicInteger turn = new AtomicInteger();
    private final Random random;
    private final List<String> history = new ArrayList<>();
    /** Asset hashes still served: the current release's, and older ones unless a deploy deleted them. */
    private final Set<String> assetHashes = new HashSet<>();
    private String cachedProductVersion;
    private volatile boolean latencyEnabled = true;
    /** The customer the demo logs in as. */
    public static final String USER = "ishmael";
    static final String CUSTOMER = "Ishmael";
    static final String SESSION_COOKIE = "harbor_session";
    private static final int MAX_FORM_BYTES = 4096;
    private final String password = token();
    private final Set<String> sessions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final DemoMetrics metrics = new DemoMetrics();
    private final AtomicInteger recommendations = new AtomicInteger();

    private DemoSite(HttpServer server, ExecutorService pool, Map<String, CommitId> commits, long seed) {
        this.server = server;
        this.pool = pool;
        this.commits = Map.copyOf(commits);
        this.random = new Random(seed);
    }

    /** Starts the shop on a free port with {@code version} live on both instances. */
    public static DemoSite start(Map<String, CommitId> commits, String version, long seed) throws IOException {
        // without TCP_NODELAY, delayed ACKs add about 40 ms to every kept-alive response, which
        // would drown the latency the demo is meant to show
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "demo-shop-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        DemoSite site = new DemoSite(server, pool, commits, seed);
        site.deployNow(version);
        server.createContext("/", site::handle);
        server.createContext("/metrics", site.metrics.handler());
        server.setExecutor(pool);
        server.start();
        return site;
    }

    /** The password of {@link #USER}: the demo hands it to its suite through {@code ${env:GATE_DEMO_PASSWORD}}. */
    public String password() {
        return password;
    }

    private static String token() {
        byte[] bytes = new byte[9];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Starts a rollout of {@code version}: the first instance now, the second a few requests later. */
    public synchronized void deploy(String version) {
        DemoRelease release = release(version);
        String previous = instances[0].version;
        if (release.has(Fault.DELETES_OLD_ASSETS)) {
            assetHashes.clear();
        }
        assetHashes.add(DemoPages.assetHash(commit(version)));
        cachedProductVersion = release.has(Fault.STALE_PAGE) ? cachedOrCurrent(previous) : null;
        instances[0].switchTo(version, 0);
        instances[1].switchTo(version, release.has(Fault.STALE_INSTANCE) ? Integer.MAX_VALUE : ROLLOUT_LAG);
        history.add(version);
    }

    private String cachedOrCurrent(String previous) {
        return cachedProductVersion != null ? cachedProductVersion : previous;
    }

    /** Puts {@code version} live on both instances at once, with no cache in the way. */
    public synchronized void deployNow(String version) {
        release(version);
        assetHashes.add(DemoPages.assetHash(commit(version)));
        cachedProductVersion = null;
        instances[0].switchTo(version, 0);
        instances[1].switchTo(version, 0);
        history.add(version);
    }

    /** Rolls back to the release live before the current one, everywhere at once, purging the cache. */
    public synchronized String rollback() {
        if (history.size() < 2) {
            throw new IllegalStateException("nothing to roll back to");
        }
        history.remove(history.size() - 1);
        String previous = history.remove(history.size() - 1);
        deployNow(previous);
        return previous;
    }

    public synchronized String liveVersion() {
        return instances[0].version;
    }

    public CommitId commit(String version) {
        CommitId c = commits.get(version);
        if (c == null) {
            throw new IllegalArgumentException("no demo release " + version);
        }
        return c;
    }

    /** Turns the simulated database time off, for tests that only need content. */
    public void latency(boolean enabled) {
        latencyEnabled = enabled;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private static DemoRelease release(String version) {
        return DemoReleases.byVersion(version).orElseThrow(() -> new IllegalArgumentException("no demo release " + version));
    }

    private void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String form = path.equals("/login") && exchange.getRequestMethod().equals("POST")
                    ? new String(exchange.getRequestBody().readNBytes(MAX_FORM_BYTES), StandardCharsets.UTF_8) : "";
            drain(exchange.getRequestBody());
            if (path.startsWith("/__demo/")) {
                admin(exchange, path);
                return;
            }
            Instance instance = pickInstance();
            String version = instance.serve();
            CommitId commit = commit(version);
            // as real fleets do, so the suite's commit.instance_header can name a stale one
            exchange.getResponseHeaders().set("X-Instance", instance.name);
            DemoRelease release = release(version);
            exchange.getResponseHeaders().set("X-Commit", commit.hex());
            if (path.equals("/login")) {
                login(exchange, form, commit);
            } else if (path.equals("/account")) {
                account(exchange, commit);
            } else {
                route(exchange, path, release, commit);
            }
        } catch (RuntimeException e) {
            // the demo must answer even when a request is odd; a real site would answer 500 too
            send(exchange, 500, "text/plain", "internal error: " + e.getMessage());
        } finally {
            if (exchange.getResponseCode() > 0) {
                metrics.record(DemoMetrics.route(exchange.getRequestURI().getPath()), exchange.getResponseCode(),
                        System.nanoTime() - start);
            }
        }
    }

    private void route(HttpExchange exchange, String path, DemoRelease release, CommitId commit) throws IOException {
        Matcher product = PRODUCT.matcher(path);
        Matcher asset = ASSET.matcher(path);
        Matcher lazyChunk = LAZY_CHUNK.matcher(path);
        if (path.equals("/")) {
            send(exchange, 200, "text/html; charset=utf-8", DemoPages.home(release, commit));
        } else if (path.equals("/products")) {
            send(exchange, 200, "text/html; charset=utf-8", DemoPages.productList(commit));
        } else if (product.matches()) {
            int id = Integer.parseInt(product.group(1));
            if (id < 1 || id > DemoPages.PRODUCTS) {
                send(exchange, 404, "text/html; charset=utf-8", DemoPages.notFound());
                return;
            }
            String cached = cachedProduct();
            DemoRelease shown = cached == null ? release : release(cached);
            CommitId shownCommit = cached == null ? commit : commit(cached);
            if (cached != null) {
                exchange.getResponseHeaders().set("X-Commit", shownCommit.hex());
                exchange.getResponseHeaders().set("X-Cache", "HIT");
            }
            send(exchange, 200, "text/html; charset=utf-8", DemoPages.product(shown, shownCommit, id));
        } else if (asset.matches() && assetServed(asset.group(2))) {
            if (asset.group(1).equals("app")) {
                DemoRelease owner = releaseOfHash(asset.group(2));
                send(exchange, 200, "application/javascript", DemoPages.appJs(owner));
            } else {
                send(exchange, 200, "text/css", DemoPages.css());
            }
        } else if (lazyChunk.matches() && assetServed(lazyChunk.group(1))) {
            send(exchange, 200, "application/javascript", DemoPages.checkoutJs());
        } else if (path.equals(DemoPages.MANIFEST)) {
            send(exchange, 200, "application/json", DemoPages.manifest(commit));
        } else if (path.equals("/api/health")) {
            boolean broken = release.has(Fault.BROKEN_API);
            send(exchange, broken ? 503 : 200, "application/json", DemoPages.health(commit, broken));
        } else if (path.equals("/api/products")) {
            simulateDatabase(release.has(Fault.SLOW_API) ? SLOWDOWN : Math.pow(CREEP, creep(release)));
            send(exchange, 200, "application/json", DemoPages.products());
        } else if (path.equals("/api/recommendations")) {
            // a widget no key page waits for: every fourth call fails in the release that breaks it
            boolean fails = release.has(Fault.FAILING_RECOMMENDATIONS) && recommendations.incrementAndGet() % 4 == 0;
            send(exchange, fails ? 500 : 200, "application/json", fails ? "{\"error\":\"no profile\"}"
                    : "{\"items\":[42,7,19]}");
        } else if (path.equals("/version")) {
            send(exchange, 200, "application/json", DemoPages.version(release, commit));
        } else {
            send(exchange, 404, "text/html; charset=utf-8", DemoPages.notFound());
        }
    }

    /** The form, or (posted) a session cookie and a redirect to the account, or the form with "Invalid password". */
    private void login(HttpExchange exchange, String form, CommitId commit) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            send(exchange, 200, "text/html; charset=utf-8", DemoPages.login(commit, false));
            return;
        }
        Map<String, String> fields = new java.util.HashMap<>();
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) {
                fields.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        if (!USER.equals(fields.get("user")) || !password.equals(fields.get("password"))) {
            send(exchange, 200, "text/html; charset=utf-8", DemoPages.login(commit, true));
            return;
        }
        String session = token();
        sessions.add(session);
        exchange.getResponseHeaders().set("Set-Cookie", SESSION_COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Lax");
        exchange.getResponseHeaders().set("Location", "/account");
        send(exchange, 303, "text/html; charset=utf-8", "");
    }

    private void account(HttpExchange exchange, CommitId commit) throws IOException {
        String cookies = String.join("; ", exchange.getRequestHeaders().getOrDefault("Cookie", List.of()));
        boolean signedIn = false;
        for (String pair : cookies.split(";")) {
            String[] kv = pair.trim().split("=", 2);
            signedIn |= kv.length == 2 && kv[0].equals(SESSION_COOKIE) && sessions.contains(kv[1]);
        }
        if (!signedIn) {
            exchange.getResponseHeaders().set("Location", "/login?next=/account");
            send(exchange, 302, "text/html; charset=utf-8", "");
            return;
        }
        send(exchange, 200, "text/html; charset=utf-8", DemoPages.account(commit, CUSTOMER));
    }

    private synchronized String cachedProduct() {
        return cachedProductVersion;
    }

    private synchronized boolean assetServed(String hash) {
        return assetHashes.contains(hash);
    }

    private DemoRelease releaseOfHash(String hash) {
        return commits.entrySet().stream()
                .filter(e -> DemoPages.assetHash(e.getValue()).equals(hash))
                .map(e -> release(e.getKey()))
                .findFirst()
                .orElseThrow();
    }

    /** How many creeping releases this one sits on. */
    private static int creep(DemoRelease release) {
        return release.has(Fault.CREEP_THIRD) ? 3 : release.has(Fault.CREEP_AGAIN) ? 2 : release.has(Fault.CREEP) ? 1 : 0;
    }

    private void simulateDatabase(double factor) {
        if (!latencyEnabled) {
            return;
        }
        double gaussian;
        synchronized (random) {
            gaussian = random.nextGaussian();
        }
        double ms = PRODUCTS_MEDIAN_MS * factor * Math.exp(0.1 * gaussian);
        try {
            Thread.sleep((long) ms, (int) ((ms % 1) * 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void admin(HttpExchange exchange, String path) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            send(exchange, 405, "text/plain", "use POST");
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        try {
            String live;
            if (path.equals("/__demo/deploy") && query != null && query.startsWith("version=")) {
                deploy(query.substring("version=".length()));
                live = liveVersion();
            } else if (path.equals("/__demo/rollback")) {
                live = rollback();
            } else {
                send(exchange, 404, "text/plain", "unknown admin call");
                return;
            }
            send(exchange, 200, "application/json",
                    "{\"version\":\"" + live + "\",\"commit\":\"" + commit(live).hex() + "\"}");
        } catch (IllegalArgumentException | IllegalStateException e) {
            send(exchange, 409, "text/plain", e.getMessage());
        }
    }

    private Instance pickInstance() {
        return instances[Math.floorMod(turn.getAndIncrement(), instances.length)];
    }

    private static void drain(InputStream body) throws IOException {
        body.transferTo(OutputStream.nullOutputStream());
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** One instance behind the balancer: the release it serves, and the one it is about to take. */
    private static final class Instance {
        private final String name;
        private String version;
        private String next;
        private int lag;

        Instance(String name) {
            this.name = name;
        }

        synchronized void switchTo(String newVersion, int requestsLeft) {
            if (requestsLeft == 0) {
                version = newVersion;
                next = null;
            } else {
                next = newVersion;
                lag = requestsLeft;
            }
        }

        synchronized String serve() {
            if (next != null && lag != Integer.MAX_VALUE && --lag <= 0) {
                version = next;
                next = null;
            }
            return version;
        }
    }
}
