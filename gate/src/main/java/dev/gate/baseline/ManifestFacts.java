package dev.gate.baseline;

import dev.gate.checks.assets.ManifestFormat;
import dev.gate.checks.assets.ReleaseAsset;
import java.util.List;
import java.util.Optional;

/**
 * The live release's build manifest as the baseline read it: every asset it listed, each marked
 * lazy or loaded by the key pages, or why it could not be read.
 *
 * @param url     where it was fetched
 * @param listed  how many assets it listed; {@code assets} keeps at most a bounded number of them
 * @param problem why it could not be read; then there are no assets
 */
public record ManifestFacts(String url, Optional<ManifestFormat> format, int listed, List<ReleaseAsset> assets,
                            Optional<String> problem) {
    public ManifestFacts {
        format = format == null ? Optional.empty() : format;
        assets = assets == null ? List.of() : List.copyOf(assets);
        problem = problem == null ? Optional.empty() : problem;
    }

    static ManifestFacts unreadable(String url, String problem) {
        return new ManifestFacts(url, Optional.empty(), 0, List.of(), Optional.of(problem));
    }
}
