package dev.gate.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on a plain socket, for what a well-behaved HTTP server never does: accept a connection
 * and never answer, or answer and stall in the middle of the body. Each connection is served by
 * its own thread, which holds the connection until the server is closed.
 */
final class RawServer implements AutoCloseable {
    /** What to do with one accepted connection. */
    interface Behaviour {
        void serve(Socket socket, CountDownLatch closed) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();

    private RawServer(ServerSocket socket, Behaviour behaviour) {
        this.socket = socket;
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    accepted.incrementAndGet();
                    connections.add(s);
                    Thread t = new Thread(() -> {
                        try (s) {
                            behaviour.serve(s, closed);
                        } catch (IOException | InterruptedException e) {
                            // the client gave up, or the server closes
                        }
                    }, "raw-server-connection");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "raw-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static RawServer start(Behaviour behaviour) {
        try {
            return new RawServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), behaviour);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Accepts, reads nothing, answers nothing: a process that hangs with its port open. */
    static RawServer silent() {
        return start((s, closed) -> closed.await());
    }

    /** Sends the headers and the first part of the page, then stalls with the connection open. */
    static RawServer stallingMidBody(String commit) {
        return start((s, closed) -> {
            readRequest(s.getInputStream());
            String head = "<!doctype html><html><head><meta name=\"commit\" content=\"" + commit + "\"><title>t</title>";
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n" + head)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            closed.await();
        });
    }

    private static void readRequest(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b; matched < 4 && (b = in.read()) != -1; ) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    int port() {
        return socket.getLocalPort();
    }

    int accepted() {
        return accepted.get();
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
