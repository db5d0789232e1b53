package dev.gate.checks.assets;

/** The kinds of build manifest the gate reads, told apart by their shape. */
public enum ManifestFormat {
    /** Vite's {@code .vite/manifest.json}: chunks keyed by source, with {@code file}, {@code css}, {@code dynamicImports}. */
    VITE("Vite manifest"),
    /** Create React App's and webpack's {@code asset-manifest.json}: a {@code files} map and {@code entrypoints}. */
    WEBPACK("webpack asset manifest"),
    /** A JSON list of paths. */
    LIST("list of paths");

    private final String label;

    ManifestFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
