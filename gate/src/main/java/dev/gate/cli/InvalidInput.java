package dev.gate.cli;

import java.util.List;

/** Input the gate refuses before probing anything: exit 2, with each problem on its own line. */
final class InvalidInput extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<String> lines;

    InvalidInput(List<String> lines) {
        super(String.join("\n", lines));
        this.lines = List.copyOf(lines);
    }

    InvalidInput(String line) {
        this(List.of(line));
    }

    List<String> lines() {
        return lines;
    }
}
