package dev.gate.realstack;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code playwright run-server} from the npm package of the Java client's version, which
 * bin/test installs into {@code .tools/}, as a child process on a free port of 127.0.0.1: the
 * reference implementation of the remote browser protocol that grids speak.
 *
 * <p>It downloads no browser. The server launches a browser when a client connects, with the
 * launch options the client's URL carries in its {@code launch-options} query parameter (read by
 * the server in preference to the {@code x-playwright-launch-options} header); {@code --unsafe}
 * lets those name an executable and arguments, so it runs Debian's Chromium with the gate's own
 * flags. Playwright adds {@code --no-sandbox} itself unless asked for the sandbox.
 */
public final class PlaywrightServer implements AutoCloseable {
    public static final String VERSION = "1.62.0";
    public static final Path BINARY = Path.of("..", ".tools", "playwright-" + VERSION, "node_modules", ".bin", "playwright")
            .toAbsolutePath().normalize();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final List<String> FLAGS = dev.gate.checks.page.BrowserSession.CHROMIUM_FLAGS;

    private final Process process;
    private final Path log;
    private final int port;

    private PlaywrightServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(CHROMIUM);
    }

    /** Starts the server; fails if it does not say it listens within 60 s. */
    public static PlaywrightServer start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int port = LocalNginx.freePort();
        Path log = dir.resolve("playwright-server.log");
        ProcessBuilder pb = new ProcessBuilder(BINARY.toString(), "run-server", "--port", String.valueOf(port),
                "--host", "127.0.0.1", "--unsafe").redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        PlaywrightServer server = new PlaywrightServer(pb.start(), log, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(log).contains("Listening on ws://127.0.0.1:" + port)) {
            if (!server.process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("playwright run-server did not start: " + Files.readString(log));
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return server;
    }

    /**
     * The endpoint a client connects to, as a suite writes it: {@code extraQuery} (which may hold a
     * {@code ${env:}}) and the launch options that make the server run Debian's Chromium.
     */
    public String endpoint(String extraQuery) {
        String flags = String.join(",", FLAGS.stream().map(f -> "\"" + f + "\"").toList());
        String options = "{\"executablePath\":\"" + CHROMIUM + "\",\"headless\":true,\"args\":[" + flags + "]}";
        return "ws://127.0.0.1:" + port + "/?" + extraQuery + (extraQuery.isEmpty() ? "" : "&")
                + "launch-options=" + URLEncoder.encode(options, StandardCharsets.UTF_8);
    }

    /** The Chromium processes the server runs now: it starts one per connected client. */
    public List<ProcessHandle> browsers() {
        return process.toHandle().descendants().filter(p -> p.info().command().orElse("").contains("chrom")).toList();
    }

    public int port() {
        return port;
    }

    public boolean running() {
        return process.isAlive();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        kill();
    }

    /** Kills the server and the browsers it runs at once, as a crashed grid node goes. */
    public void kill() {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
