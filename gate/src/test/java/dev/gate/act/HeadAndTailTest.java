package dev.gate.act;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadAndTailTest {
    private final List<String> out = new ArrayList<>();

    @Test
    void anOutputWithinBothEndsIsPassedOnWholeWithoutANote() {
        HeadAndTail cap = new HeadAndTail(10, 10, out::add);
        List.of("aaa", "bbb", "ccc", "ddd").forEach(cap::accept);
        cap.finish();

        assertThat(out).containsExactly("aaa", "bbb", "ccc", "ddd");
    }

    @Test
    void theMiddleIsDroppedAndCountedInItsPlace() {
        HeadAndTail cap = new HeadAndTail(8, 8, out::add);
        List.of("h1h", "h2h", "m1m", "m2m", "m3m", "t1t", "t2t").forEach(cap::accept);

        assertThat(out).as("the head comes at once").containsExactly("h1h", "h2h");
        cap.finish();

        assertThat(out).containsExactly("h1h", "h2h",
                "… 3 lines (12 bytes) of output dropped here: only the first 8 bytes and the last 8 bytes are kept", "t1t", "t2t");
    }
}
