package dev.gate.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gate.io.AtomicFiles;
import dev.gate.io.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and writes baseline files. Writes are atomic; reads refuse anything not made for this target. */
public final class BaselineStore {
    private BaselineStore() {
    }

    public static void write(Path file, Baseline baseline) throws IOException {
        AtomicFiles.write(file, Json.mapper().writeValueAsBytes(baseline));
    }

    /** Reads a baseline, refusing one of another schema or another target, naming the file. */
    public static Baseline read(Path file, URI target) throws BaselineException {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new BaselineException(file + ": no such baseline file; take one with `gate baseline` before the deploy");
        } catch (JsonProcessingException e) {
            throw new BaselineException(file + ": not a readable baseline (invalid JSON at line "
                    + e.getLocation().getLineNr() + "); take a new one with `gate baseline`");
        } catch (IOException e) {
            throw new BaselineException(file + ": cannot read: " + e.getMessage());
        }
        String schema = tree.path("schema").asText("");
        if (!Baseline.SCHEMA.equals(schema)) {
            throw new BaselineException(file + ": schema is \"" + schema + "\", this gate reads \"" + Baseline.SCHEMA
                    + "\"; take a new baseline with `gate baseline`");
        }
        Baseline baseline;
        try {
            baseline = Json.mapper().treeToValue(tree, Baseline.class);
        } catch (JsonProcessingException e) {
            throw new BaselineException(file + ": not a readable baseline: " + e.getOriginalMessage());
        }
        if (baseline.takenAt() == null || baseline.target() == null) {
            throw new BaselineException(file + ": not a readable baseline: taken_at or target is missing");
        }
        if (!sameTarget(baseline.target(), target)) {
            throw new BaselineException(file + ": taken for " + baseline.target() + ", but the suite's target is "
                    + target + "; take a baseline of this target");
        }
        return baseline;
    }

    private static boolean sameTarget(String recorded, URI target) {
        return trim(recorded).equalsIgnoreCase(trim(target.toString()));
    }

    private static String trim(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
