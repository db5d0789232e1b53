package dev.gate.act.sound;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * Where lines to the audio device come from. The player asks this rather than AudioSystem so that
 * tests can stand in for a device that refuses, hangs, or records what it was sent.
 */
@FunctionalInterface
interface Speakers {

    /** An open line for the format; throws where there is no device (or it is busy). */
    SourceDataLine open(AudioFormat format) throws LineUnavailableException;

    static Speakers system() {
        return format -> {
            // throws IllegalArgumentException when no mixer supports the format, as when there is none
            SourceDataLine line = AudioSystem.getSourceDataLine(format);
            // a quarter second of buffer: no stutter, and stopping takes effect promptly
            line.open(format, Math.round(format.getFrameRate() / 4) * format.getFrameSize());
            return line;
        };
    }
}
