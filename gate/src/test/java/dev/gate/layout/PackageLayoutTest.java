package dev.gate.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages form layers, as the README's "How gate is built" draws them: no package reaches,
 * directly or through others, a package that reaches it back. Read from the sources of both modules:
 * every {@code dev.gate.x.Type} named in a file, imported or written out in full.
 */
class PackageLayoutTest {
    private static final Pattern PACKAGE = Pattern.compile("^package (dev\\.gate[\\w.]*);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.gate(?:\\.[a-z]\\w*)+)\\.[A-Z]");

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> uses = uses(List.of(Path.of("src/main/java"), Path.of("../checks/src/main/java")));

        assertThat(uses).containsKeys("dev.gate.run", "dev.gate.checks", "dev.gate.cli");
        List<String> cycles = new ArrayList<>();
        for (String from : uses.keySet()) {
            for (String to : uses.get(from)) {
                if (reaches(uses, to, from, new LinkedHashSet<>())) {
                    cycles.add(from + " -> " + to + " -> ... -> " + from);
                }
            }
        }
        assertThat(cycles).isEmpty();
    }

    @Test
    void theRunnerKnowsNothingOfActionsReportsOrTheCommandLine() throws IOException {
        Map<String, Set<String>> uses = uses(List.of(Path.of("src/main/java"), Path.of("../checks/src/main/java")));

        assertThat(uses.get("dev.gate.run")).doesNotContain("dev.gate.act", "dev.gate.report", "dev.gate.cli",
                "dev.gate.flow", "dev.gate.baseline");
        assertThat(uses.get("dev.gate.report")).doesNotContain("dev.gate.act", "dev.gate.cli", "dev.gate.flow");
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String target, Set<String> seen) {
        if (from.equals(target)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        for (String next : uses.getOrDefault(from, Set.of())) {
            if (reaches(uses, next, target, seen)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Set<String>> uses(List<Path> roots) throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(file);
                    Matcher p = PACKAGE.matcher(text);
                    if (!p.find()) {
                        continue;
                    }
                    String pkg = p.group(1);
                    Set<String> used = uses.computeIfAbsent(pkg, k -> new LinkedHashSet<>());
                    Matcher r = REFERENCE.matcher(text.substring(p.end()));
                    while (r.find()) {
                        if (!r.group(1).equals(pkg)) {
                            used.add(r.group(1));
                        }
                    }
                }
            }
        }
        return uses;
    }
}
