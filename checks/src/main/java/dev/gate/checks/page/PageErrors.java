package dev.gate.checks.page;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Uncaught exceptions and console locations as one line a person reads:
 * {@code Uncaught ReferenceError: x is not defined (app.js:12)}.
 */
final class PageErrors {
    /** "at fn (http://host/static/app.js:12:5)" or "at http://host/static/app.js:12:5". */
    private static final Pattern FRAME = Pattern.compile("at (?:.*? \\()?(\\S+?):(\\d+):(\\d+)\\)?\\s*$", Pattern.MULTILINE);
    private static final Pattern LOCATION = Pattern.compile("^(.*?):(\\d+)(?::(\\d+))?$");

    private PageErrors() {
    }

    static String describe(String error) {
        String text = error == null ? "" : error.strip();
        String first = text.lines().findFirst().orElse("unknown error");
        Matcher frame = FRAME.matcher(text);
        String where = frame.find() ? " (" + file(frame.group(1)) + ":" + frame.group(2) + ")" : "";
        return "Uncaught " + first + where;
    }

    /** " (app.js:12)" from "http://host/static/app.js:11:4" (Playwright's lines count from 0). */
    static String where(String location) {
        if (location == null || location.isBlank()) {
            return "";
        }
        Matcher m = LOCATION.matcher(location);
        if (!m.matches() || m.group(1).isEmpty()) {
            return "";
        }
        return " (" + file(m.group(1)) + ":" + (Integer.parseInt(m.group(2)) + 1) + ")";
    }

    private static String file(String url) {
        String path = url;
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        int slash = path.lastIndexOf('/');
        return slash >= 0 && slash < path.length() - 1 ? path.substring(slash + 1) : path;
    }
}
