package dev.gate.checks;

import java.util.Objects;

/**
 * A file a check left as evidence (a screenshot, a trace, a console log), named by its path
 * relative to the run folder so that reports can link to it wherever the folder is moved.
 */
public record Artifact(String kind, String path, String description) {
    public Artifact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(description, "description");
    }
}
