package dev.gate.suite;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ids name checks, metrics and artifact folders, so they must be unique across pages and APIs and
 * safe as a folder name: no {@code ../} can lead a write out of the run folder.
 */
final class Ids {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    /** Ids the gate's own checks use. */
    static final Set<String> RESERVED = Set.of("commit", "login", "old-assets", "rollback", "tls");

    private final Map<String, Integer> firstLine = new HashMap<>();

    /** Reads the {@code id} of a page or API entry, reporting unsafe, reserved and repeated ids. */
    String claim(SuiteNode entry) {
        Optional<SuiteNode> node = entry.get("id");
        if (node.isEmpty()) {
            entry.problem("missing \"id\": a short name such as \"home\" or \"health\"");
            return "";
        }
        String id = node.get().text().orElse("");
        if (!SAFE.matcher(id).matches()) {
            node.get().problem("id \"" + id + "\" may hold only letters, digits, '-' and '_' "
                    + "(at most 64, starting with a letter or digit)");
            return id;
        }
        if (RESERVED.contains(id)) {
            node.get().problem("id \"" + id + "\" is reserved for the gate's own checks; choose another");
            return id;
        }
        Integer line = firstLine.putIfAbsent(id, node.get().mark().getLine() + 1);
        if (line != null) {
            node.get().problem("duplicate id \"" + id + "\" (first at line " + line + ")");
        }
        return id;
    }
}
