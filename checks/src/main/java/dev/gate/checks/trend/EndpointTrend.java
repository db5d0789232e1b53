package dev.gate.checks.trend;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per latency endpoint, its medians in the deploys that passed, oldest first, as the history gave
 * them before this run; or why there is no history to compare with.
 *
 * @param unavailable why the history could not be read; the trip-wire then judges nothing
 */
public record EndpointTrend(Map<String, List<DeployPoint>> points, Optional<String> unavailable) {
    public static final EndpointTrend NONE = new EndpointTrend(Map.of(), Optional.empty());

    public EndpointTrend {
        points = Map.copyOf(points);
    }

    public static EndpointTrend unavailable(String why) {
        return new EndpointTrend(Map.of(), Optional.of(why));
    }

    public List<DeployPoint> of(String endpointId) {
        return points.getOrDefault(endpointId, List.of());
    }
}
