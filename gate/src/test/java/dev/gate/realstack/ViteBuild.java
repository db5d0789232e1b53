package dev.gate.realstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;

/**
 * A small app with lazy routes ({@code import()}) built by the real Vite that bin/test installs into
 * {@code .tools/}, so its build manifest holds dynamic entries the way a real project's does. Each
 * release's sources differ, so each build's file names carry other hashes.
 */
public final class ViteBuild {
    public static final String VERSION = "8.3.8";
    public static final Path BINARY = Path.of("..", ".tools", "vite-" + VERSION, "node_modules", ".bin", "vite")
            .toAbsolutePath().normalize();

    private ViteBuild() {
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /**
     * Builds release {@code label} with {@code commit} in its page's meta tag into {@code dir/dist}:
     * an entry with its CSS, and two routes loaded lazily, one with CSS of its own.
     */
    public static Path build(Path dir, String label, String commit) throws IOException, InterruptedException {
        return build(dir, label, commit, "");
    }

    /**
     * The same app, its entry script carrying {@code extraMain} as well: a release that bundled a
     * heavier dependency.
     */
    public static Path build(Path dir, String label, String commit, String extraMain) throws IOException, InterruptedException {
        Map<String, String> sources = Map.of(
                "index.html", "<!doctype html><html><head><title>Shop</title><meta name=\"commit\" content=\"" + commit
                        + "\"></head><body><main id=\"main\">shop</main><script type=\"module\" src=\"/src/main.js\"></script></body></html>\n",
                "src/main.js", "import './style.css';\n"
                        + "const routes = { checkout: () => import('./Checkout.js'), account: () => import('./Account.js') };\n"
                        + "document.getElementById('main').dataset.release = '" + label + "';\n"
                        + "window.go = name => routes[name]().then(m => m.render());\n" + extraMain,
                "src/style.css", "main::after { content: '" + label + "'; }\n",
                "src/Checkout.js", "import './checkout.css';\nexport function render() { return 'checkout " + label + "'; }\n",
                "src/checkout.css", ".checkout::after { content: '" + label + "'; }\n",
                "src/Account.js", "export function render() { return 'account " + label + "'; }\n");
        for (Map.Entry<String, String> f : sources.entrySet()) {
            Path file = dir.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue());
        }
        Process p = new ProcessBuilder(BINARY.toString(), "build", "--manifest", "--logLevel", "warn", "--outDir", "dist")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("vite.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IllegalStateException("vite build did not finish in 120 s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("vite build exited " + p.exitValue() + ": " + Files.readString(dir.resolve("vite.log")));
        }
        return dir.resolve("dist");
    }

    /** Copies a built release into the folder nginx serves, over what is there: a deploy that keeps old files. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
