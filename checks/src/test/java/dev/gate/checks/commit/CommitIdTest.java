package dev.gate.checks.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommitIdTest {
    private static final String FULL = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";

    @Test
    void acceptsSevenToFortyHexDigitsAndSixtyFour() {
        assertThat(CommitId.parse("9f8e7d6")).isPresent();
        assertThat(CommitId.parse(FULL)).isPresent();
        assertThat(CommitId.parse("a".repeat(64))).isPresent();
    }

    @Test
    void rejectsWhatIsNotACommit() {
        assertThat(CommitId.parse("9f8e7d")).as("six digits").isEmpty();
        assertThat(CommitId.parse("a".repeat(41))).as("41 digits").isEmpty();
        assertThat(CommitId.parse("9f8e7g6")).as("not hex").isEmpty();
        assertThat(CommitId.parse("")).isEmpty();
        assertThatThrownBy(() -> new CommitId("main"))
                .hasMessage("\"main\" is not a commit id: expected 7 to 40 or 64 hex digits");
    }

    @Test
    void aPrefixNamesTheSameCommitWhicheverSideIsShorter() {
        CommitId full = new CommitId(FULL);
        CommitId shortId = new CommitId("9F8E7D6");
        assertThat(full.sameCommitAs(shortId)).isTrue();
        assertThat(shortId.sameCommitAs(full)).isTrue();
        assertThat(full.sameCommitAs(new CommitId("9f8e7d7"))).isFalse();
    }

    @Test
    void showsSevenDigits() {
        assertThat(new CommitId(FULL)).hasToString("9f8e7d6");
    }
}
