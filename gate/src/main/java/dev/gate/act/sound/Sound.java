package dev.gate.act.sound;

import dev.gate.verdict.Verdict;

/** What the gate can make heard; {@link SoundSynthesizer} turns each into samples. */
public enum Sound {
    /** The release went live: long and low, so nobody mistakes it for a notification. */
    FOGHORN("go-live foghorn"),
    /** The gate passed: a short rising two-tone. */
    PASS("PASS chime"),
    /** The gate blocked: an urgent alternating two-pitch alarm. */
    BLOCK("BLOCK alarm");

    private final String description;

    Sound(String description) {
        this.description = description;
    }

    /** A few words for the console: {@code BLOCK alarm}. */
    public String description() {
        return description;
    }

    /** The sound for a verdict: warnings still let the deploy through, so they get the PASS chime. */
    public static Sound forVerdict(Verdict verdict) {
        return verdict.blocks() ? BLOCK : PASS;
    }
}
