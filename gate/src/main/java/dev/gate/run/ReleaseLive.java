package dev.gate.run;

/**
 * Hears the moment the expected release is seen live, with the record so far (the commit check
 * alone), while the other checks, latency and the metrics' wait are still to come. Unlike a
 * {@link RunListener}, which only reports, it may act — tell the team — but never changes the run.
 */
@FunctionalInterface
public interface ReleaseLive {
    ReleaseLive NONE = sofar -> {
    };

    void seen(RunRecord sofar) throws InterruptedException;
}
