package dev.gate.act;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.Redactor;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CommandRunnerTest {
    private static final String SECRET = "Zq7XvK9wPj3RtYb8";
    private final Redactor redactor = Redactor.of(Set.of(SECRET));

    /** From wholly inside the shown head, across its end, through the dropped middle, across the tail's start. */
    static IntStream offsets() {
        return IntStream.rangeClosed(0, 80 - SECRET.length());
    }

    @ParameterizedTest(name = "secret at {0} of a long argument")
    @MethodSource("offsets")
    void aLongArgumentIsShortenedWithNoneOfItsSecretLeft(int offset) {
        String arg = ".".repeat(offset) + SECRET + "-".repeat(80 - SECRET.length() - offset);

        String shown = CommandRunner.display(List.of("./rollback.sh", arg), redactor);

        assertThat(shown).startsWith("./rollback.sh ");
        assertThat(shown.substring("./rollback.sh ".length())).matches("[.\\-•]*…[.\\-•]*");
    }
}
