package dev.gate.checks.page;

import com.microsoft.playwright.impl.driver.jar.DriverJar;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The Playwright driver (Node and its package, about 130 MB) unpacked once per Playwright version
 * into the user's cache folder and reused, instead of being copied out of the jar into a new
 * temporary folder by every run, which cost 1–2 s of each verify before the browser could start.
 * A folder is complete or absent: it is unpacked under a temporary name and renamed into place, so
 * a run that was killed while unpacking, or two runs unpacking at once, never leave a half driver
 * that a later run would use. Where no cache folder can be written, Playwright unpacks its own copy
 * as before.
 */
final class DriverCache {
    /** Playwright's own switch: a folder holding {@code node} and {@code package/cli.js} to run as the driver. */
    static final String DRIVER_DIR_PROPERTY = "playwright.cli.dir";
    private static final String VERSION_RESOURCE = "/META-INF/maven/com.microsoft.playwright/driver-bundle/pom.properties";
    /** Written last, so a folder holding it was unpacked whole. */
    private static final String COMPLETE = ".complete";
    private static final String COMPILE_CACHE = "node-compile-cache";

    /** The folder {@link #use} pointed Playwright at, so that {@link #stepAside} undoes only that. */
    private static volatile String pointedAt;

    private DriverCache() {
    }

    /**
     * Points Playwright at the cached driver, unpacking it first when this version is not cached
     * yet, and returns its folder; leaves Playwright to its own temporary copy when the cache cannot be used.
     */
    static Optional<Path> use(Map<String, String> env) {
        String set = System.getProperty(DRIVER_DIR_PROPERTY);
        if (set != null && set.equals(pointedAt)) {
            // a later session of the same JVM runs the same cached driver
            return Optional.of(Path.of(set));
        }
        if (set != null || env.containsKey("PLAYWRIGHT_DRIVER_DIR")) {
            return Optional.empty();
        }
        Optional<Path> folder = unpacked(env);
        folder.ifPresent(f -> {
            System.setProperty(DRIVER_DIR_PROPERTY, f.toString());
            pointedAt = f.toString();
        });
        return folder;
    }

    /**
     * Where Node keeps the compiled code of the driver in {@code folder}: its 3 MB bundle then
     * loads in ~0.20 s instead of ~0.25 s of every start. A cache Node cannot write it does without.
     */
    static Path compileCache(Path folder) {
        return folder.resolve(COMPILE_CACHE);
    }

    /**
     * Leaves the driver to Playwright's own copy from the jar, for a session that needs Playwright to
     * download its browser: a driver run from a folder never installs one. Only a setting this class
     * made is undone; a user's own {@code playwright.cli.dir} stays.
     */
    static synchronized void stepAside() {
        if (pointedAt != null && pointedAt.equals(System.getProperty(DRIVER_DIR_PROPERTY))) {
            System.clearProperty(DRIVER_DIR_PROPERTY);
        }
        pointedAt = null;
    }

    /** The cached driver's folder, unpacked now when this version is not cached yet; empty when it cannot be. */
    static Optional<Path> unpacked(Map<String, String> env) {
        Optional<String> version = version();
        Optional<Path> root = root(env);
        if (version.isEmpty() || root.isEmpty()) {
            return Optional.empty();
        }
        Path folder = root.get().resolve("playwright-driver-" + version.get() + "-" + System.getProperty("os.arch"));
        try {
            if (!Files.exists(folder.resolve(COMPLETE))) {
                unpack(folder);
            }
            return Optional.of(folder);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // a full disk or a read-only home: Playwright unpacks its own temporary copy, as without a cache
            return Optional.empty();
        }
    }

    private static void unpack(Path folder) throws IOException, URISyntaxException {
        Files.createDirectories(folder.getParent());
        Path partial = Files.createTempDirectory(folder.getParent(), ".unpacking-");
        try {
            DriverJar.installDriverTo(partial);
            Files.createFile(partial.resolve(COMPLETE));
            try {
                Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // another run unpacked it meanwhile; it is complete, since it was renamed into place
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot rename the unpacked driver into place", e);
            }
            if (!Files.exists(folder.resolve(COMPLETE))) {
                throw new IOException("the cached driver at " + folder + " is incomplete");
            }
        } finally {
            deleteTree(partial);
        }
    }

    /** The Playwright version on the class path, from its Maven metadata; empty when it is not there. */
    private static Optional<String> version() {
        try (InputStream in = DriverJar.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties p = new Properties();
            p.load(in);
            return Optional.ofNullable(p.getProperty("version")).filter(v -> v.matches("[0-9A-Za-z.\\-]+"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** $XDG_CACHE_HOME/gate, or ~/.cache/gate. */
    private static Optional<Path> root(Map<String, String> env) {
        String xdg = env.getOrDefault("XDG_CACHE_HOME", "");
        if (!xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Optional.of(Path.of(xdg, "gate"));
        }
        String home = System.getProperty("user.home", "");
        return home.isBlank() || home.equals("?") ? Optional.empty() : Optional.of(Path.of(home, ".cache", "gate"));
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a leftover in the cache folder is only disk space
                }
            });
        } catch (IOException e) {
            // as above
        }
    }
}
