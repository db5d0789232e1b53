package dev.gate.checks.page;

import java.util.Objects;

/**
 * What one script or stylesheet of a page cost to transfer.
 *
 * @param path  the asset's path for a same-origin asset, origin and path for another; never its
 *              query string, which may carry a token
 * @param bytes transferred bytes (compressed, with headers), as the browser's resource timing says
 */
public record AssetWeight(String path, WeighedType type, long bytes) {
    public AssetWeight {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
    }

    /** As a report's metrics table shows it. */
    @Override
    public String toString() {
        return path + " (" + type.label() + ", " + PageWeightJudge.size(bytes) + ")";
    }
}
