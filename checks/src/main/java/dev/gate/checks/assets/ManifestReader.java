package dev.gate.checks.assets;

import dev.gate.checks.http.HttpProbe;
import dev.gate.checks.http.ProbeResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fetches the live release's build manifest before a deploy and turns it into the assets an open
 * tab of that release may still ask for, each marked lazy or loaded by the key pages.
 */
public final class ManifestReader {
    /** A manifest larger than this is refused: a real one of thousands of chunks is a few hundred KB. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    /** The most assets a baseline keeps; the rest are counted. */
    public static final int MAX_ASSETS = 5_000;

    /**
     * @param listed how many assets the manifest listed, of which {@code assets} holds the first {@link #MAX_ASSETS}
     */
    public record Inventory(ManifestFormat format, int listed, List<ReleaseAsset> assets) {
        public Inventory {
            assets = List.copyOf(assets);
        }
    }

    private final HttpProbe http;

    public ManifestReader(HttpProbe http) {
        this.http = http;
    }

    /**
     * @param loaded the URLs the key pages loaded at the baseline
     * @throws ManifestException when the manifest does not answer 200, is too large or is no manifest
     */
    public Inventory read(URI manifest, Set<String> loaded) throws ManifestException, InterruptedException {
        ProbeResponse response;
        try {
            response = http.get(manifest, Map.of("Cache-Control", "no-cache", "Accept", "application/json"));
        } catch (IOException e) {
            throw new ManifestException(e.getMessage());
        }
        if (response.status() != 200) {
            throw new ManifestException("HTTP " + response.status());
        }
        if (response.truncated() || response.body().length > MAX_BYTES) {
            throw new ManifestException("larger than " + (MAX_BYTES / (1024 * 1024)) + " MB");
        }
        BuildManifest parsed = BuildManifest.parse(response.body());
        URI base = base(response.uri());
        List<ReleaseAsset> assets = new ArrayList<>();
        for (BuildManifest.Path p : parsed.paths()) {
            if (assets.size() == MAX_ASSETS) {
                break;
            }
            String url;
            try {
                url = base.resolve(p.path()).toString();
            } catch (IllegalArgumentException e) {
                continue; // a path that is no URL cannot be asked for by a browser either
            }
            assets.add(new ReleaseAsset(url, p.lazy(), loaded.contains(url)));
        }
        return new Inventory(parsed.format(), parsed.paths().size(), assets);
    }

    /**
     * Where relative paths in the manifest start: the manifest's folder, or for Vite's
     * {@code .vite/manifest.json} the build root above it.
     */
    static URI base(URI manifest) {
        URI folder = manifest.resolve(".");
        String path = folder.getPath();
        if (path.endsWith("/.vite/")) {
            return folder.resolve("..");
        }
        return folder;
    }
}
