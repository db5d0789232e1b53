package dev.gate.checks.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTP server on 127.0.0.1 that answers bodies the way servers behind nginx or a CDN do:
 * compressed, with {@code Content-Encoding}, whatever the request asked for. It records each
 * request's {@code Accept-Encoding}, and can stream a gzip bomb (megabytes on the wire that
 * inflate to gigabytes of zeros), noting whether the client hung up before its end.
 */
public final class EncodedSite implements AutoCloseable {
    private final LoopbackServer server;
    private final Map<String, Answer> routes = new ConcurrentHashMap<>();
    private final List<String> acceptEncodings = new CopyOnWriteArrayList<>();
    private final AtomicBoolean bombCutShort = new AtomicBoolean();
    private final CountDownLatch bombEnded = new CountDownLatch(1);

    private record Answer(String contentType, String encoding, byte[] wire, long bombBytes) {
    }

    private EncodedSite() {
        this.server = LoopbackServer.start("encoded-site", this::handle);
    }

    public static EncodedSite start() {
        return new EncodedSite();
    }

    /** Answers {@code text} encoded as {@code encoding}: gzip, deflate (zlib), raw-deflate (sent as deflate) or identity. */
    public EncodedSite route(String path, String contentType, String encoding, String text) {
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        byte[] wire = switch (encoding) {
            case "gzip" -> gzip(plain);
            case "deflate" -> deflate(plain, false);
            case "raw-deflate" -> deflate(plain, true);
            case "identity", "br" -> plain;
            default -> throw new IllegalArgumentException(encoding);
        };
        String header = encoding.equals("raw-deflate") ? "deflate" : encoding;
        routes.put(path, new Answer(contentType, header, wire, -1));
        return this;
    }

    /** Answers these bytes as they are, under a {@code Content-Encoding} that may not describe them. */
    public EncodedSite routeWire(String path, String contentType, String encoding, byte[] wire) {
        routes.put(path, new Answer(contentType, encoding, wire.clone(), -1));
        return this;
    }

    /** Streams gzip of {@code decodedBytes} zeros, chunked, as JSON. */
    public EncodedSite bomb(String path, long decodedBytes) {
        routes.put(path, new Answer("application/json", "gzip", new byte[0], decodedBytes));
        return this;
    }

    public URI url() {
        return server.url();
    }

    public String url(String path) {
        return url() + path;
    }

    /** The {@code Accept-Encoding} of each request, in order; empty when none was sent. */
    public List<String> acceptEncodings() {
        return List.copyOf(acceptEncodings);
    }

    /** Whether a client hung up on the bomb before it was all sent; waits up to 10 s for the server to notice. */
    public boolean bombCutShort() throws InterruptedException {
        return bombEnded.await(10, TimeUnit.SECONDS) && bombCutShort.get();
    }

    public static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] deflate(byte[] plain, boolean raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, deflater)) {
            d.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
            acceptEncodings.add(accept == null ? "" : accept);
            Answer answer = routes.get(exchange.getRequestURI().getPath());
            if (answer == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            if (!answer.encoding().equals("identity")) {
                exchange.getResponseHeaders().set("Content-Encoding", answer.encoding());
            }
            if (answer.bombBytes() >= 0) {
                streamBomb(exchange, answer.bombBytes());
                return;
            }
            exchange.sendResponseHeaders(200, answer.wire().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.wire());
            }
        }
    }

    /** Gzip members of 64 MB of zeros each (about 64 KB on the wire), one after another: a valid gzip stream. */
    private void streamBomb(HttpExchange exchange, long decodedBytes) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        byte[] member = Bomb.MEMBER;
        try (OutputStream out = exchange.getResponseBody()) {
            for (long sent = 0; sent < decodedBytes; sent += Bomb.MEMBER_DECODED) {
                out.write(member);
            }
        } catch (IOException hungUp) {
            bombCutShort.set(true);
        } finally {
            bombEnded.countDown();
        }
    }

    /** Compressed once per test JVM. */
    private static final class Bomb {
        static final int MEMBER_DECODED = 64 * 1024 * 1024;
        static final byte[] MEMBER = gzip(new byte[MEMBER_DECODED]);
    }

    @Override
    public void close() {
        server.close();
    }
}
