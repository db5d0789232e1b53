package dev.gate.checks.http;

import dev.gate.checks.time.Durations;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Plain HTTP requests with a hard deadline on the whole exchange (headers and body), a cap on
 * the body kept, and timings. It asks for gzip or deflate, as a browser does, so it sees what a
 * CDN serves browsers; the body is decoded through {@link BodyReader}, the cap held against the
 * bytes received and the decoded bytes alike. One shared client keeps connections alive between requests; a
 * {@link #getFresh fresh} request uses a client of its own, so it cannot reuse a connection to
 * an instance that a load balancer would no longer pick.
 */
public final class HttpProbe {
    public static final int DEFAULT_MAX_BODY = 5 * 1024 * 1024;

    private final Duration timeout;
    private final TlsPolicy tls;
    private final int maxBodyBytes;
    private final BodyReader bodies;
    private final HttpClient shared;

    public HttpProbe(Duration timeout, TlsPolicy tls, int maxBodyBytes) {
        this.timeout = timeout;
        this.tls = tls;
        this.maxBodyBytes = maxBodyBytes;
        this.bodies = new BodyReader(maxBodyBytes);
        this.shared = newClient();
    }

    public HttpProbe(Duration timeout, TlsPolicy tls) {
        this(timeout, tls, DEFAULT_MAX_BODY);
    }

    public Duration timeout() {
        return timeout;
    }

    public TlsPolicy tls() {
        return tls;
    }

    /** A GET on a kept-alive connection. */
    public ProbeResponse get(URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        return send(shared, "GET", uri, headers);
    }

    /** A HEAD on a kept-alive connection: the status and headers of a resource, without its body. */
    public ProbeResponse head(URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        return send(shared, "HEAD", uri, headers);
    }

    /** A GET on a connection of its own. */
    public ProbeResponse getFresh(URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        return send(newClient(), "GET", uri, headers);
    }

    /**
     * A POST of {@code body} on a connection of its own, under the same deadline and cap on the
     * answer as a GET: for the gate's own messages (notifications), not for probing the site.
     */
    public ProbeResponse post(URI uri, Map<String, String> headers, byte[] body) throws IOException, InterruptedException {
        return exchange(newClient(), uri, headers, HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpClient newClient() {
        return HttpClients.track(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(timeout)
                .sslContext(tls.sslContext())
                .build());
    }

    private ProbeResponse send(HttpClient client, String method, URI uri, Map<String, String> headers)
            throws IOException, InterruptedException {
        return exchange(client, uri, headers, HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private ProbeResponse exchange(HttpClient client, URI uri, Map<String, String> headers, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        request.timeout(timeout);
        headers.forEach(request::header);
        if (headers.keySet().stream().noneMatch("Accept-Encoding"::equalsIgnoreCase)) {
            request.header("Accept-Encoding", BodyReader.ACCEPT_ENCODING);
        }
        long start = System.nanoTime();
        long[] headersAt = new long[1];
        HttpResponse.BodyHandler<Body> handler = info -> {
            headersAt[0] = System.nanoTime();
            return new CappedBody(maxBodyBytes);
        };
        CompletableFuture<HttpResponse<Body>> future = client.sendAsync(request.build(), handler);
        HttpResponse<Body> response;
        try {
            response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException(noCompleteResponse(timeout));
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw describe(e.getCause(), uri, timeout);
        }
        long end = System.nanoTime();
        int status = response.statusCode();
        if (status >= 300 && status < 400 && status != 304 && response.headers().firstValue("Location").isPresent()) {
            // the client hands back the last redirect once it has followed as many as it will
            throw new IOException("too many redirects (a redirect loop?)");
        }
        Body received = response.body();
        BodyReader.Prefix body = bodies.readPrefix(new ByteArrayInputStream(received.bytes()),
                response.headers().allValues("Content-Encoding"), received.truncated());
        return new ProbeResponse(response.uri(), response.statusCode(), response.headers().map(),
                body.bytes(), body.truncated(), Duration.ofNanos(headersAt[0] - start), Duration.ofNanos(end - start));
    }

    private static String noCompleteResponse(Duration timeout) {
        return "no complete response within " + Durations.format(timeout);
    }

    /** Turns the JDK's terse exceptions into a reason a person reads in one line. */
    static IOException describe(Throwable cause, URI uri, Duration timeout) {
        String where = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        if (cause instanceof HttpConnectTimeoutException) {
            return new IOException("connection to " + where + " timed out", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            // the client's own request timeout and ours race for the same deadline: one message for both
            return new IOException(noCompleteResponse(timeout), cause);
        }
        if (cause instanceof ConnectException || cause.getCause() instanceof ConnectException) {
            return new IOException("connection refused by " + where, cause);
        }
        if (cause instanceof UnresolvedAddressException || cause.getCause() instanceof UnresolvedAddressException) {
            return new IOException("cannot resolve host " + uri.getHost(), cause);
        }
        if (cause instanceof SSLException) {
            // the innermost cause says what is wrong ("unable to find valid certification path to
            // requested target"); the outer ones prefix it with the JDK's class names
            Throwable root = cause;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return new IOException("TLS failed with " + where + ": " + firstLine(root.getMessage()), cause);
        }
        if (cause instanceof IOException io) {
            String message = io.getMessage();
            if (message != null && message.contains("Too many redirects")) {
                return new IOException("too many redirects (a redirect loop?)", cause);
            }
            return new IOException(message == null ? cause.getClass().getSimpleName() : firstLine(message), cause);
        }
        return new IOException(cause.getClass().getSimpleName() + ": " + firstLine(String.valueOf(cause.getMessage())), cause);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private record Body(byte[] bytes, boolean truncated) {
    }

    /** Keeps at most {@code limit} bytes as they arrive (still encoded), then cancels the rest of the transfer. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<Body> {
        private final int limit;
        private final CompletableFuture<Body> result = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        private Flow.Subscription subscription;

        CappedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<Body> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                int room = limit - buffer.size();
                int n = Math.min(room, item.remaining());
                byte[] chunk = new byte[n];
                item.get(chunk);
                buffer.write(chunk, 0, n);
                if (item.hasRemaining()) {
                    result.complete(new Body(buffer.toByteArray(), true));
                    subscription.cancel();
                    return;
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(new Body(buffer.toByteArray(), false));
        }
    }
}
