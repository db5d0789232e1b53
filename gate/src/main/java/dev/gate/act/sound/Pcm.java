package dev.gate.act.sound;

import java.time.Duration;
import java.util.Arrays;
import javax.sound.sampled.AudioFormat;

/**
 * Sound as numbers: 16-bit signed mono samples at a sample rate. A value: the samples are copied
 * in and out, so nobody can change a sound after it was made.
 */
public record Pcm(int sampleRate, short[] samples) {
    /** CD rate: every device plays it, and it leaves room far above the alarm's harmonics. */
    public static final int CD_RATE = 44_100;

    public Pcm {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
        samples = samples.clone();
    }

    /** A stretch of silence, as between the sounds of one run written to one file. */
    public static Pcm silence(int sampleRate, Duration length) {
        return new Pcm(sampleRate, new short[frames(sampleRate, length)]);
    }

    static int frames(int sampleRate, Duration length) {
        return (int) Math.round(length.toNanos() * (double) sampleRate / 1e9);
    }

    @Override
    public short[] samples() {
        return samples.clone();
    }

    public int frameCount() {
        return samples.length;
    }

    public Duration duration() {
        return Duration.ofNanos(Math.round(samples.length * 1e9 / sampleRate));
    }

    /** This sound followed by another at the same rate. */
    public Pcm then(Pcm next) {
        if (next.sampleRate != sampleRate) {
            throw new IllegalArgumentException("cannot join sounds at " + sampleRate + " Hz and " + next.sampleRate + " Hz");
        }
        short[] joined = Arrays.copyOf(samples, samples.length + next.samples.length);
        System.arraycopy(next.samples, 0, joined, samples.length, next.samples.length);
        return new Pcm(sampleRate, joined);
    }

    /** The format javax.sound and WAV files describe these samples with. */
    public AudioFormat format() {
        return new AudioFormat(sampleRate, 16, 1, true, false);
    }

    /** The samples as little-endian bytes, the order of WAV files and of {@link #format()}. */
    public byte[] littleEndianBytes() {
        byte[] bytes = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            bytes[2 * i] = (byte) samples[i];
            bytes[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pcm p && p.sampleRate == sampleRate && Arrays.equals(p.samples, samples);
    }

    @Override
    public int hashCode() {
        return 31 * sampleRate + Arrays.hashCode(samples);
    }

    @Override
    public String toString() {
        return "Pcm[" + sampleRate + " Hz, " + samples.length + " frames]";
    }
}
