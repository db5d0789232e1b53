package dev.gate.checks.page;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a page's code weighed: transferred bytes per {@link WeighedType}, and the assets they came
 * from, so a warning can name the ones that grew.
 */
public record PageWeight(Map<WeighedType, Long> totals, List<AssetWeight> assets) {
    public static final PageWeight UNKNOWN = new PageWeight(Map.of(), List.of());

    public PageWeight {
        totals = totals.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(totals));
        assets = List.copyOf(assets);
    }

    /**
     * The weight the browser measured: totals from the page's metrics, and its assets. Metrics
     * without the page's {@code bytes} were never measured (the page did not load): unknown, not zero.
     */
    public static PageWeight of(Map<String, ? extends Number> metrics, List<AssetWeight> assets) {
        if (!metrics.containsKey(PageMetrics.BYTES)) {
            return UNKNOWN;
        }
        Map<WeighedType, Long> totals = new EnumMap<>(WeighedType.class);
        for (WeighedType t : WeighedType.values()) {
            Number n = metrics.get(t.bytesMetric());
            // a page that loaded none of a type has no metric for it: it weighed nothing
            totals.put(t, n == null ? 0L : Math.round(n.doubleValue()));
        }
        return new PageWeight(totals, assets);
    }

    /** This type's transferred bytes, when the page was measured at all. */
    public Optional<Long> total(WeighedType type) {
        return Optional.ofNullable(totals.get(type));
    }

    public List<AssetWeight> assets(WeighedType type) {
        return assets.stream().filter(a -> a.type() == type).toList();
    }
}
