package dev.gate.text;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known word a mistyped one was probably meant to be, for "did you mean" hints. */
public final class Closest {
    private Closest() {
    }

    public static Optional<String> to(String word, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String w = word.toLowerCase(Locale.ROOT);
        for (String candidate : known) {
            int d = distance(w, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        // more than a third of the word changed is a different word, not a typo
        if (best == null || bestDistance > Math.max(2, word.length() / 3)) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    public static String hint(String word, Collection<String> known) {
        return to(word, known).map(k -> "; did you mean \"" + k + "\"?").orElse("");
    }

    /** Optimal string alignment distance: Levenshtein plus swapping two neighbours. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
