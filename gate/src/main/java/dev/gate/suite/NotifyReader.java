package dev.gate.suite;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code notify:}: a list of entries, each naming one kind ({@code slack}, {@code webhook} or
 * {@code annotate}) with its URL, and optionally {@code on:} (the events) and {@code headers:}.
 */
final class NotifyReader {
    /** The entries, and the values never to show: every URL (its path may be the token) and header value. */
    record Section(List<NotifyTarget> targets, Set<String> secrets) {
        static final Section NONE = new Section(List.of(), Set.of());
    }

    private NotifyReader() {
    }

    static Section read(SuiteNode list) {
        List<NotifyTarget> targets = new ArrayList<>();
        Set<String> secrets = new LinkedHashSet<>();
        for (SuiteNode item : list.items(false)) {
            if (item.expectMap()) {
                entry(item, secrets).ifPresent(targets::add);
            }
        }
        return new Section(targets, secrets);
    }

    private static Optional<NotifyTarget> entry(SuiteNode item, Set<String> secrets) {
        List<NotifyTarget.Kind> named = new ArrayList<>();
        Optional<URI> url = Optional.empty();
        for (NotifyTarget.Kind kind : NotifyTarget.Kind.values()) {
            Optional<SuiteNode> value = item.get(kind.key());
            if (value.isPresent()) {
                named.add(kind);
                Optional<String> text = value.get().text();
                text.ifPresent(secrets::add);
                url = text.flatMap(t -> url(value.get(), t));
                if (kind == NotifyTarget.Kind.SLACK) {
                    // a Slack webhook's path is its token, and an error page may quote the path alone
                    url.map(URI::getRawPath).filter(p -> p.length() > 1).ifPresent(secrets::add);
                }
            }
        }
        Set<NotifyEvent> on = EnumSet.noneOf(NotifyEvent.class);
        Optional<SuiteNode> events = item.get("on");
        events.ifPresent(e -> {
            List<SuiteNode> words = e.items(true);
            words.forEach(n -> n.oneOf(NotifyEvent.class).ifPresent(on::add));
            if (words.isEmpty()) {
                e.problem("lists no event: name at least one of live, pass, warn, block, rollback-failed, or leave \"on\" out");
            }
        });
        Map<String, String> headers = new LinkedHashMap<>();
        item.get("headers").ifPresent(h -> h.entries().forEach((name, v) -> v.text().ifPresent(t -> {
            headers.put(name, t);
            secrets.add(t);
        })));
        item.rejectUnknownKeys();
        if (named.size() != 1) {
            item.problem("name one kind of notification, not " + named.size() + ": slack, webhook or annotate, each with its URL");
            return Optional.empty();
        }
        if (events.isPresent() && on.isEmpty()) {
            return Optional.empty();
        }
        NotifyTarget.Kind kind = named.get(0);
        return url.map(u -> new NotifyTarget(kind, u, events.isPresent() ? on : kind.defaults(), headers));
    }

    /** An http:// or https:// URL with a host; its text is never quoted, as it may be the token. */
    private static Optional<URI> url(SuiteNode node, String text) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                node.problem("expected an http:// or https:// URL");
                return Optional.empty();
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                node.problem("the URL has no host name");
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            node.problem("not a URL: " + e.getReason());
            return Optional.empty();
        }
    }
}
