package dev.gate.suite;

import dev.gate.checks.Severity;
import java.util.Optional;

/**
 * The suite's {@code old_assets}: how much a deleted asset of the previous release matters, and
 * where that release's build manifest is, so its lazy chunks are checked too.
 *
 * @param manifest a path on the target or an http(s) URL
 */
public record OldAssetsSpec(Severity check, Optional<String> manifest) {
    public static final OldAssetsSpec DEFAULT = new OldAssetsSpec(Severity.WARN, Optional.empty());

    /** {@code old_assets: warn} or {@code old_assets: { check: warn, manifest: /asset-manifest.json }}. */
    static OldAssetsSpec read(SuiteNode node) {
        if (!node.isMap()) {
            return node.oneOf(Severity.class).map(s -> new OldAssetsSpec(s, Optional.empty())).orElse(DEFAULT);
        }
        Severity check = node.get("check").flatMap(n -> n.oneOf(Severity.class)).orElse(DEFAULT.check());
        Optional<String> manifest = node.get("manifest").flatMap(PagesReader::path);
        node.rejectUnknownKeys();
        return new OldAssetsSpec(check, manifest);
    }
}
