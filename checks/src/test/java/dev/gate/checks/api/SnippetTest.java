package dev.gate.checks.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.Redactor;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SnippetTest {
    private static final String SECRET = "Zq7XvK9wPj3RtYb8";
    private final Redactor redactor = Redactor.of(Set.of(SECRET));

    static IntStream offsetsAroundTheBodyCut() {
        return IntStream.rangeClosed(Snippet.BODY_LIMIT - SECRET.length() - 2, Snippet.BODY_LIMIT + 2);
    }

    /** Runs of whitespace before the secret: the offset counts after folding, as the cut does. */
    @ParameterizedTest(name = "secret at {0}")
    @MethodSource("offsetsAroundTheBodyCut")
    void aBodySnippetShowsNoCharacterOfASecretAcrossItsCut(int offset) {
        String body = ".\n\n  ".repeat(offset / 2) + ".".repeat(offset % 2) + SECRET + " -".repeat(200);

        String snippet = Snippet.of(body, Snippet.BODY_LIMIT, redactor);

        assertThat(snippet).matches("[. \\-•]*…");
    }

    @Test
    void aSecretThatHoldsWhitespaceIsMaskedBeforeTheWhitespaceIsFolded() {
        Redactor multiline = Redactor.of(Set.of("first line\n  second line"));

        assertThat(Snippet.of("key: first line\n  second line; done", 300, multiline)).isEqualTo("key: •••; done");
    }

    @Test
    void aShortTextIsFoldedAndKept() {
        assertThat(Snippet.of("  a \n b  ", 300, Redactor.none())).isEqualTo("a b");
    }
}
