package dev.gate.checks.page;

import dev.gate.checks.time.Durations;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A browser on another machine, reached over Playwright's own protocol: a {@code playwright
 * run-server}, or a grid that speaks it (browserless, Selenium Grid 4). The suite's
 * {@code browser.connect}.
 *
 * <p>Grids take their token in the query string, so the endpoint is never shown whole: messages
 * name it by {@link #shown()}, which keeps scheme, host, port and path and drops the rest.
 *
 * @param endpoint       a {@code ws://} or {@code wss://} URL
 * @param connectTimeout how long connecting may take before the pages fail
 */
public record RemoteBrowser(URI endpoint, Duration connectTimeout) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** Query parameters of {@code playwright run-server}'s own that hold no credentials. */
    private static final Set<String> SERVER_PARAMETERS = Set.of("browser", "launch-options");

    public RemoteBrowser {
        Objects.requireNonNull(endpoint);
        Objects.requireNonNull(connectTimeout);
    }

    /** {@code ws://grid:3000/?…}: where the browser is, without the credentials a URL may carry. */
    public String shown() {
        return shown(endpoint);
    }

    /** {@link #shown()} for any URL, also one the suite rejects. */
    public static String shown(URI uri) {
        if (uri.getHost() == null) {
            String part = uri.getRawSchemeSpecificPart();
            part = part.substring(part.indexOf('@') + 1);
            int query = part.indexOf('?');
            String rest = query >= 0 || uri.getRawFragment() != null ? "?…" : "";
            return (uri.getScheme() == null ? "" : uri.getScheme() + ":") + (query < 0 ? part : part.substring(0, query)) + rest;
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String rest = uri.getRawQuery() != null || uri.getRawFragment() != null ? "?…" : "";
        return uri.getScheme() + "://" + uri.getHost() + port + path + rest;
    }

    /** The endpoint replaced by its {@link #shown()} form, in a message that may quote it (the driver's do). */
    public String hide(String text) {
        return text.replace(endpoint.toString(), shown()).replace(endpoint.toASCIIString(), shown());
    }

    /**
     * The parts of the endpoint that may be credentials: the user information and the query's
     * values, except those of the parameters a Playwright server reads itself, which name a browser
     * and its launch options (a suite with secrets records no trace, and "chromium" is no secret),
     * and except switches and numbers.
     */
    public Set<String> secrets() {
        Set<String> secrets = new LinkedHashSet<>();
        if (endpoint.getRawUserInfo() != null) {
            secrets.add(endpoint.getRawUserInfo());
            secrets.add(endpoint.getUserInfo());
        }
        if (endpoint.getRawQuery() != null) {
            for (String pair : endpoint.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String value = eq < 0 ? pair : pair.substring(eq + 1);
                if (!SERVER_PARAMETERS.contains(eq < 0 ? "" : pair.substring(0, eq)) && mayBeCredential(value)) {
                    secrets.add(value);
                    secrets.add(URLDecoder.decode(value, StandardCharsets.UTF_8));
                }
            }
        }
        return secrets;
    }

    /**
     * A switch such as {@code stealth=true} or {@code timeout=30000} is no credential, and masking it
     * would blank every "true" in the record; a token is longer than that and not a bare number.
     * A value from {@code ${env:}} is a secret whatever it looks like: the suite reader adds those.
     */
    private static boolean mayBeCredential(String value) {
        return value.length() >= 6 && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")
                && !value.matches("[0-9.]+");
    }

    /** What the console says the session runs on. */
    public String description() {
        return "Playwright server " + shown() + ", connect timeout " + Durations.format(connectTimeout);
    }
}
