package dev.gate.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RedactorTest {
    /** No character of it is a filler, the mask or the cut mark: any of it that shows is a leak. */
    private static final String SECRET = "Zq7XvK9wPj3RtYb8";
    private static final int LIMIT = 40;
    private final Redactor redactor = Redactor.of(Set.of(SECRET));

    /** Where the secret starts: from wholly before the cut, across it, to wholly after it. */
    static IntStream offsetsAroundTheCut() {
        return IntStream.rangeClosed(LIMIT - SECRET.length() - 2, LIMIT + 2);
    }

    @ParameterizedTest(name = "secret at {0}")
    @MethodSource("offsetsAroundTheCut")
    void aCutTextShowsNoCharacterOfASecretThatStraddlesTheCut(int offset) {
        String text = ".".repeat(offset) + SECRET + "-".repeat(50);

        String cut = redactor.cut(text, LIMIT);

        assertThat(cut).matches("[.\\-•]*…").hasSizeLessThanOrEqualTo(LIMIT + 1);
        if (offset + Redactor.MASK.length() <= LIMIT) {
            assertThat(cut).startsWith(".".repeat(offset) + Redactor.MASK);
        } else if (offset < LIMIT) {
            assertThat(cut).as("the mask is not cut either").isEqualTo(".".repeat(offset) + "…");
        }
    }

    /** Cut at the prefix's end by code that had no redactor: what the cut left beside its mark is masked. */
    @ParameterizedTest(name = "first {0} characters")
    @MethodSource("fragmentLengths")
    void aSecretCutBeforeItReachedTheRedactorIsMaskedBesideTheCutMark(int length) {
        String head = SECRET.substring(0, length);
        String tail = SECRET.substring(SECRET.length() - length);

        assertThat(redactor.redact("body: " + head + "…")).isEqualTo("body: •••…");
        assertThat(redactor.redact("--token=" + head + "…" + tail + " --next")).isEqualTo("--token=•••…••• --next");
    }

    static IntStream fragmentLengths() {
        return IntStream.range(Redactor.MIN_FRAGMENT, SECRET.length());
    }

    @Test
    void fragmentsShorterThanTheShortestSecretAreLeftBesideACut() {
        assertThat(redactor.redact("status Zq…")).isEqualTo("status Zq…");
    }

    @Test
    void aWordThatBeginsASecretIsMaskedOnlyBesideACut() {
        Redactor password = Redactor.of(Set.of("password1"));

        assertThat(password.redact("pass the password1 test")).isEqualTo("pass the ••• test");
        assertThat(password.redact("pass…")).isEqualTo("•••…");
    }

    @Test
    void aSecretIsMaskedAsAUrlCarriesItToo() {
        Redactor r = Redactor.of(Set.of("Kx9+Qv/7 Zr=Lm"));

        assertThat(r.redact("GET /api?key=Kx9%2BQv%2F7%20Zr%3DLm&x=1")).isEqualTo("GET /api?key=•••&x=1");
        assertThat(r.redact("GET /api?key=Kx9%2BQv%2F7+Zr%3DLm")).isEqualTo("GET /api?key=•••");
        assertThat(r.redact("key Kx9+Qv/7 Zr=Lm")).isEqualTo("key •••");
    }

    @Test
    void aCutNeverSplitsACharacterInTwo() {
        assertThat(Redactor.none().cut("ab😀cd", 3)).isEqualTo("ab…");
        assertThat(Redactor.none().cut("abc", 3)).isEqualTo("abc");
    }

    @Test
    void widenedRedactorsKeepEveryEarlierSecret() {
        Redactor wider = redactor.with(Set.of("another-secret"));

        assertThat(wider.redact(SECRET + " another-secret")).isEqualTo("••• •••");
    }
}
