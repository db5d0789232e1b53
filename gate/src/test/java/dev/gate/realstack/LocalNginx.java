package dev.gate.realstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx serving static files from a folder of its own, or in front of an app server, as a
 * child process on a free port of 127.0.0.1: its prefix, configuration, pid file, logs and temporary
 * files all inside that folder, so it touches nothing of the machine's nginx. gzip is on for HTML,
 * JSON, JavaScript and CSS from the first byte, as most production configurations have it. The access log records
 * the encoding of each answer.
 */
public final class LocalNginx implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Path dir;
    private final Process process;
    private final int port;

    private LocalNginx(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    /** Starts nginx serving {@code files} (path below the root → content); fails if it does not listen within 20 s. */
    public static LocalNginx serve(Path dir, Map<String, String> files) throws IOException, InterruptedException {
        Path root = Files.createDirectories(dir.resolve("html"));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = root.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue());
        }
        return start(dir, "    root " + root + ";\n    index index.html;\n", "");
    }

    /** Starts nginx serving the folder {@code root} as it is at each request (a release's build output). */
    public static LocalNginx serveFolder(Path dir, Path root) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        return start(dir, "    root " + root + ";\n    index index.html;\n", "");
    }

    /** Starts nginx in front of an app server on {@code upstreamPort}, keeping connections to it alive. */
    public static LocalNginx proxy(Path dir, int upstreamPort) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        return start(dir, "    location / { proxy_pass http://app; proxy_http_version 1.1; proxy_set_header Connection \"\"; }\n",
                "  gzip_proxied any;\n  upstream app { server 127.0.0.1:" + upstreamPort + "; keepalive 8; }\n");
    }

    /**
     * Starts nginx as a caching reverse proxy in front of app servers on {@code upstreamPorts}, one
     * upstream that takes turns between them (nginx's round robin). Paths under {@code cachedPrefix}
     * go through {@code proxy_cache}, keyed by the path alone, as a CDN set to ignore query strings
     * is, and kept 10 minutes whatever the app says; every answer says how in {@code X-Cache-Status}
     * ({@code $upstream_cache_status}: MISS, HIT, ...). Other paths are passed through uncached.
     */
    public static LocalNginx cachingProxy(Path dir, List<Integer> upstreamPorts, String cachedPrefix)
            throws IOException, InterruptedException {
        return cachingProxy(dir, upstreamPorts, cachedPrefix, "proxy_cache_key $uri; ");
    }

    /**
     * As {@link #cachingProxy(Path, List, String)}, with nginx's default cache key
     * ({@code $scheme$proxy_host$request_uri}): the query is part of the key, so a cache-busted
     * request always misses while a plain one is answered from the store.
     */
    public static LocalNginx cachingProxyWithDefaultKey(Path dir, List<Integer> upstreamPorts, String cachedPrefix)
            throws IOException, InterruptedException {
        return cachingProxy(dir, upstreamPorts, cachedPrefix, "");
    }

    private static LocalNginx cachingProxy(Path dir, List<Integer> upstreamPorts, String cachedPrefix, String key)
            throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("cache"));
        StringBuilder servers = new StringBuilder();
        upstreamPorts.forEach(p -> servers.append(" server 127.0.0.1:").append(p).append(";"));
        String pass = "proxy_pass http://app; proxy_http_version 1.1; proxy_set_header Connection \"\"; "
                + "add_header X-Cache-Status $upstream_cache_status always;";
        return start(dir, "    location / { " + pass + " }\n"
                        + "    location " + cachedPrefix + " { " + pass + " proxy_cache pages; " + key
                        + "proxy_cache_valid 200 10m; proxy_ignore_headers Cache-Control Expires Set-Cookie; }\n",
                "  proxy_cache_path " + dir.resolve("cache") + " levels=1 keys_zone=pages:1m max_size=10m inactive=10m use_temp_path=off;\n"
                        + "  upstream app {" + servers + " keepalive 8; }\n");
    }

    private static LocalNginx start(Path dir, String server, String http) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("tmp"));
        int port = freePort();
        Files.writeString(dir.resolve("nginx.conf"), config(dir, port, server, http));
        Process p = new ProcessBuilder(BINARY.toString(), "-p", dir + "/", "-c", dir.resolve("nginx.conf").toString(),
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        LocalNginx nginx = new LocalNginx(dir, p, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!nginx.listening()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                nginx.close();
                throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("stdout.log"))
                        + Files.readString(dir.resolve("error.log")));
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return nginx;
    }

    private static String config(Path dir, int port, String server, String http) {
        // as root the workers would run as nobody, who cannot read a test's private temporary folder
        boolean root = "root".equals(System.getProperty("user.name"));
        return (root ? "user root;\n" : "")
                + "worker_processes 1;\n"
                + "pid " + dir.resolve("nginx.pid") + ";\n"
                + "error_log " + dir.resolve("error.log") + " warn;\n"
                + "events { worker_connections 256; }\n"
                + "http {\n"
                + "  types { text/html html; application/json json; text/css css; text/javascript js; }\n"
                + "  default_type application/octet-stream;\n"
                + "  log_format encoding '$request_uri $status $sent_http_content_encoding';\n"
                + "  access_log " + dir.resolve("access.log") + " encoding;\n"
                + "  client_body_temp_path " + dir.resolve("tmp/body") + ";\n"
                + "  proxy_temp_path " + dir.resolve("tmp/proxy") + ";\n"
                + "  fastcgi_temp_path " + dir.resolve("tmp/fastcgi") + ";\n"
                + "  uwsgi_temp_path " + dir.resolve("tmp/uwsgi") + ";\n"
                + "  scgi_temp_path " + dir.resolve("tmp/scgi") + ";\n"
                + "  gzip on;\n  gzip_types application/json text/html text/javascript text/css;\n  gzip_min_length 0;\n"
                + http
                + "  server {\n"
                + "    listen 127.0.0.1:" + port + ";\n"
                + server
                + "  }\n"
                + "}\n";
    }

    /** A port of 127.0.0.1 free a moment ago, for a server that must be told its port. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Replaces a file nginx serves: the next request gets the new content. */
    public void write(String path, String content) {
        try {
            Files.writeString(dir.resolve("html").resolve(path), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The access log: "{uri} {status} {content encoding or -}", one answer a line. */
    public List<String> answers() {
        try {
            return Files.readAllLines(dir.resolve("access.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
