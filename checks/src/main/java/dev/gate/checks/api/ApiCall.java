package dev.gate.checks.api;

import dev.gate.checks.Targets;
import dev.gate.checks.http.BodyReader;
import dev.gate.checks.http.TlsPolicy;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.LogConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Header;
import io.restassured.http.Headers;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.http.client.params.ClientPNames;
import org.apache.http.params.CoreConnectionPNames;

/**
 * Sends one declared request with Rest Assured and reads the whole response, decoded and capped
 * in bytes (see {@link BodyReader}), within a hard
 * deadline (see {@link DeadlineHttpClient}); Rest Assured's HTTP client also gets connect,
 * socket and connection-pool timeouts, so no single wait outlasts the deadline either.
 *
 * <p>Everything is configured per request: checks run in parallel threads, so Rest Assured's
 * static defaults ({@code RestAssured.baseURI}, {@code RestAssured.config}) are never set or
 * relied on. Nothing is logged: no filters, no {@code then()} (whose failures print the
 * request), and the log stream, should anything turn logging on, writes nowhere.
 *
 * <p>A {@link #fresh fresh} call uses a client of its own; {@link #keptAlive kept-alive} calls
 * share one client and its connections, one call at a time.
 */
@SuppressWarnings("deprecation") // Rest Assured 6 drives the Apache HttpClient 4 classic API
public final class ApiCall {
    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());

    private final Duration timeout;
    private final TlsPolicy tls;
    private final boolean keepAlive;
    private final BodyReader bodies;
    private DeadlineHttpClient shared;

    private ApiCall(Duration timeout, TlsPolicy tls, boolean keepAlive, long maxBodyBytes) {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("the timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
        this.tls = tls;
        this.keepAlive = keepAlive;
        this.bodies = new BodyReader(maxBodyBytes);
    }

    /** Every call on a new connection, closed afterwards; bodies capped at the default. */
    public static ApiCall fresh(Duration timeout, TlsPolicy tls) {
        return fresh(timeout, tls, BodyReader.DEFAULT_MAX_BYTES);
    }

    /** Every call on a new connection, closed afterwards; a decoded body over the cap fails the call. */
    public static ApiCall fresh(Duration timeout, TlsPolicy tls, long maxBodyBytes) {
        return new ApiCall(timeout, tls, false, maxBodyBytes);
    }

    /** Calls share one client and keep its connections alive between them; one call at a time. */
    public static ApiCall keptAlive(Duration timeout, TlsPolicy tls) {
        return new ApiCall(timeout, tls, true, BodyReader.DEFAULT_MAX_BYTES);
    }

    /**
     * @param uri absolute; the spec's path is not used again, its query, headers and body are
     * @throws ApiCallException when no complete response arrived, with the cause in one line
     */
    public synchronized ApiResponse send(ApiSpec spec, URI uri) throws ApiCallException {
        DeadlineHttpClient client = client();
        try {
            Response response = request(spec, uri, client).request(spec.method(), withPort(uri).toString());
            byte[] body = response.asByteArray();
            return new ApiResponse(response.statusCode(), headers(response), body, client.lastTime());
        } catch (Exception e) {
            // Groovy rethrows checked exceptions undeclared, so Exception is what can arrive here
            if (keepAlive) {
                shared = null; // a connection broken by a timeout or a server is not kept
                client.getConnectionManager().shutdown();
            }
            throw CallFailures.describe(e, uri, timeout, client.expired());
        } finally {
            if (!keepAlive) {
                client.getConnectionManager().shutdown();
            }
        }
    }

    private RequestSpecification request(ApiSpec spec, URI uri, DeadlineHttpClient client) {
        RequestSpecification request = RestAssured.given()
                .config(config(client))
                .noFilters()
                .auth().none()
                // the URL stays as the suite wrote it (already valid); only query values are encoded, here
                .urlEncodingEnabled(false)
                .port(port(uri));
        spec.query().forEach((name, value) -> request.queryParam(Targets.encode(name), Targets.encode(value)));
        List<Header> headers = new ArrayList<>();
        spec.headers().forEach((name, value) -> headers.add(new Header(name, value)));
        request.headers(new Headers(headers));
        // a Content-Type the suite wrote wins over the one its body implied
        boolean typed = spec.headers().keySet().stream().anyMatch("Content-Type"::equalsIgnoreCase);
        spec.contentType().filter(t -> !typed).ifPresent(request::contentType);
        spec.body().ifPresent(request::body);
        return request;
    }

    private RestAssuredConfig config(DeadlineHttpClient client) {
        int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        HttpClientConfig http = HttpClientConfig.httpClientConfig()
                .httpClientFactory(() -> client)
                .setParam(CoreConnectionPNames.CONNECTION_TIMEOUT, ms)
                .setParam(CoreConnectionPNames.SO_TIMEOUT, ms)
                .setParam(ClientPNames.CONN_MANAGER_TIMEOUT, (long) ms);
        return RestAssuredConfig.newConfig()
                .httpClient(http)
                // logging stays off; should anything turn it on, it writes nowhere
                .logConfig(new LogConfig(SILENT, false).blacklistDefaultSensitiveHeaders())
                .redirect(RedirectConfig.redirectConfig().followRedirects(true).maxRedirects(10))
                .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset("UTF-8")
                        .defaultCharsetForContentType("UTF-8", "application/json"))
                .decoderConfig(DecoderConfig.decoderConfig().defaultContentCharset("UTF-8")
                        // the client decodes, through the gate's bounded reader (see DeadlineHttpClient)
                        .noContentDecoders());
    }

    private DeadlineHttpClient client() {
        if (!keepAlive) {
            return new DeadlineHttpClient(timeout, tls, bodies);
        }
        if (shared == null) {
            shared = new DeadlineHttpClient(timeout, tls, bodies);
        }
        return shared;
    }

    private static Map<String, List<String>> headers(Response response) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Header h : response.headers()) {
            out.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
        }
        return out;
    }

    static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /**
     * Rest Assured adds port 8080 to a URL without one when the host is {@code localhost}; an
     * explicit port keeps the URL meaning what the suite wrote.
     */
    private static URI withPort(URI uri) {
        if (uri.getPort() != -1) {
            return uri;
        }
        return URI.create(uri.getScheme() + "://" + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@")
                + uri.getHost() + ":" + port(uri) + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

}
