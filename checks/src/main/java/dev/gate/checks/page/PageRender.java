package dev.gate.checks.page;

import java.nio.file.Path;
import java.util.Optional;

/** A rendered page: what was seen, and the evidence files kept. */
public record PageRender(PageObservation observation, Optional<Path> screenshot, Optional<Path> trace,
                         Optional<Path> consoleLog) {
}
