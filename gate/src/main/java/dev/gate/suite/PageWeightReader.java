package dev.gate.suite;

import dev.gate.checks.Severity;
import dev.gate.checks.page.PageWeightSpec;

/**
 * Reads {@code page_weight:}: {@code off}, a severity ({@code warn}, {@code block}), or
 * {@code { check: warn, max_growth: 25%, min_delta: 5KB }}.
 */
final class PageWeightReader {
    private PageWeightReader() {
    }

    static PageWeightSpec read(SuiteNode node) {
        PageWeightSpec d = PageWeightSpec.DEFAULT;
        if (!node.isMap()) {
            if (node.text().filter(t -> t.equals("off") || t.equals("false")).isPresent()) {
                return new PageWeightSpec(Severity.IGNORE, d.maxGrowth(), d.minDelta());
            }
            return node.oneOf(Severity.class).map(s -> new PageWeightSpec(s, d.maxGrowth(), d.minDelta())).orElse(d);
        }
        Severity check = node.get("check").flatMap(n -> n.oneOf(Severity.class)).orElse(d.check());
        double maxGrowth = node.get("max_growth").flatMap(n -> n.proportion(false)).orElse(d.maxGrowth());
        long minDelta = node.get("min_delta").flatMap(SuiteNode::size).orElse(d.minDelta());
        node.rejectUnknownKeys();
        return new PageWeightSpec(check, maxGrowth, minDelta);
    }
}
