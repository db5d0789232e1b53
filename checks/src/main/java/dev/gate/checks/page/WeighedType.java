package dev.gate.checks.page;

/**
 * The resource types whose growth a release is warned about: the code a browser must download,
 * parse and run before the page works. Images and fonts grow with content, not with code.
 */
public enum WeighedType {
    SCRIPT("script", "JavaScript"),
    STYLESHEET("stylesheet", "CSS");

    private final String metricPrefix;
    private final String label;

    WeighedType(String metricPrefix, String label) {
        this.metricPrefix = metricPrefix;
        this.label = label;
    }

    /** The page metric that holds this type's transferred bytes. */
    public String bytesMetric() {
        return metricPrefix + "_bytes";
    }

    /** The name a person reads in a result line. */
    public String label() {
        return label;
    }

    /** The type the browser-side metrics script names {@code name}, if it is one of these. */
    static java.util.Optional<WeighedType> ofMetricPrefix(String name) {
        for (WeighedType t : values()) {
            if (t.metricPrefix.equals(name)) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }
}
