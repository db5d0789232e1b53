package dev.gate.act;

import java.io.IOException;
import java.io.Reader;
import java.util.Optional;

/**
 * Reads lines of at most a fixed number of characters: a command that prints megabytes without a
 * line end ({@code cat} of a binary) must not make the gate hold them all. The rest of a longer
 * line is skipped and counted, so the caller can say how much was cut.
 */
final class BoundedLines {
    /** One line as read: its first characters, and how many more the line had. */
    record Line(String text, long cut) {
    }

    private final Reader in;
    private final int limit;

    BoundedLines(Reader in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The next line without its end ({@code \n}, or {@code \r\n}); empty at the end of the output. */
    Optional<Line> next() throws IOException {
        StringBuilder text = new StringBuilder();
        long cut = 0;
        int c;
        boolean any = false;
        while ((c = in.read()) != -1) {
            any = true;
            if (c == '\n') {
                break;
            }
            if (text.length() < limit) {
                text.append((char) c);
            } else {
                cut++;
            }
        }
        if (!any) {
            return Optional.empty();
        }
        int end = text.length();
        if (cut == 0 && end > 0 && text.charAt(end - 1) == '\r') {
            text.setLength(end - 1);
        }
        return Optional.of(new Line(text.toString(), cut));
    }
}
