package dev.gate.checks.testing;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The JDK's HTTP server on 127.0.0.1 at a free port, one handler for every path, on daemon threads. */
final class LoopbackServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool;

    private LoopbackServer(HttpServer server, ExecutorService pool) {
        this.server = server;
        this.pool = pool;
    }

    static LoopbackServer start(String threadName, HttpHandler handler) {
        try {
            // without TCP_NODELAY, delayed ACKs add about 40 ms to kept-alive responses
            System.setProperty("sun.net.httpserver.nodelay", "true");
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            ExecutorService pool = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
            server.createContext("/", handler);
            server.setExecutor(pool);
            server.start();
            return new LoopbackServer(server, pool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
