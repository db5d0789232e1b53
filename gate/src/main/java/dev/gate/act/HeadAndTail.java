package dev.gate.act;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Passes on the first lines of a command's output as they come and keeps only the last ones after
 * that, so that a rollback printing gigabytes neither fills the disk through {@code rollback.log}
 * nor floods the console, while the start (what it set out to do) and the end (why it stopped)
 * survive. What is dropped between them is said in one line, in its place.
 *
 * <p>The tail is passed on by {@link #finish()}, when the output has ended: until then it is not
 * known which lines are the last.
 */
final class HeadAndTail {
    private final long headBytes;
    private final long tailBytes;
    private final Consumer<String> sink;
    private final ArrayDeque<String> tail = new ArrayDeque<>();
    private long headUsed;
    private long tailUsed;
    private long droppedLines;
    private long droppedBytes;
    private boolean headFull;

    /** @param headBytes and tailBytes how much of the output is kept at each end, in UTF-8 bytes with the line ends */
    HeadAndTail(long headBytes, long tailBytes, Consumer<String> sink) {
        this.headBytes = headBytes;
        this.tailBytes = tailBytes;
        this.sink = sink;
    }

    void accept(String line) {
        long size = line.getBytes(StandardCharsets.UTF_8).length + 1L;
        if (!headFull && headUsed + size <= headBytes) {
            headUsed += size;
            sink.accept(line);
            return;
        }
        headFull = true;
        tail.addLast(line);
        tailUsed += size;
        while (tailUsed > tailBytes && !tail.isEmpty()) {
            String old = tail.removeFirst();
            long oldSize = old.getBytes(StandardCharsets.UTF_8).length + 1L;
            tailUsed -= oldSize;
            droppedLines++;
            droppedBytes += oldSize;
        }
    }

    /** Says what was dropped, if anything, then passes on the tail. */
    void finish() {
        if (droppedLines > 0) {
            sink.accept("… " + droppedLines + " line" + (droppedLines == 1 ? "" : "s") + " (" + size(droppedBytes)
                    + ") of output dropped here: only the first " + size(headBytes) + " and the last " + size(tailBytes)
                    + " are kept");
        }
        tail.forEach(sink);
        tail.clear();
    }

    static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        if (bytes >= 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return bytes + " bytes";
    }
}
