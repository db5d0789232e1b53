package dev.gate.report;

import dev.gate.io.AtomicFiles;
import dev.gate.io.Json;
import dev.gate.run.RunRecord;
import java.io.IOException;
import java.nio.file.Path;

/** Writes the run record and every file report rendered from it into the run folder. */
public final class RunOutput {
    public static final String RESULT = "result.json";

    private RunOutput() {
    }

    public static void write(RunRecord record, Path runDir) throws IOException {
        AtomicFiles.write(runDir.resolve(RESULT), Json.mapper().writeValueAsBytes(record));
    }

    public static RunRecord read(Path file) throws IOException {
        return Json.mapper().readValue(file.toFile(), RunRecord.class);
    }
}
