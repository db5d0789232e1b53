package dev.gate.checks.latency;

import dev.gate.checks.Status;

/** What the comparison of one endpoint found, before it becomes a PASS, WARN or FAIL. */
public enum LatencyFinding {
    /** The whole interval is below 1. */
    FASTER,
    /** Not slower, and a slowdown worth blocking for is ruled out. */
    NOT_SLOWER,
    /** Slower with evidence, but by less than half of {@code min_effect} or of {@code min_delta}: within what nobody acts on. */
    SLIGHTLY_SLOWER,
    /** Slower with evidence, by at least half of {@code min_effect} and less than all of it. */
    SLOWER,
    /** Slower by {@code min_effect} or more, but by fewer milliseconds than {@code min_delta} (and at least half of it). */
    UNDER_FLOOR,
    /** Slower with evidence, by {@code min_effect} and {@code min_delta} or more. */
    WORTH_BLOCKING,
    /** Worth blocking for, but fresh samples taken to confirm it did not agree. */
    UNCONFIRMED,
    /** Neither cleared nor blocked after all the samples allowed: a slowdown worth blocking for was not ruled out. */
    INCONCLUSIVE;

    public Status status(LatencySpec.Inconclusive inconclusive) {
        return switch (this) {
            case FASTER, NOT_SLOWER, SLIGHTLY_SLOWER -> Status.PASS;
            case SLOWER, UNDER_FLOOR, UNCONFIRMED -> Status.WARN;
            case WORTH_BLOCKING -> Status.FAIL;
            case INCONCLUSIVE -> switch (inconclusive) {
                case PASS -> Status.PASS;
                case WARN -> Status.WARN;
                case BLOCK -> Status.FAIL;
            };
        };
    }

    /** The name reports and tools read: {@code worth_blocking}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
