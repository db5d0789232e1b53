package dev.gate.history;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code gate history} shows: a suite's last deploys, oldest first, and the endpoints they
 * measured, optionally narrowed to one.
 *
 * @param database where it was read, as lines name it
 */
public record HistoryView(String suite, String database, List<Deploy> deploys, Optional<String> endpoint) {
    public HistoryView {
        deploys = List.copyOf(deploys);
    }

    /** The endpoints measured in any of the deploys, in first-seen order (or just the one asked for). */
    public List<String> endpoints() {
        if (endpoint.isPresent()) {
            return List.of(endpoint.get());
        }
        Set<String> ids = new LinkedHashSet<>();
        deploys.forEach(d -> ids.addAll(d.endpoints().keySet().stream().sorted().toList()));
        return new ArrayList<>(ids);
    }

    /** The key pages measured in any of the deploys. */
    public List<String> pages() {
        Set<String> ids = new LinkedHashSet<>();
        deploys.forEach(d -> ids.addAll(d.pages().keySet().stream().sorted().toList()));
        return new ArrayList<>(ids);
    }

    /** The endpoint whose median is highest in this deploy, or the one asked for. */
    public Optional<EndpointStats> shown(Deploy d) {
        if (endpoint.isPresent()) {
            return Optional.ofNullable(d.endpoints().get(endpoint.get()));
        }
        return d.endpoints().values().stream().max(java.util.Comparator.comparingDouble(EndpointStats::medianMs));
    }
}
