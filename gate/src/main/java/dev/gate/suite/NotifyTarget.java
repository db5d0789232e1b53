package dev.gate.suite;

import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of a suite's {@code notify:} list: where a message goes, in which shape, and on which
 * events. The URL and the header values are secrets (a Slack webhook's path is its token), so
 * {@link #display} is the only form of the URL a message may show.
 *
 * @param headers sent with every message, such as {@code Authorization} for an annotations API
 */
public record NotifyTarget(Kind kind, URI url, Set<NotifyEvent> on, Map<String, String> headers) {

    /** The shape of the message, named by the entry's key. */
    public enum Kind {
        /** Slack's incoming webhook with Block Kit; Mattermost and Rocket.Chat accept the same. */
        SLACK(EnumSet.of(NotifyEvent.BLOCK, NotifyEvent.ROLLBACK_FAILED)),
        /** A generic JSON summary of the run record. */
        WEBHOOK(EnumSet.of(NotifyEvent.BLOCK, NotifyEvent.ROLLBACK_FAILED)),
        /** A deploy marker for dashboards and APMs, in the shape of Grafana's annotations API. */
        ANNOTATE(EnumSet.of(NotifyEvent.LIVE));

        private final Set<NotifyEvent> defaults;

        Kind(Set<NotifyEvent> defaults) {
            this.defaults = defaults;
        }

        /** The events an entry of this kind is sent on when it has no {@code on:}. */
        public Set<NotifyEvent> defaults() {
            return EnumSet.copyOf(defaults);
        }

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public NotifyTarget {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(url);
        on = on.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(on));
        headers = Map.copyOf(headers);
    }

    public boolean sendsOn(NotifyEvent event) {
        return on.contains(event);
    }

    /** The entry as messages name it: its kind and host, never the path or query that carry the token. */
    public String display() {
        return kind.key() + " " + url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort())
                + "/" + dev.gate.checks.Redactor.MASK;
    }
}
