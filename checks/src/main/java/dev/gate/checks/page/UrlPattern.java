package dev.gate.checks.page;

import dev.gate.checks.Targets;
import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The URL a login's {@code wait_for} waits for, written as a path on the target ({@code /account})
 * or an absolute URL, where {@code *} stands for any characters but {@code /} and {@code **} for
 * any characters at all. It must match the page's whole URL, so {@code /account} is not met by
 * {@code /login?next=/account}; the query string is left out of the comparison unless the pattern
 * has one ({@code /account} is met by {@code /account?welcome=1}), and so is the fragment.
 */
public record UrlPattern(String written) {
    public UrlPattern {
        Objects.requireNonNull(written, "written");
    }

    /** Whether the page at {@code url} is where this pattern waits for, on the suite's {@code target}. */
    public boolean matches(URI target, String url) {
        String resolved = Targets.resolve(target, written).toString();
        String candidate = stripFragment(url);
        if (!written.contains("?")) {
            int q = candidate.indexOf('?');
            candidate = q < 0 ? candidate : candidate.substring(0, q);
        }
        return regex(resolved).matcher(candidate).matches();
    }

    private static String stripFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    private static Pattern regex(String glob) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                out.append(".*");
                i++;
            } else if (c == '*') {
                out.append("[^/]*");
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(out.toString());
    }
}
