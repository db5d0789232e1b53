package dev.gate.checks.assets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A release's build manifest read as the files it lists, each marked lazy or not. The format is
 * told by its shape, so a suite names only where the manifest is:
 * <ul>
 * <li>Vite: an object of chunks, each with a {@code file}. A chunk the entries reach through static
 *     {@code imports} loads with the first render; every other chunk (an {@code isDynamicEntry}, a chunk
 *     shared only by dynamic ones) and its {@code css} and {@code assets} load when the user navigates.</li>
 * <li>webpack / Create React App: {@code files} (name to path) and {@code entrypoints}; a script that
 *     is no entry point is a lazy chunk. Without {@code entrypoints} (webpack-manifest-plugin's flat
 *     map) nothing is known to be lazy.</li>
 * <li>A JSON list of paths: nothing is known to be lazy.</li>
 * </ul>
 * Source maps and HTML documents are left out: they are not what an open tab asks for.
 *
 * @param paths as the manifest writes them: relative to the build's root, or absolute paths
 */
public record BuildManifest(ManifestFormat format, List<Path> paths) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One file the manifest lists. */
    public record Path(String path, boolean lazy) {
    }

    public BuildManifest {
        paths = List.copyOf(paths);
    }

    public static BuildManifest parse(byte[] json) throws ManifestException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ManifestException("not JSON (at line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new ManifestException("not JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new ManifestException("empty");
        }
        if (root.isArray()) {
            return list(root);
        }
        if (root.isObject() && root.path("files").isObject()) {
            return webpack(root.path("files"), root.path("entrypoints"));
        }
        if (root.isObject() && !root.isEmpty() && allValues(root, v -> v.isObject() && v.path("file").isTextual())) {
            return vite(root);
        }
        if (root.isObject() && !root.isEmpty() && allValues(root, JsonNode::isTextual)) {
            return webpack(root, JSON.missingNode());
        }
        throw new ManifestException("not a build manifest this gate reads: expected Vite's manifest.json (chunks with \"file\"), "
                + "an asset-manifest.json (\"files\" and \"entrypoints\") or a JSON list of paths");
    }

    private interface Test {
        boolean holds(JsonNode node);
    }

    private static boolean allValues(JsonNode object, Test test) {
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (!test.holds(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static BuildManifest list(JsonNode root) throws ManifestException {
        List<Path> paths = new ArrayList<>();
        for (JsonNode item : root) {
            if (!item.isTextual()) {
                throw new ManifestException("a list of paths holds " + item.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                        + " " + cut(item.toString()) + ": expected strings");
            }
            add(paths, item.asText(), false);
        }
        return new BuildManifest(ManifestFormat.LIST, dedupe(paths));
    }

    private static BuildManifest webpack(JsonNode files, JsonNode entrypoints) {
        Set<String> entries = new HashSet<>();
        collectStrings(entrypoints, entries);
        Set<String> entryPaths = new HashSet<>();
        entries.forEach(e -> entryPaths.add(relative(e)));
        boolean knowsEntries = !entries.isEmpty();
        List<Path> paths = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : files.properties()) {
            if (!e.getValue().isTextual()) {
                continue;
            }
            String path = e.getValue().asText();
            boolean lazy = knowsEntries && path.endsWith(".js") && !isEntry(relative(path), entryPaths);
            add(paths, path, lazy);
        }
        return new BuildManifest(ManifestFormat.WEBPACK, dedupe(paths));
    }

    /** An entry point is written relative to the build root, a file often with the public path before it. */
    private static boolean isEntry(String path, Set<String> entryPaths) {
        for (String entry : entryPaths) {
            if (path.equals(entry) || path.endsWith("/" + entry)) {
                return true;
            }
        }
        return false;
    }

    private static void collectStrings(JsonNode node, Set<String> into) {
        if (node.isTextual()) {
            into.add(node.asText());
        } else if (node.isContainerNode()) {
            node.forEach(child -> collectStrings(child, into));
        }
    }

    private static BuildManifest vite(JsonNode root) {
        Set<String> eager = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        root.properties().forEach(e -> {
            if (e.getValue().path("isEntry").asBoolean(false)) {
                todo.add(e.getKey());
            }
        });
        while (!todo.isEmpty()) {
            String key = todo.poll();
            if (eager.add(key)) {
                root.path(key).path("imports").forEach(i -> todo.add(i.asText()));
            }
        }
        List<Path> paths = new ArrayList<>();
        List<Path> lazy = new ArrayList<>();
        root.properties().forEach(e -> {
            List<Path> into = eager.contains(e.getKey()) ? paths : lazy;
            boolean isLazy = into == lazy;
            JsonNode chunk = e.getValue();
            add(into, chunk.path("file").asText(), isLazy);
            chunk.path("css").forEach(c -> add(into, c.asText(), isLazy));
            chunk.path("assets").forEach(a -> add(into, a.asText(), isLazy));
        });
        // a file that a first render loads is not lazy, even where a lazy chunk lists it too
        paths.addAll(lazy);
        return new BuildManifest(ManifestFormat.VITE, dedupe(paths));
    }

    private static void add(List<Path> paths, String path, boolean lazy) {
        String bare = path.replaceFirst("[?#].*$", "");
        if (path.isBlank() || bare.endsWith(".map") || bare.endsWith(".html") || bare.endsWith(".htm")) {
            return;
        }
        paths.add(new Path(path.startsWith("./") ? path.substring(2) : path, lazy));
    }

    private static List<Path> dedupe(List<Path> paths) {
        Map<String, Path> first = new LinkedHashMap<>();
        paths.forEach(p -> first.putIfAbsent(p.path(), p));
        return List.copyOf(first.values());
    }

    private static String relative(String path) {
        String p = path.startsWith("./") ? path.substring(2) : path;
        return p.startsWith("/") ? p.substring(1) : p;
    }

    private static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 39) + "…";
    }
}
