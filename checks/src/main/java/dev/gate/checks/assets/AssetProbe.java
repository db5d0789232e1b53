package dev.gate.checks.assets;

import dev.gate.checks.http.HttpProbe;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Asks whether one asset still answers: a HEAD, since the body is not needed, and a GET where the
 * server refuses HEAD (405, 501), as some object stores and frameworks do.
 */
public final class AssetProbe {
    private static final Map<String, String> FRESH = Map.of("Cache-Control", "no-cache");

    private final HttpProbe http;

    public AssetProbe(HttpProbe http) {
        this.http = http;
    }

    /** Empty when the asset answers 200; otherwise what it answered, such as {@code 404} or a refused connection. */
    public Optional<String> failure(URI asset) throws InterruptedException {
        try {
            int status = http.head(asset, FRESH).status();
            if (status == 405 || status == 501) {
                status = http.get(asset, FRESH).status();
            }
            return status == 200 ? Optional.empty() : Optional.of(String.valueOf(status));
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }
}
