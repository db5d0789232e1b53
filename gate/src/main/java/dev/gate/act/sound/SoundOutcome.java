package dev.gate.act.sound;

import java.util.Objects;

/**
 * What became of one sound, for the run record.
 *
 * @param detail why (the audio system's own message when it fell back to the bell), or where
 *               (the WAV file); empty when there is nothing to add
 */
public record SoundOutcome(Sound sound, Kind kind, String detail) {

    public enum Kind {
        /** Sent to the audio device. */
        PLAYED,
        /** No audio device: the terminal bell and a line of text instead. */
        BELL,
        /** Written to the WAV file. */
        WRITTEN,
        /** Not made: the run is not audible. */
        SILENT,
        /** The WAV file could not be written. */
        FAILED
    }

    public SoundOutcome {
        Objects.requireNonNull(sound);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(detail);
    }
}
