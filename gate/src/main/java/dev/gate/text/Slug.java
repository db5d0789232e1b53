package dev.gate.text;

import java.util.Locale;

/** A name made safe for a file or folder name: lower case, runs of anything else as one '-'. */
public final class Slug {
    private Slug() {
    }

    public static String of(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "suite" : s;
    }
}
