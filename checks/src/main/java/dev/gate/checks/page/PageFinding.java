package dev.gate.checks.page;

import dev.gate.checks.Severity;

/** One thing wrong with a page, how much it matters, and what it is in one line. */
public record PageFinding(Severity severity, String line, String playbook) {
}
