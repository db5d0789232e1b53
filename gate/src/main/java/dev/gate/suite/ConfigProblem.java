package dev.gate.suite;

/** One thing wrong with a suite, where it is: {@code suite.yaml:14:5: unknown key "page"}. */
public record ConfigProblem(String file, int line, int column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
