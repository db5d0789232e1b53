package dev.gate.checks.http;

import dev.gate.checks.time.Durations;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A minimal HTTP/1.1 client for latency samples: one kept-alive socket per origin, the request
 * written in one go, the response read straight off the socket, and the time to the first byte
 * taken where that byte arrives. The JDK's client hands responses between threads, which adds about
 * a millisecond to every sample; this one adds about as much as curl. Not for anything but timing:
 * no redirects, bodies read and thrown away. It does not go through {@link BodyReader}, since it
 * keeps no body: it asks for no encoding of its own (a suite's {@code Accept-Encoding} is sent as
 * written) and drains a compressed answer as the bytes on the wire, framed by its length or chunks,
 * so a sample times the server and the network, never this client inflating.
 */
public final class LeanHttp implements AutoCloseable {
    private final Duration timeout;
    private final TlsPolicy tls;
    private Socket socket;
    private String origin = "";
    private BufferedInputStream in;
    private OutputStream out;

    /** One timed exchange. */
    public record Timing(int status, Duration ttfb, Duration total, long bytes) {
    }

    public LeanHttp(Duration timeout, TlsPolicy tls) {
        this.timeout = timeout;
        this.tls = tls;
    }

    public Timing send(String method, URI uri, Map<String, String> headers, Optional<String> body) throws IOException {
        byte[] payload = body.map(b -> b.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        byte[] request = request(method, uri, headers, payload);
        for (int attempt = 0; ; attempt++) {
            boolean reused = connect(uri);
            long start = System.nanoTime();
            try {
                out.write(request);
                out.flush();
                return read(start, method.equals("HEAD"));
            } catch (IOException e) {
                closeSocket();
                // a kept-alive connection the server closed meanwhile fails at once: once more, fresh
                if (!reused || attempt > 0 || e instanceof SocketTimeoutException) {
                    throw e instanceof SocketTimeoutException
                            ? new IOException("no response within " + Durations.format(timeout), e) : e;
                }
            }
        }
    }

    private byte[] request(String method, URI uri, Map<String, String> headers, byte[] payload) {
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(uri.getHost()).append(uri.getPort() == -1 ? "" : ":" + uri.getPort()).append("\r\n");
        head.append("User-Agent: gate (latency)\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (payload.length > 0 || !method.equals("GET") && !method.equals("HEAD")) {
            head.append("Content-Length: ").append(payload.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + payload.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(payload, 0, all, h.length, payload.length);
        return all;
    }

    /** Opens a connection to the URI's origin unless one is open; true when one was reused. */
    private boolean connect(URI uri) throws IOException {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        String key = uri.getScheme() + "://" + uri.getHost() + ":" + port;
        if (socket != null && key.equals(origin) && !socket.isClosed()) {
            return true;
        }
        closeSocket();
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        try {
            s.connect(new InetSocketAddress(uri.getHost(), port), (int) timeout.toMillis());
        } catch (ConnectException e) {
            s.close();
            throw new IOException("connection refused by " + uri.getHost() + ":" + port, e);
        } catch (SocketTimeoutException e) {
            s.close();
            throw new IOException("connection to " + uri.getHost() + ":" + port + " timed out", e);
        }
        s.setSoTimeout((int) timeout.toMillis());
        if (https) {
            SSLSocket ssl = (SSLSocket) tls.sslContext().getSocketFactory().createSocket(s, uri.getHost(), port, true);
            SSLParameters params = ssl.getSSLParameters();
            if (tls == TlsPolicy.VERIFY) {
                params.setEndpointIdentificationAlgorithm("HTTPS");
            }
            params.setServerNames(java.util.List.of(new SNIHostName(uri.getHost())));
            ssl.setSSLParameters(params);
            ssl.startHandshake();
            s = ssl;
        }
        socket = s;
        origin = key;
        in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
        out = s.getOutputStream();
        return false;
    }

    private Timing read(long start, boolean head) throws IOException {
        long deadline = start + timeout.toNanos();
        int first = in.read();
        long ttfb = System.nanoTime() - start;
        if (first < 0) {
            throw new IOException("the server closed the connection without answering");
        }
        String statusLine = (char) first + line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(parts[1].trim());
        long length = -1;
        boolean chunked = false;
        boolean close = parts[0].equals("HTTP/1.0");
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> close = value.contains("close") || (close && !value.contains("keep-alive"));
                default -> { }
            }
        }
        long bytes = 0;
        boolean noBody = head || status == 204 || status == 304 || status / 100 == 1;
        if (!noBody) {
            if (chunked) {
                bytes = chunks(deadline);
            } else if (length >= 0) {
                bytes = skip(length, deadline);
            } else {
                bytes = skip(Long.MAX_VALUE, deadline);
                close = true;
            }
        }
        long total = System.nanoTime() - start;
        if (close) {
            closeSocket();
        }
        return new Timing(status, Duration.ofNanos(ttfb), Duration.ofNanos(total), bytes);
    }

    private long chunks(long deadline) throws IOException {
        long bytes = 0;
        while (true) {
            String size = line();
            int semi = size.indexOf(';');
            long n = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
            if (n == 0) {
                for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                    // trailers are not timed separately
                }
                return bytes;
            }
            bytes += skip(n, deadline);
            line();
        }
    }

    private long skip(long n, long deadline) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long read = 0;
        while (read < n) {
            if (System.nanoTime() > deadline) {
                throw new SocketTimeoutException();
            }
            int r = in.read(buffer, 0, (int) Math.min(buffer.length, n - read));
            if (r < 0) {
                if (n == Long.MAX_VALUE) {
                    return read;
                }
                throw new IOException("the connection closed after " + read + " of " + n + " bytes");
            }
            read += r;
        }
        return read;
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection closed in the middle of the response");
            }
            if (c != '\r') {
                b.write(c);
            }
            if (b.size() > 64 * 1024) {
                throw new IOException("a response header line longer than 64 KB");
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private void closeSocket() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a broken connection
            }
            socket = null;
            origin = "";
        }
    }

    @Override
    public void close() {
        closeSocket();
    }
}
