package dev.gate.checks.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureSwitchesTest {
    @TempDir
    Path cache;

    @Test
    void theSwitchesKeepEveryFeatureTheDriverItselfTurnsOffOrOn() throws Exception {
        Path driver = DriverCache.unpacked(Map.of("XDG_CACHE_HOME", cache.toString())).orElseThrow();
        String bundle = Files.readString(driver.resolve("package/lib/coreBundle.js"));
        Matcher list = Pattern.compile("disabledFeatures = \\[(.*?)\\]", Pattern.DOTALL).matcher(bundle);
        assertThat(list.find()).as("the driver's list of disabled features").isTrue();
        List<String> driversOwn = Pattern.compile("^\\s*\"([A-Za-z0-9_]+)\"", Pattern.MULTILINE).matcher(list.group(1))
                .results().map(m -> m.group(1)).toList();

        // ours replaces the driver's switch, so a feature the driver adds and this list lacks would come back on
        assertThat(driversOwn).isNotEmpty();
        assertThat(FeatureSwitches.PLAYWRIGHT_DISABLED).containsExactlyInAnyOrderElementsOf(driversOwn);
        List<String> enabledByDriver = Pattern.compile("\"--enable-features=([A-Za-z0-9_,]+)\"").matcher(bundle).results()
                .flatMap(m -> List.of(m.group(1).split(",")).stream()).toList();
        assertThat(enabledByDriver).isNotEmpty();
        assertThat(FeatureSwitches.PLAYWRIGHT_ENABLED).containsExactlyInAnyOrderElementsOf(enabledByDriver);

        List<String> args = FeatureSwitches.launchArgs(Map.of());
        assertThat(args).hasSize(2);
        assertThat(args.get(0)).startsWith("--disable-features=")
                .contains("WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "SpareRendererForSitePerProcess");
        assertThat(args.get(1)).startsWith("--enable-features=").contains("CDPScreenshotNewSurface", "NetworkServiceInProcess2");
        // the user's way back to Playwright's old screenshots must not be undone by ours
        assertThat(FeatureSwitches.launchArgs(Map.of("PLAYWRIGHT_LEGACY_SCREENSHOT", "1")).get(1))
                .doesNotContain("CDPScreenshotNewSurface").contains("NetworkServiceInProcess2");
    }
}
