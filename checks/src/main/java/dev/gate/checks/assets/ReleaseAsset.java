package dev.gate.checks.assets;

/**
 * One asset of the previous release that browsers holding its pages may still ask for.
 *
 * @param url    absolute URL on the site
 * @param lazy   a chunk the app loads only when the user navigates ({@code import()}): no first
 *               render asks for it, so only the build manifest knows it
 * @param loaded whether the key pages loaded it when the baseline rendered them
 */
public record ReleaseAsset(String url, boolean lazy, boolean loaded) {
    public ReleaseAsset {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("an asset needs a URL");
        }
    }

    /** An asset a key page loaded, known from the rendering alone. */
    public static ReleaseAsset loadedByPage(String url) {
        return new ReleaseAsset(url, false, true);
    }
}
