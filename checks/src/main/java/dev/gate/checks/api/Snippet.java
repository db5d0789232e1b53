package dev.gate.checks.api;

import dev.gate.checks.Redactor;

/**
 * Text shown inside a one-line message: masked, whitespace runs folded to one space, cut at a
 * limit. Masking comes first, before the folding and before the cut, so that neither can turn a
 * secret into text the redactor no longer recognises (see {@link Redactor}).
 */
final class Snippet {
    static final int BODY_LIMIT = 300;

    private Snippet() {
    }

    static String of(String text, int limit, Redactor redactor) {
        return redactor.cut(redactor.redact(text).replaceAll("\\s+", " ").trim(), limit);
    }
}
