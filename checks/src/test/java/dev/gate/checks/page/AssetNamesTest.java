package dev.gate.checks.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AssetNamesTest {
    @Test
    void bundlerHashesAreLeftOut() {
        assertThat(AssetNames.stable("/assets/index-BzK3x_9a.js")).as("Vite").isEqualTo("/assets/index-*.js");
        assertThat(AssetNames.stable("/assets/Checkout-CkQpxYzW.css")).as("Vite, no digit").isEqualTo("/assets/Checkout-*.css");
        assertThat(AssetNames.stable("/static/js/main.4f2a3b1c.chunk.js")).as("webpack").isEqualTo("/static/js/main.*.chunk.js");
        assertThat(AssetNames.stable("/static/js/787.a1b2c3d4.chunk.js")).isEqualTo("/static/js/787.*.chunk.js");
        assertThat(AssetNames.stable("/assets/index-a-B3_x9Q.js")).as("Rollup's alphabet has '-'").isEqualTo("/assets/index-*.js");
        assertThat(AssetNames.stable("/assets/my-comp-BzK3x_9a.js")).isEqualTo("/assets/my-comp-*.js");
    }

    @Test
    void wordsAndTheFolderStay() {
        assertThat(AssetNames.stable("/assets/vendor-lodash.js")).isEqualTo("/assets/vendor-lodash.js");
        assertThat(AssetNames.stable("/js/app.js")).isEqualTo("/js/app.js");
        assertThat(AssetNames.stable("/js/app-settings.js")).isEqualTo("/js/app-settings.js");
        assertThat(AssetNames.stable("/build-4f2a3b1c/app-v2.js")).as("a hash in a folder is another release's folder")
                .isEqualTo("/build-4f2a3b1c/app-v2.js");
        assertThat(AssetNames.stable("https://cdn.example.com/lib/jquery-3.7.1.min.js"))
                .isEqualTo("https://cdn.example.com/lib/jquery-3.7.1.min.js");
    }
}
