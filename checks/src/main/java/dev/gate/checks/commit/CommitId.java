package dev.gate.checks.commit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A commit named by hex digits: 7 to 40 (SHA-1, abbreviated or not) or 64 (SHA-256). Two ids
 * name the same commit when one is a prefix of the other, case-insensitively.
 */
public record CommitId(@JsonValue String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{7,40}|[0-9a-f]{64}");

    public CommitId {
        hex = hex.toLowerCase(Locale.ROOT);
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException(
                    "\"" + hex + "\" is not a commit id: expected 7 to 40 or 64 hex digits");
        }
    }

    /** As records read it back: the same check as the constructor. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CommitId of(String hex) {
        return new CommitId(hex);
    }

    public static Optional<CommitId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        return HEX.matcher(t).matches() ? Optional.of(new CommitId(t)) : Optional.empty();
    }

    public boolean sameCommitAs(CommitId other) {
        return hex.startsWith(other.hex) || other.hex.startsWith(hex);
    }

    public String shortHex() {
        return hex.substring(0, 7);
    }

    @Override
    public String toString() {
        return shortHex();
    }
}
