package dev.gate.verdict;

/** The answer for the pipeline. */
public enum Verdict {
    /** Every check passed. */
    PASS,
    /** Nothing blocks, but something deserves a look. */
    WARN,
    /** The deploy failed the gate. */
    BLOCK;

    public boolean blocks() {
        return this == BLOCK;
    }
}
