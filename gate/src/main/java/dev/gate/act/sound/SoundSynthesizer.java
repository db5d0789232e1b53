package dev.gate.act.sound;

import java.util.SplittableRandom;

/**
 * Makes each {@link Sound} from sine waves, at 44.1 kHz. Deterministic: the foghorn's breath noise
 * comes from a fixed seed, so the same sound is the same bytes on every machine.
 */
public final class SoundSynthesizer {
    private static final double TWO_PI = 2 * Math.PI;
    /** Loud enough to be heard, with headroom so no sample clips. */
    private static final double PEAK = 0.8;

    private final int rate;

    private SoundSynthesizer(int rate) {
        this.rate = rate;
    }

    public static SoundSynthesizer cdQuality() {
        return new SoundSynthesizer(Pcm.CD_RATE);
    }

    public int sampleRate() {
        return rate;
    }

    public Pcm synthesize(Sound sound) {
        double[] wave = switch (sound) {
            case FOGHORN -> foghorn();
            case PASS -> chime();
            case BLOCK -> alarm();
        };
        return toPcm(wave);
    }

    /**
     * A diaphone foghorn: a buzzy tone at 105 Hz rich in harmonics (amplitudes falling roughly as
     * 1/n, which is what makes it a horn and not a beep), two slightly detuned voices that beat
     * against each other, a slow swell and fade, and the characteristic "grunt" at the end where
     * the pitch sags as the air runs out. Soft saturation adds the reedy edge.
     */
    private double[] foghorn() {
        double seconds = 2.8;
        double[] out = new double[samples(seconds)];
        double[] harmonics = {1.0, 0.72, 0.55, 0.42, 0.33, 0.26, 0.2, 0.15, 0.11, 0.08, 0.06, 0.045};
        double dropStart = 2.0;
        double phaseA = 0;
        double phaseB = 0;
        SplittableRandom breath = new SplittableRandom(105L);
        double noise = 0;
        for (int i = 0; i < out.length; i++) {
            double t = (double) i / rate;
            double sag = t < dropStart ? 0 : smooth((t - dropStart) / (seconds - dropStart));
            double f = 105.0 - 17.0 * sag;
            phaseA += TWO_PI * f / rate;
            phaseB += TWO_PI * f * 1.006 / rate;
            double tone = 0;
            for (int n = 0; n < harmonics.length; n++) {
                tone += harmonics[n] * (Math.sin((n + 1) * phaseA) + 0.5 * Math.sin((n + 1) * phaseB));
            }
            // one-pole low-pass over white noise: air through the horn, not hiss
            noise += 0.02 * ((breath.nextDouble() * 2 - 1) - noise);
            double x = tone / 4.0 + 0.6 * noise;
            x = Math.tanh(1.6 * x) / Math.tanh(1.6);
            double tremolo = 1 + 0.04 * Math.sin(TWO_PI * 4.5 * t);
            out[i] = x * tremolo * envelope(t, seconds, 0.45, 0.6);
        }
        return out;
    }

    /** Two bell-like notes a fourth apart (660 then 880 Hz), each a quarter second: rising means good news. */
    private double[] chime() {
        double note = 0.25;
        double[] out = new double[samples(2 * note)];
        addNote(out, 0, note, 660);
        addNote(out, samples(note), note, 880);
        return out;
    }

    private void addNote(double[] out, int from, double seconds, double f) {
        int n = samples(seconds);
        for (int i = 0; i < n; i++) {
            double t = (double) i / rate;
            double phase = TWO_PI * f * t;
            double x = Math.sin(phase) + 0.25 * Math.sin(2 * phase) + 0.08 * Math.sin(3 * phase);
            // quick strike, ringing decay, and a short fade so the note never ends in a click
            double ring = Math.exp(-t / 0.12);
            out[from + i] += x * ring * envelope(t, seconds, 0.008, 0.03);
        }
    }

    /**
     * The two-pitch alarm of emergency vehicles: 950 and 1400 Hz alternating every 125 ms for 1.5 s,
     * with odd harmonics (a softened square wave) so it cuts through a noisy room.
     */
    private double[] alarm() {
        double pulse = 0.125;
        int pulses = 12;
        int perPulse = samples(pulse);
        double[] out = new double[perPulse * pulses];
        for (int p = 0; p < pulses; p++) {
            double f = p % 2 == 0 ? 950 : 1400;
            for (int i = 0; i < perPulse; i++) {
                double t = (double) i / rate;
                double phase = TWO_PI * f * t;
                double x = Math.sin(phase) + 0.3 * Math.sin(3 * phase) + 0.15 * Math.sin(5 * phase);
                out[p * perPulse + i] = x * envelope(t, pulse, 0.004, 0.004);
            }
        }
        return out;
    }

    /** Rises over {@code attack} seconds and falls over the last {@code release}, smoothly. */
    private static double envelope(double t, double length, double attack, double release) {
        double rise = t < attack ? smooth(t / attack) : 1;
        double fall = t > length - release ? smooth((length - t) / release) : 1;
        return Math.max(0, Math.min(rise, fall));
    }

    /** 0 to 1 with zero slope at both ends (smoothstep), so envelopes have no corners to hear. */
    private static double smooth(double x) {
        double c = Math.max(0, Math.min(1, x));
        return c * c * (3 - 2 * c);
    }

    private int samples(double seconds) {
        return (int) Math.round(seconds * rate);
    }

    private Pcm toPcm(double[] wave) {
        double max = 0;
        for (double x : wave) {
            max = Math.max(max, Math.abs(x));
        }
        double scale = max == 0 ? 0 : PEAK * Short.MAX_VALUE / max;
        short[] samples = new short[wave.length];
        for (int i = 0; i < wave.length; i++) {
            samples[i] = (short) Math.round(wave[i] * scale);
        }
        return new Pcm(rate, samples);
    }
}
