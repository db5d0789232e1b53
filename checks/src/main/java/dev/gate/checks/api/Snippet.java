package dev.gate.checks.api;

/** Text shown inside a one-line message: whitespace runs folded to one space, cut at a limit. */
final class Snippet {
    static final int BODY_LIMIT = 300;

    private Snippet() {
    }

    static String of(String text, int limit) {
        String line = text.replaceAll("\\s+", " ").trim();
        if (line.length() <= limit) {
            return line;
        }
        int end = limit;
        if (Character.isHighSurrogate(line.charAt(end - 1))) {
            end--; // never split a character in two
        }
        return line.substring(0, end) + "…";
    }
}
