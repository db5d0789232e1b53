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

class DisabledFeaturesTest {
    @TempDir
    Path cache;

    @Test
    void theSwitchKeepsEveryFeatureTheDriverItselfDisables() throws Exception {
        Path driver = DriverCache.unpacked(Map.of("XDG_CACHE_HOME", cache.toString())).orElseThrow();
        String bundle = Files.readString(driver.resolve("package/lib/coreBundle.js"));
        Matcher list = Pattern.compile("disabledFeatures = \\[(.*?)\\]", Pattern.DOTALL).matcher(bundle);
        assertThat(list.find()).as("the driver's list of disabled features").isTrue();
        List<String> driversOwn = Pattern.compile("^\\s*\"([A-Za-z]+)\"", Pattern.MULTILINE).matcher(list.group(1))
                .results().map(m -> m.group(1)).toList();

        // ours replaces the driver's switch, so a feature the driver adds and this list lacks would come back on
        assertThat(driversOwn).isNotEmpty();
        assertThat(DisabledFeatures.PLAYWRIGHT).containsExactlyInAnyOrderElementsOf(driversOwn);
        assertThat(DisabledFeatures.launchArg()).startsWith("--disable-features=")
                .contains("WebUIOmniboxPopup", "WebUIOmniboxAimPopup");
    }
}
