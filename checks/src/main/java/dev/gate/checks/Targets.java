package dev.gate.checks;

import java.net.URI;

/** Resolving the suite's page and API paths against its target. */
public final class Targets {
    private Targets() {
    }

    /**
     * A path such as {@code /p/42} is taken relative to the target (keeping any base path the
     * target has); an absolute URL is used as it is.
     */
    public static URI resolve(URI target, String pathOrUrl) {
        if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
            return URI.create(pathOrUrl);
        }
        String base = target.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String path = pathOrUrl.startsWith("/") ? pathOrUrl : "/" + pathOrUrl;
        return URI.create(base + path);
    }

    /** The URI with these query parameters appended, percent-encoded (a space as {@code %20}). */
    public static URI withQuery(URI uri, java.util.Map<String, String> query) {
        if (query.isEmpty()) {
            return uri;
        }
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(encode(k)).append('=').append(encode(v)));
        String s = uri.toString();
        return URI.create(s + (s.contains("?") ? "&" : "?") + q);
    }

    /** Percent-encoding for a query name or value; a space is {@code %20}, which every server reads. */
    public static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Same scheme, host and port: what "same-origin" means for requests a page makes. */
    public static boolean sameOrigin(URI a, URI b) {
        return eq(a.getScheme(), b.getScheme()) && eq(a.getHost(), b.getHost()) && port(a) == port(b);
    }

    /** {@code scheme://host:port} as written, the key of what belongs to one origin (connections, storage). */
    public static String origin(URI u) {
        return u.getScheme() + "://" + u.getRawAuthority();
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static boolean eq(String x, String y) {
        return x == null ? y == null : x.equalsIgnoreCase(y);
    }
}
