package dev.gate.act.sound;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/** The frequency content of a stretch of samples, by Commons Math's FFT over a Hann window. */
final class Spectrum {
    private final double[] magnitudes;
    private final double binHz;

    private Spectrum(double[] magnitudes, double binHz) {
        this.magnitudes = magnitudes;
        this.binHz = binHz;
    }

    /** {@code length} samples from {@code from}; the length must be a power of two. */
    static Spectrum of(short[] samples, int sampleRate, int from, int length) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            // the Hann window keeps a cut-off stretch from smearing into every bin
            double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (length - 1));
            x[i] = samples[from + i] * hann;
        }
        Complex[] bins = new FastFourierTransformer(DftNormalization.STANDARD).transform(x, TransformType.FORWARD);
        double[] magnitudes = new double[length / 2];
        for (int k = 0; k < magnitudes.length; k++) {
            magnitudes[k] = bins[k].abs();
        }
        return new Spectrum(magnitudes, (double) sampleRate / length);
    }

    /** The frequency of the strongest bin, leaving out the DC bin. */
    double dominantHz() {
        int best = 1;
        for (int k = 2; k < magnitudes.length; k++) {
            if (magnitudes[k] > magnitudes[best]) {
                best = k;
            }
        }
        return best * binHz;
    }

    /** The strongest magnitude within {@code halfWidthHz} of a frequency. */
    double peakNear(double hz, double halfWidthHz) {
        int lo = Math.max(1, (int) Math.floor((hz - halfWidthHz) / binHz));
        int hi = Math.min(magnitudes.length - 1, (int) Math.ceil((hz + halfWidthHz) / binHz));
        double peak = 0;
        for (int k = lo; k <= hi; k++) {
            peak = Math.max(peak, magnitudes[k]);
        }
        return peak;
    }

    double binHz() {
        return binHz;
    }
}
