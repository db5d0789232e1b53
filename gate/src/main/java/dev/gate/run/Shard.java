package dev.gate.run;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of N slices of the page, API and latency checks, chosen by a stable hash of the check id so
 * that the same check always lands in the same shard. The commit check runs in every shard.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(1, 1);
    private static final Pattern WRITTEN = Pattern.compile("(\\d+)/(\\d+)");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": expected K/N with 1 <= K <= N");
        }
    }

    public static Optional<Shard> parse(String text) {
        Matcher m = WRITTEN.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean includes(String checkId) {
        if (count == 1) {
            return true;
        }
        // FNV-1a: stable across JVMs and versions, unlike String.hashCode's contract
        int h = 0x811c9dc5;
        for (byte b : checkId.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return Integer.remainderUnsigned(h, count) == index - 1;
    }

    public boolean isAll() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
