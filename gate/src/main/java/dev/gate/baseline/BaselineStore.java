package dev.gate.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gate.checks.Redactor;
import dev.gate.io.AtomicFiles;
import dev.gate.io.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads and writes baseline files. Writes are atomic; reads refuse anything not made for this target. */
public final class BaselineStore {
    private BaselineStore() {
    }

    /** Writes the baseline with the suite's secrets masked in every URL it holds (see {@link BaselineRedaction}). */
    public static void write(Path file, Baseline baseline, Redactor redactor) throws IOException {
        AtomicFiles.write(file, Json.mapper().writeValueAsBytes(new BaselineRedaction(redactor).apply(baseline)));
    }

    /**
     * Reads a baseline, refusing one of another schema or another target, naming the file.
     *
     * @param redactor the suite's: a target that holds a secret was written masked
     */
    public static Baseline read(Path file, URI target, Redactor redactor) throws BaselineException {
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
        Optional<String> problem = BaselineFields.firstProblem(tree);
        if (problem.isPresent()) {
            throw new BaselineException(file + ": " + problem.get() + "; take a new baseline with `gate baseline`");
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
        if (!sameTarget(baseline.target(), target.toString()) && !sameTarget(baseline.target(), redactor.redact(target.toString()))) {
            throw new BaselineException(file + ": taken for " + baseline.target() + ", but the suite's target is "
                    + redactor.redact(target.toString()) + "; take a baseline of this target");
        }
        return baseline;
    }

    private static boolean sameTarget(String recorded, String target) {
        return trim(recorded).equalsIgnoreCase(trim(target));
    }

    private static String trim(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
