package dev.gate.checks.page;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name an asset keeps from one build to the next. Bundlers put a content hash in each file
 * name ({@code index-BzK3x_9a.js}, {@code main.4f2a3b1c.chunk.js}), so the same script has another
 * path in every release; without the hash, {@code /assets/index-*.js} before and after are one asset.
 */
final class AssetNames {
    /** A part of a file name after a '-' or '.', long enough and mixed enough to be a hash. */
    private static final Pattern PART = Pattern.compile("(?<=[-.])[A-Za-z0-9_]{8,}(?=[-.])");
    /** Rollup's 8-character hash before the extension, whose alphabet has '-' and '_' too: {@code index-a-B3_x9Q.js}. */
    private static final Pattern ROLLUP = Pattern.compile("-([A-Za-z0-9_-]{8})(?=\\.[A-Za-z0-9]+$)");
    private static final Pattern DIGIT = Pattern.compile("[0-9]");
    private static final Pattern UPPER = Pattern.compile("[A-Z]");
    private static final Pattern LOWER = Pattern.compile("[a-z]");

    private AssetNames() {
    }

    /** {@code path} with the hash parts of its file name written {@code *}. */
    static String stable(String path) {
        int slash = path.lastIndexOf('/');
        String folder = path.substring(0, slash + 1);
        String file = path.substring(slash + 1);
        Matcher rollup = ROLLUP.matcher(file);
        if (rollup.find() && looksLikeHash(rollup.group(1).replace("-", "").replace("_", ""))) {
            file = file.substring(0, rollup.start(1)) + "*" + file.substring(rollup.end(1));
        }
        return folder + PART.matcher(file).replaceAll(m -> looksLikeHash(m.group()) ? "*" : m.group());
    }

    /** Words are one case; a hash mixes digits or cases ("vendor" stays, "4f2a3b1c" and "BzKxQaWe" go). */
    private static boolean looksLikeHash(String part) {
        boolean digit = DIGIT.matcher(part).find();
        boolean mixedCase = UPPER.matcher(part).find() && LOWER.matcher(part).find();
        return digit || mixedCase;
    }
}
