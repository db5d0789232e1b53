package dev.gate.checks.api;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Headers whose values are credentials whether or not the suite marked them secret. Their values
 * are redacted from everything a check reports, and so are their parts that a server may echo on
 * their own: the token after {@code Bearer}, the value of each cookie.
 */
final class SecretHeaders {
    static final Set<String> NAMES = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");

    private SecretHeaders() {
    }

    static boolean isSecret(String headerName) {
        return NAMES.contains(headerName.toLowerCase(Locale.ROOT));
    }

    /** The secret values among these headers, with their parts. */
    static Set<String> values(Map<String, ? extends Collection<String>> headers) {
        Set<String> out = new LinkedHashSet<>();
        headers.forEach((name, values) -> {
            if (isSecret(name)) {
                values.forEach(v -> addWithParts(name.toLowerCase(Locale.ROOT), v, out));
            }
        });
        return out;
    }

    private static void addWithParts(String name, String value, Set<String> out) {
        String v = value.trim();
        out.add(v);
        if (name.contains("authorization")) {
            int space = v.indexOf(' ');
            if (space > 0) {
                out.add(v.substring(space + 1).trim()); // the credential without its scheme
            }
        } else if (name.contains("cookie")) {
            for (String pair : v.split(";")) {
                int eq = pair.indexOf('=');
                String cookieValue = eq < 0 ? "" : pair.substring(eq + 1).trim();
                // attributes of Set-Cookie (Path=/, Max-Age=3600) are not secrets; cookies are
                if (!cookieValue.isEmpty() && !isAttribute(pair.substring(0, eq).trim())) {
                    out.add(cookieValue);
                    out.add(pair.trim());
                }
            }
        }
    }

    private static boolean isAttribute(String name) {
        return Set.of("path", "domain", "expires", "max-age", "samesite", "priority", "partitioned")
                .contains(name.toLowerCase(Locale.ROOT));
    }
}
