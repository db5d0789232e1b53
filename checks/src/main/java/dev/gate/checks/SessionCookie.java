package dev.gate.checks;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * One cookie of the run's logged-in session, as the browser held it after the login. Its value is
 * a credential: checks that send it add it to their redactor.
 *
 * @param domain the cookie's domain as the browser stores it: {@code .shop.example.com} for a cookie
 *               set with a Domain attribute (sent to subdomains too), {@code shop.example.com} for a
 *               host-only one
 */
public record SessionCookie(String name, String value, String domain, String path, boolean secure) {
    public SessionCookie {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        domain = domain == null ? "" : domain;
        path = path == null || path.isEmpty() ? "/" : path;
    }

    /** Whether a browser would send this cookie with a request to {@code uri} (RFC 6265 domain and path match). */
    public boolean sentTo(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String d = domain.toLowerCase(Locale.ROOT);
        boolean domainMatch = d.startsWith(".")
                ? host.equals(d.substring(1)) || host.endsWith(d)
                : host.equals(d);
        String requestPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        boolean pathMatch = requestPath.equals(path) || requestPath.startsWith(path.endsWith("/") ? path : path + "/");
        boolean schemeOk = !secure || "https".equalsIgnoreCase(uri.getScheme());
        return domainMatch && pathMatch && schemeOk;
    }
}
