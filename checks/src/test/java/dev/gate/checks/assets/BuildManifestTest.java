package dev.gate.checks.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BuildManifestTest {
    private static BuildManifest parse(String json) throws ManifestException {
        return BuildManifest.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** As Vite 8 writes it for an entry, two lazy routes and a chunk the routes share. */
    @Test
    void viteChunksReachedOnlyThroughDynamicImportsAreLazy() throws Exception {
        BuildManifest m = parse("""
                {
                  "_shared-B2x9.js": { "file": "assets/shared-B2x9.js", "name": "shared" },
                  "index.html": { "file": "assets/index-XwBGlkQt.js", "name": "index", "src": "index.html", "isEntry": true,
                    "imports": ["_vendor-Q1.js"], "dynamicImports": ["src/Checkout.js", "src/Account.js"],
                    "css": ["assets/index-W1erjkBN.css"], "assets": ["assets/logo-9f.svg"] },
                  "_vendor-Q1.js": { "file": "assets/vendor-Q1.js" },
                  "src/Account.js": { "file": "assets/Account-DJzW8BD8.js", "src": "src/Account.js", "isDynamicEntry": true,
                    "imports": ["_shared-B2x9.js"] },
                  "src/Checkout.js": { "file": "assets/Checkout-C8u5RZKT.js", "src": "src/Checkout.js", "isDynamicEntry": true,
                    "imports": ["_shared-B2x9.js", "_vendor-Q1.js"], "css": ["assets/Checkout-l6SRs0o5.css"],
                    "assets": ["assets/logo-9f.svg"] }
                }
                """);

        assertThat(m.format()).isEqualTo(ManifestFormat.VITE);
        assertThat(m.paths()).containsExactly(
                new BuildManifest.Path("assets/index-XwBGlkQt.js", false),
                new BuildManifest.Path("assets/index-W1erjkBN.css", false),
                new BuildManifest.Path("assets/logo-9f.svg", false),
                new BuildManifest.Path("assets/vendor-Q1.js", false),
                new BuildManifest.Path("assets/shared-B2x9.js", true),
                new BuildManifest.Path("assets/Account-DJzW8BD8.js", true),
                new BuildManifest.Path("assets/Checkout-C8u5RZKT.js", true),
                new BuildManifest.Path("assets/Checkout-l6SRs0o5.css", true));
    }

    /** As Create React App 5 writes asset-manifest.json: a public path before each file, entry points without it. */
    @Test
    void createReactAppScriptsThatAreNoEntryPointAreLazyChunksAndMapsAndHtmlAreLeftOut() throws Exception {
        BuildManifest m = parse("""
                {
                  "files": {
                    "main.css": "/shop/static/css/main.073c9b0a.css",
                    "main.js": "/shop/static/js/main.a3b1c2d4.js",
                    "static/js/787.cda612ba.chunk.js": "/shop/static/js/787.cda612ba.chunk.js",
                    "static/css/453.2f1e.chunk.css": "/shop/static/css/453.2f1e.chunk.css",
                    "static/media/logo.6ce24c58023cc2f8fd88fe9d219db6c6.svg": "/shop/static/media/logo.6ce24c58023cc2f8fd88fe9d219db6c6.svg",
                    "index.html": "/shop/index.html",
                    "main.073c9b0a.css.map": "/shop/static/css/main.073c9b0a.css.map",
                    "787.cda612ba.chunk.js.map": "/shop/static/js/787.cda612ba.chunk.js.map"
                  },
                  "entrypoints": ["static/css/main.073c9b0a.css", "static/js/main.a3b1c2d4.js"]
                }
                """);

        assertThat(m.format()).isEqualTo(ManifestFormat.WEBPACK);
        assertThat(m.paths()).containsExactly(
                new BuildManifest.Path("/shop/static/css/main.073c9b0a.css", false),
                new BuildManifest.Path("/shop/static/js/main.a3b1c2d4.js", false),
                new BuildManifest.Path("/shop/static/js/787.cda612ba.chunk.js", true),
                new BuildManifest.Path("/shop/static/css/453.2f1e.chunk.css", false),
                new BuildManifest.Path("/shop/static/media/logo.6ce24c58023cc2f8fd88fe9d219db6c6.svg", false));
    }

    /** webpack-assets-manifest's form: entry points keyed by name, their files by type. */
    @Test
    void webpackEntrypointsGroupedByNameAndTypeAreReadToo() throws Exception {
        BuildManifest m = parse("""
                { "files": { "app.js": "/dist/app.1f.js", "src_Cart_js.js": "/dist/src_Cart_js.77.js" },
                  "entrypoints": { "app": { "assets": { "js": ["dist/app.1f.js"] } } } }
                """);

        assertThat(m.paths()).containsExactly(new BuildManifest.Path("/dist/app.1f.js", false),
                new BuildManifest.Path("/dist/src_Cart_js.77.js", true));
    }

    @Test
    void aFlatMapWithoutEntryPointsKnowsNothingLazy() throws Exception {
        BuildManifest m = parse("{ \"main.js\": \"/main.1f.js\", \"vendor.js\": \"/vendor.2e.js\" }");

        assertThat(m.format()).isEqualTo(ManifestFormat.WEBPACK);
        assertThat(m.paths()).extracting(BuildManifest.Path::lazy).containsOnly(false);
        assertThat(m.paths()).hasSize(2);
    }

    @Test
    void aPlainListIsEveryPathOnceNoneKnownLazy() throws Exception {
        BuildManifest m = parse("[\"/assets/a.js\", \"./assets/b.css\", \"/assets/a.js\", \"/assets/a.js.map\"]");

        assertThat(m.format()).isEqualTo(ManifestFormat.LIST);
        assertThat(m.paths()).containsExactly(new BuildManifest.Path("/assets/a.js", false),
                new BuildManifest.Path("assets/b.css", false));
    }

    @Test
    void anythingElseIsRefusedSayingWhatIsRead() {
        assertThatThrownBy(() -> parse("{\"version\": 3}")).isInstanceOf(ManifestException.class)
                .hasMessage("not a build manifest this gate reads: expected Vite's manifest.json (chunks with \"file\"), "
                        + "an asset-manifest.json (\"files\" and \"entrypoints\") or a JSON list of paths");
        assertThatThrownBy(() -> parse("[\"/a.js\", 3]")).hasMessage("a list of paths holds number 3: expected strings");
        assertThatThrownBy(() -> parse("<html>")).hasMessage("not JSON (at line 1)");
    }
}
