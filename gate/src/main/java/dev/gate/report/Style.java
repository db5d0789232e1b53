package dev.gate.report;

import dev.gate.checks.Status;
import dev.gate.verdict.Verdict;
import java.util.Map;

/**
 * Colour for a terminal, plain text otherwise: no colour when the output is not a terminal, when
 * {@code NO_COLOR} is set (no-color.org), or when {@code TERM=dumb}.
 */
public final class Style {
    private static final String RESET = "\u001b[0m";
    private final boolean color;

    private Style(boolean color) {
        this.color = color;
    }

    public static Style plain() {
        return new Style(false);
    }

    public static Style detect(Map<String, String> env, boolean terminal) {
        boolean noColor = env.containsKey("NO_COLOR") || "dumb".equals(env.get("TERM"));
        return new Style(terminal && !noColor);
    }

    /** The style of a command's output: its environment, and whether it writes to a terminal. */
    public static Style of(dev.gate.io.Io io) {
        return detect(io.env(), io.terminal());
    }

    public boolean colored() {
        return color;
    }

    public String status(Status s) {
        // SKIPPED is shown as SKIP, so the column of statuses stays five wide
        String word = String.format("%-5s", s == Status.SKIPPED ? "SKIP" : s.name());
        return switch (s) {
            case PASS -> paint("32", word);
            case SKIPPED -> paint("2", word);
            case WARN -> paint("33", word);
            case FAIL, ERROR -> paint("1;31", word);
        };
    }

    public String verdict(Verdict v) {
        return switch (v) {
            case PASS -> paint("1;32", v.name());
            case WARN -> paint("1;33", v.name());
            case BLOCK -> color ? paint("1;37;41", " " + v.name() + " ") : v.name();
        };
    }

    public String dim(String s) {
        return paint("2", s);
    }

    public String bold(String s) {
        return paint("1", s);
    }

    private String paint(String code, String s) {
        return color ? "\u001b[" + code + "m" + s + RESET : s;
    }
}
