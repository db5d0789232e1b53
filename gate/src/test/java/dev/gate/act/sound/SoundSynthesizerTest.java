package dev.gate.act.sound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each sound is written as a WAV, read back through javax.sound, and listened to with an FFT. */
class SoundSynthesizerTest {
    private static final SoundSynthesizer SYNTH = SoundSynthesizer.cdQuality();

    @TempDir
    Path dir;

    private WavFile writtenAndReadBack(Sound sound) throws Exception {
        Path file = dir.resolve(sound.name().toLowerCase() + ".wav");
        WavWriter.write(file, SYNTH.synthesize(sound));
        return WavFile.read(file);
    }

    private static double seconds(WavFile wav, double at) {
        return at * wav.rate();
    }

    private static double rms(short[] s, int from, int length) {
        double sum = 0;
        for (int i = from; i < from + length; i++) {
            sum += (double) s[i] * s[i];
        }
        return Math.sqrt(sum / length);
    }

    @ParameterizedTest
    @EnumSource(Sound.class)
    void everySoundIsA16BitMonoWavAtCdRate(Sound sound) throws Exception {
        WavFile wav = writtenAndReadBack(sound);

        assertThat(wav.format().getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
        assertThat(wav.format().getSampleRate()).isEqualTo(44_100f);
        assertThat(wav.format().getSampleSizeInBits()).isEqualTo(16);
        assertThat(wav.format().getChannels()).isEqualTo(1);
        assertThat(wav.format().isBigEndian()).isFalse();
        assertThat(wav.samples()).hasSize((int) wav.frames());
        assertThat(wav.samples()).isEqualTo(SYNTH.synthesize(sound).samples());
    }

    @ParameterizedTest
    @EnumSource(Sound.class)
    void everySoundStartsAndEndsInSilenceAndNeverClips(Sound sound) {
        short[] s = SYNTH.synthesize(sound).samples();
        int peak = 0;
        for (short x : s) {
            peak = Math.max(peak, Math.abs(x));
        }

        assertThat(Math.abs(s[0])).isLessThan(100);
        assertThat(Math.abs(s[s.length - 1])).isLessThan(100);
        assertThat(peak).isBetween(20_000, 32_000);
    }

    @ParameterizedTest
    @EnumSource(Sound.class)
    void theSameSoundIsTheSameSamplesEveryTime(Sound sound) {
        assertThat(SYNTH.synthesize(sound)).isEqualTo(SoundSynthesizer.cdQuality().synthesize(sound));
    }

    @Test
    void theFoghornLastsTwoToThreeSecondsAtALowPitchRichInHarmonics() throws Exception {
        WavFile wav = writtenAndReadBack(Sound.FOGHORN);
        // 1.5 s of the steady middle, after the swell and before the sag
        Spectrum middle = Spectrum.of(wav.samples(), wav.rate(), (int) seconds(wav, 0.5), 65_536);
        double fundamental = middle.dominantHz();

        assertThat(wav.seconds()).isBetween(2.0, 3.0);
        assertThat(fundamental).isBetween(80.0, 120.0);
        assertThat(middle.peakNear(2 * fundamental, 3)).isGreaterThan(0.3 * middle.peakNear(fundamental, 3));
        assertThat(middle.peakNear(3 * fundamental, 3)).isGreaterThan(0.2 * middle.peakNear(fundamental, 3));
        assertThat(middle.peakNear(5 * fundamental, 3)).isGreaterThan(0.05 * middle.peakNear(fundamental, 3));
    }

    @Test
    void theFoghornSwellsSlowlyAndItsPitchSagsAtTheEnd() throws Exception {
        WavFile wav = writtenAndReadBack(Sound.FOGHORN);
        short[] s = wav.samples();
        int tenth = (int) seconds(wav, 0.1);
        double steady = Spectrum.of(s, wav.rate(), (int) seconds(wav, 0.5), 32_768).dominantHz();
        double end = Spectrum.of(s, wav.rate(), s.length - (int) seconds(wav, 0.1) - 16_384, 16_384).dominantHz();

        assertThat(rms(s, 0, tenth)).isLessThan(0.25 * rms(s, (int) seconds(wav, 1.0), tenth));
        assertThat(rms(s, s.length - tenth, tenth)).isLessThan(0.25 * rms(s, (int) seconds(wav, 1.0), tenth));
        assertThat(end).isLessThan(steady - 5);
    }

    @Test
    void passRisesFromTheLowerToneToTheHigher() throws Exception {
        WavFile wav = writtenAndReadBack(Sound.PASS);
        int half = wav.samples().length / 2;
        double first = Spectrum.of(wav.samples(), wav.rate(), 0, 8192).dominantHz();
        double second = Spectrum.of(wav.samples(), wav.rate(), half, 8192).dominantHz();

        assertThat(wav.seconds()).isBetween(0.3, 1.0);
        assertThat(first).isCloseTo(660, within(10.0));
        assertThat(second).isCloseTo(880, within(10.0));
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void blockAlternatesBetweenTwoPitchesForAboutASecondAndAHalf() throws Exception {
        WavFile wav = writtenAndReadBack(Sound.BLOCK);
        List<Double> pitches = new ArrayList<>();
        for (int from = 0; from + 2048 <= wav.samples().length; from += 1024) {
            pitches.add(Spectrum.of(wav.samples(), wav.rate(), from, 2048).dominantHz());
        }
        int switches = 0;
        for (int i = 1; i < pitches.size(); i++) {
            if (Math.abs(pitches.get(i) - pitches.get(i - 1)) > 200) {
                switches++;
            }
        }

        assertThat(wav.seconds()).isBetween(1.4, 1.6);
        assertThat(pitches).allSatisfy(hz -> assertThat(Math.min(Math.abs(hz - 950), Math.abs(hz - 1400))).isLessThan(25.0));
        assertThat(pitches).anySatisfy(hz -> assertThat(hz).isCloseTo(950, within(25.0)));
        assertThat(pitches).anySatisfy(hz -> assertThat(hz).isCloseTo(1400, within(25.0)));
        assertThat(switches).isGreaterThanOrEqualTo(10);
    }
}
