package dev.gate.suite;

import dev.gate.checks.Severity;
import dev.gate.checks.page.PageSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code pages:}, the key pages rendered in a browser. */
final class PagesReader {
    private PagesReader() {
    }

    /** @param hasLogin whether the suite has a {@code login:}, which {@code auth: true} needs */
    static List<PageSpec> read(SuiteNode list, Ids ids, RetryCounts retries, boolean hasLogin) {
        List<PageSpec> pages = new ArrayList<>();
        for (SuiteNode entry : list.items(false)) {
            if (!entry.expectMap()) {
                continue;
            }
            String id = ids.claim(entry);
            retries.read(entry, id);
            String path = entry.get("path").flatMap(PagesReader::path).orElse("/");
            if (!entry.has("path")) {
                entry.problem("missing \"path\", such as \"/\" or \"/p/42\"");
            }
            int status = 200;
            List<String> selectors = List.of();
            List<String> texts = List.of();
            Optional<Pattern> title = Optional.empty();
            Optional<SuiteNode> expect = entry.get("expect");
            if (expect.isPresent() && expect.get().expectMap()) {
                SuiteNode e = expect.get();
                status = e.get("status").flatMap(n -> n.integer(100, 599)).orElse(200);
                selectors = e.get("selectors").map(SuiteNode::strings).orElse(List.of());
                texts = e.get("text").map(SuiteNode::strings).orElse(List.of());
                title = e.get("title").flatMap(SuiteNode::regex);
                e.rejectUnknownKeys();
            }
            Severity console = severity(entry, "console_errors", Severity.BLOCK);
            Severity sameOrigin = severity(entry, "same_origin_failures", Severity.BLOCK);
            Severity thirdParty = severity(entry, "third_party_failures", Severity.WARN);
            Optional<SuiteNode> authNode = entry.get("auth");
            boolean auth = authNode.flatMap(SuiteNode::bool).orElse(false);
            if (auth && !hasLogin) {
                authNode.get().problem("auth: true renders the page with the session of the suite's login, "
                        + "and the suite has none: add a \"login:\" with the steps that sign in");
            }
            entry.rejectUnknownKeys();
            pages.add(new PageSpec(id, path, status, selectors, texts, title, console, sameOrigin, thirdParty, auth));
        }
        return pages;
    }

    private static Severity severity(SuiteNode entry, String key, Severity fallback) {
        return entry.get(key).flatMap(n -> n.oneOf(Severity.class)).orElse(fallback);
    }

    /** A path on the target ({@code /p/42}) or an absolute http(s) URL. */
    static Optional<String> path(SuiteNode node) {
        return node.text().flatMap(t -> {
            String p = t.trim();
            if (p.startsWith("/") || p.startsWith("http://") || p.startsWith("https://")) {
                if (p.chars().anyMatch(c -> c <= ' ')) {
                    node.problem("\"" + p + "\" contains a space or control character; encode it as %20");
                    return Optional.empty();
                }
                try {
                    java.net.URI.create(p);
                } catch (IllegalArgumentException ex) {
                    node.problem("\"" + p + "\" is not a valid path: " + ex.getMessage());
                    return Optional.empty();
                }
                return Optional.of(p);
            }
            node.problem("\"" + p + "\" must start with / (a path on the target) or be an http(s) URL");
            return Optional.empty();
        });
    }
}
