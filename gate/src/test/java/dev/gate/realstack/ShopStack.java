package dev.gate.realstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A real stack on 127.0.0.1, from Debian's packages: a Python shop on SQLite served by gunicorn
 * with two workers, behind nginx with gzip on. A deploy is what such shops do: write the release
 * into its own folder, flip the {@code current} symlink and HUP gunicorn, whose new workers start
 * cold while the old ones finish. Needs {@code /usr/bin/gunicorn} and {@code /usr/sbin/nginx}
 * (packages gunicorn and nginx-light; {@code bin/test} installs them).
 */
public final class ShopStack implements AutoCloseable {
    public static final Path GUNICORN = Path.of("/usr/bin/gunicorn");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Duration START = Duration.ofSeconds(20);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    /** gunicorn's master: it does not daemonize, so this is the process a HUP goes to. */
    private Process gunicorn;
    private LocalNginx nginx;

    private ShopStack(Path root) {
        this.root = root;
    }

    public static boolean installed() {
        return Files.isExecutable(GUNICORN) && Files.isExecutable(LocalNginx.BINARY) && Files.isExecutable(PYTHON);
    }

    /** Starts the stack serving {@code commit} with the healthy code. */
    public static ShopStack start(Path root, String commit) throws IOException, InterruptedException {
        ShopStack s = new ShopStack(root);
        try {
            s.boot(commit);
        } catch (IOException | InterruptedException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private void boot(String commit) throws IOException, InterruptedException {
        copy("shop.py", root.resolve("app/shop.py"));
        copy("seed.py", root.resolve("seed.py"));
        run(List.of(PYTHON.toString(), root.resolve("seed.py").toString(), root.resolve("shop.db").toString()));
        release(commit, 0);
        Files.createSymbolicLink(root.resolve("current"), root.resolve("releases").resolve(commit));
        int appPort = LocalNginx.freePort();
        ProcessBuilder app = new ProcessBuilder(GUNICORN.toString(), "--workers", "2", "--bind",
                "127.0.0.1:" + appPort, "--chdir", root.resolve("app").toString(), "shop:app");
        app.environment().put("SHOP_ROOT", root.toString());
        gunicorn = app.redirectErrorStream(true).redirectOutput(root.resolve("gunicorn.log").toFile()).start();
        nginx = LocalNginx.proxy(root.resolve("nginx"), appPort);
        awaitCommit(commit);
    }

    public String url() {
        return nginx.url().toString();
    }

    /**
     * Deploys a release: its folder, the symlink flipped, gunicorn HUPed; returns once every answer
     * of a few in a row serves it (the old workers have finished).
     *
     * @param extraQueries per product listed, on average: 0 is the healthy code; more is an N+1 query bug
     */
    public void deploy(String commit, double extraQueries) throws IOException, InterruptedException {
        release(commit, extraQueries);
        Path link = root.resolve("current.new");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, root.resolve("releases").resolve(commit));
        Files.move(link, root.resolve("current"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        run(List.of("kill", "-HUP", String.valueOf(gunicorn.pid())));
        awaitCommit(commit);
    }

    private void release(String commit, double extraQueries) throws IOException {
        Path dir = root.resolve("releases").resolve(commit);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("release.json"),
                "{\"commit\": \"" + commit + "\", \"extra_queries\": " + extraQueries + "}\n");
    }

    private void awaitCommit(String commit) throws InterruptedException, IOException {
        Instant until = Instant.now().plus(START);
        int inARow = 0;
        while (Instant.now().isBefore(until)) {
            if (!gunicorn.isAlive()) {
                throw new IOException("the shop stopped (exit " + gunicorn.exitValue() + "); see " + root);
            }
            inARow = commit.equals(servedCommit()) ? inARow + 1 : 0;
            if (inARow >= 6) {
                return;
            }
            Thread.sleep(inARow > 0 ? 20 : 100);
        }
        throw new IOException("the shop did not serve " + commit + " within " + START.toSeconds() + " s; see " + root);
    }

    private String servedCommit() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/api/products").toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            try (InputStream in = c.getInputStream()) {
                return JSON.readTree(in.readNBytes(1 << 20)).path("commit").asText(null);
            }
        } catch (IOException notYet) {
            return null;
        }
    }

    private static void copy(String resource, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (InputStream in = Objects.requireNonNull(ShopStack.class.getResourceAsStream(resource), resource)) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out.strip());
        }
    }

    @Override
    public void close() {
        if (nginx != null) {
            nginx.close();
        }
        if (gunicorn == null) {
            return;
        }
        gunicorn.destroy();
        try {
            if (!gunicorn.waitFor(5, TimeUnit.SECONDS)) {
                gunicorn.destroyForcibly();
            }
        } catch (InterruptedException e) {
            gunicorn.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
