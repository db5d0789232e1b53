package dev.gate.checks.page;

import dev.gate.checks.Severity;

/**
 * The suite's {@code page_weight}: how much a key page's JavaScript or CSS may grow since the
 * baseline before it is said, and how much that matters.
 *
 * @param maxGrowth growth of a type's transferred bytes that is still fine, as a fraction (0.25 is +25%)
 * @param minDelta  bytes a type must also have grown by: a 2 KB stylesheet that gains 1 KB is not news
 */
public record PageWeightSpec(Severity check, double maxGrowth, long minDelta) {
    public static final PageWeightSpec DEFAULT = new PageWeightSpec(Severity.WARN, 0.25, 5 * 1024);

    public PageWeightSpec {
        if (!(maxGrowth > 0)) {
            throw new IllegalArgumentException("maxGrowth must be positive: " + maxGrowth);
        }
        if (minDelta < 0) {
            throw new IllegalArgumentException("minDelta must not be negative: " + minDelta);
        }
    }

    public boolean enabled() {
        return check != Severity.IGNORE;
    }
}
