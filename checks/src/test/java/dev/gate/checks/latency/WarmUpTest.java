package dev.gate.checks.latency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Warming up until latency stops falling, through the sampler's own loop. */
class WarmUpTest {
    /** Latency that starts at {@code cold} times {@code warm} ms and falls by a fixed step per request. */
    private static InterleavedSampler.Timer falling(double warm, double cold, int requestsToWarm, List<Double> made) {
        return id -> {
            int i = made.size();
            double ms = warm * (i >= requestsToWarm ? 1 : cold - (cold - 1) * i / requestsToWarm);
            made.add(ms);
            return new InterleavedSampler.Timing(ms, ms / 2);
        };
    }

    @Test
    void requestsAreThrownAwayUntilABlockIsNoFasterThanTheOneBeforeAndTheColdStartIsTold() throws Exception {
        List<Double> made = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        InterleavedSampler sampler = new InterleavedSampler(Map.of("e", "GET /e"), WarmUp.DEFAULT,
                falling(10, 3, 20, made), (stage, note) -> notes.add(note));

        LatencySamples s = sampler.sample(List.of("e"), 10).get(0);

        ColdStart cold = sampler.coldStarts().get("e");
        // block medians 28, 23, 18, 13, 10, 10 ms: the block 25–29 is the first no faster than the one before
        assertThat(cold.thrownAway()).isEqualTo(30);
        assertThat(made).hasSize(40);
        assertThat(s.ms()).containsOnly(10.0);
        assertThat(s.label()).isEqualTo("GET /e");
        assertThat(cold.large()).isTrue();
        assertThat(cold.line()).isEqualTo("cold start: the first 5 requests were 2.80× slower than once warm (30 thrown away)");
        assertThat(notes).contains("e: cold start: the first 5 requests were 2.80× slower than once warm (30 thrown away)");
    }

    @Test
    void aWarmEndpointIsThrownAwayOnlyTheMinimumAndNoColdStartIsTold() throws Exception {
        List<Double> made = new ArrayList<>();
        InterleavedSampler sampler = new InterleavedSampler(Map.of(), WarmUp.DEFAULT, falling(10, 1, 1, made),
                Progress.silent());

        sampler.sample(List.of("e"), 5);

        assertThat(sampler.coldStarts().get("e").thrownAway()).isEqualTo(20);
        assertThat(sampler.coldStarts().get("e").large()).isFalse();
    }

    @Test
    void latencyThatKeepsFallingIsThrownAwayAtMostMax() throws Exception {
        List<Double> made = new ArrayList<>();
        InterleavedSampler sampler = new InterleavedSampler(Map.of(), new WarmUp(10, 30), falling(10, 5, 40, made),
                Progress.silent());

        sampler.sample(List.of("e"), 1);

        assertThat(sampler.coldStarts().get("e").thrownAway()).isEqualTo(30);
    }

    @Test
    void aFixedWarmUpThrowsAwayExactlyThatManyAndAnEndpointIsWarmedOnce() throws Exception {
        List<Double> made = new ArrayList<>();
        InterleavedSampler sampler = new InterleavedSampler(Map.of(), WarmUp.fixed(3), falling(10, 5, 1000, made),
                Progress.silent());

        sampler.sample(List.of("e"), 2);
        sampler.sample(List.of("e"), 2);

        assertThat(made).hasSize(3 + 2 + 2);
    }

    @Test
    void aFailingEndpointEndsItsWarmUpAtMax() throws Exception {
        int[] calls = {0};
        InterleavedSampler sampler = new InterleavedSampler(Map.of(), new WarmUp(10, 20), id -> {
            calls[0]++;
            return null;
        }, Progress.silent());

        assertThat(sampler.sample(List.of("e"), 3).get(0).size()).isZero();
        assertThat(calls[0]).isEqualTo(23);
    }
}
