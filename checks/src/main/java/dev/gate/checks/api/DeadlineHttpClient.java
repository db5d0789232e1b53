package dev.gate.checks.api;

import dev.gate.checks.http.BodyReader;
import dev.gate.checks.http.TlsPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.conn.scheme.PlainSocketFactory;
import org.apache.http.conn.scheme.Scheme;
import org.apache.http.conn.scheme.SchemeRegistry;
import org.apache.http.conn.ssl.SSLSocketFactory;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.impl.client.DefaultHttpRequestRetryHandler;
import org.apache.http.impl.conn.PoolingClientConnectionManager;
import org.apache.http.protocol.HttpContext;

/**
 * The Apache HttpClient that Rest Assured drives, with two additions at the point where the
 * request goes out: a hard deadline for the whole exchange (a watchdog aborts the request, which
 * closes its socket, so even a server that trickles one byte at a time cannot hold a call past
 * it), and a stopwatch that times the exchange alone, body included. Rest Assured's own work
 * before and after (seconds on the first call in a JVM, while Groovy starts) is neither timed
 * nor counted against the deadline: a budget is about the server, not about this client.
 *
 * <p>The body is read here through the gate's {@link BodyReader}, which decodes gzip and deflate
 * and holds at most a cap of bytes, wire and decoded; Rest Assured's own decoders are off (see
 * {@link ApiCall}), so it receives the decoded bytes once, with no {@code Content-Encoding} on the
 * entity. Rest Assured's gzip decoder wraps a stream that is consumed by the time it is read
 * ({@code Attempted read from closed stream}) and its deflate decoder takes zlib or raw, not both.
 *
 * <p>No retries: Apache's retry handler logs every retry, and a gate must not send a POST twice.
 * One exchange at a time per client; the last one's timing is read with {@link #lastTime()}.
 */
@SuppressWarnings("deprecation") // Rest Assured 6 drives the Apache HttpClient 4 classic API
final class DeadlineHttpClient extends DefaultHttpClient {
    private static final ScheduledExecutorService WATCHDOG = watchdog();

    private final Duration timeout;
    private final BodyReader bodies;
    private volatile Duration lastTime = Duration.ZERO;
    private volatile boolean expired;

    DeadlineHttpClient(Duration timeout, TlsPolicy tls, BodyReader bodies) {
        super(new PoolingClientConnectionManager(schemes(tls)));
        this.timeout = timeout;
        this.bodies = bodies;
        setHttpRequestRetryHandler(new DefaultHttpRequestRetryHandler(0, false));
    }

    @Override
    public CloseableHttpResponse execute(HttpUriRequest request, HttpContext context) throws IOException {
        expired = false;
        long start = System.nanoTime();
        ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> {
            expired = true;
            request.abort();
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (!request.containsHeader("Accept-Encoding")) {
            request.setHeader("Accept-Encoding", BodyReader.ACCEPT_ENCODING);
        }
        try {
            CloseableHttpResponse response = super.execute(request, context);
            HttpEntity entity = response.getEntity();
            if (entity != null) {
                // read the body here, inside the deadline and the stopwatch
                response.setEntity(decoded(entity, response.getHeaders("Content-Encoding"), request));
            }
            lastTime = Duration.ofNanos(System.nanoTime() - start);
            return response;
        } finally {
            alarm.cancel(false);
        }
    }

    private HttpEntity decoded(HttpEntity entity, Header[] encodings, HttpUriRequest request) throws IOException {
        List<String> codings = new ArrayList<>();
        for (Header h : encodings) {
            codings.add(h.getValue());
        }
        InputStream wire = entity.getContent();
        byte[] body;
        try {
            body = bodies.readWhole(wire, codings);
        } catch (IOException e) {
            // closing the stream would read the rest to keep the connection: drop the connection instead
            request.abort();
            throw e;
        }
        wire.close(); // at its end: this returns the connection to the pool
        ByteArrayEntity decoded = new ByteArrayEntity(body);
        decoded.setContentType(entity.getContentType());
        return decoded;
    }

    /** From sending the last request to the last byte of its response (after any redirects). */
    Duration lastTime() {
        return lastTime;
    }

    /** Whether the deadline cut the last exchange short; what it threw then is only a symptom. */
    boolean expired() {
        return expired;
    }

    private static SchemeRegistry schemes(TlsPolicy tls) {
        SchemeRegistry schemes = new SchemeRegistry();
        schemes.register(new Scheme("http", 80, PlainSocketFactory.getSocketFactory()));
        // the same trust as the plain probe; INSECURE skips the host name check as well
        schemes.register(new Scheme("https", 443, new SSLSocketFactory(tls.sslContext(),
                tls == TlsPolicy.INSECURE ? SSLSocketFactory.ALLOW_ALL_HOSTNAME_VERIFIER
                        : SSLSocketFactory.BROWSER_COMPATIBLE_HOSTNAME_VERIFIER)));
        return schemes;
    }

    private static ScheduledExecutorService watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "api-call-deadline");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
