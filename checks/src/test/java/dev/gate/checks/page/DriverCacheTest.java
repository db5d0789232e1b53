package dev.gate.checks.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverCacheTest {
    @TempDir
    Path cache;

    @Test
    void theDriverIsUnpackedOnceWholeAndThenReused() throws Exception {
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());

        Path folder = DriverCache.unpacked(env).orElseThrow();

        assertThat(folder.getParent()).isEqualTo(cache.resolve("gate"));
        assertThat(folder.resolve("node")).isExecutable();
        assertThat(folder.resolve("package/cli.js")).isRegularFile();
        FileTime unpackedAt = Files.getLastModifiedTime(folder.resolve("node"));
        // the second run finds it whole and copies nothing, and no half-unpacked folder is left beside it
        assertThat(DriverCache.unpacked(env)).contains(folder);
        assertThat(Files.getLastModifiedTime(folder.resolve("node"))).isEqualTo(unpackedAt);
        try (Stream<Path> beside = Files.list(cache.resolve("gate"))) {
            assertThat(beside).containsExactly(folder);
        }
    }

    @Test
    void aFolderLeftWithoutItsCompletionMarkIsNeverUsed() throws Exception {
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());
        Path folder = DriverCache.unpacked(env).orElseThrow();
        // as a run killed while unpacking by hand, or a person deleting files, would leave it
        Files.delete(folder.resolve(".complete"));
        Files.delete(folder.resolve("node"));

        Optional<Path> again = DriverCache.unpacked(env);

        assertThat(again).isEmpty();
    }

    @Test
    void aCacheFolderThatCannotBeWrittenLeavesPlaywrightToItsOwnCopy() throws Exception {
        Path file = Files.writeString(cache.resolve("not-a-folder"), "x");

        assertThat(DriverCache.unpacked(Map.of("XDG_CACHE_HOME", file.toString()))).isEmpty();
    }

    /** A session that lets Playwright download its own browser must run the driver from the jar: one run from a folder never installs one. */
    @Test
    void aManagedBrowsersSessionGetsPlaywrightsOwnDriverBackButAUsersSettingStays() {
        String before = System.getProperty(DriverCache.DRIVER_DIR_PROPERTY);
        try {
            System.clearProperty(DriverCache.DRIVER_DIR_PROPERTY);
            Optional<Path> folder = DriverCache.use(Map.of("XDG_CACHE_HOME", cache.toString()));
            assertThat(System.getProperty(DriverCache.DRIVER_DIR_PROPERTY)).startsWith(cache.resolve("gate").toString())
                    .isEqualTo(folder.orElseThrow().toString());
            // a second session of the same JVM is told the same folder, so its driver finds Node's compiled code too
            assertThat(DriverCache.use(Map.of("XDG_CACHE_HOME", cache.toString()))).isEqualTo(folder);

            DriverCache.stepAside();
            assertThat(System.getProperty(DriverCache.DRIVER_DIR_PROPERTY)).isNull();

            System.setProperty(DriverCache.DRIVER_DIR_PROPERTY, "/opt/my-driver");
            DriverCache.stepAside();
            assertThat(System.getProperty(DriverCache.DRIVER_DIR_PROPERTY)).isEqualTo("/opt/my-driver");
        } finally {
            if (before == null) {
                System.clearProperty(DriverCache.DRIVER_DIR_PROPERTY);
            } else {
                System.setProperty(DriverCache.DRIVER_DIR_PROPERTY, before);
            }
        }
    }
}
