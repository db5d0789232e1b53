package dev.gate.act.sound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gate.verdict.Verdict;
import java.awt.HeadlessException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoundPlayerTest {
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(10);

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String line(String text) {
        return text + System.lineSeparator();
    }

    @Test
    void withoutAnAudioDeviceTheAlarmIsTheTerminalBellAndOneLineSayingSo() throws Exception {
        // this machine, like most CI runners, has no sound card; where one exists this test would
        // sound the alarm instead, so it runs only where the fallback is what really happens
        assumeTrue(AudioSystem.getMixerInfo().length == 0, "an audio device exists here");

        Playback playback = SoundPlayer.to(SoundOutput.play(), out).play(Sound.BLOCK);

        assertThat(printed()).isEqualTo(line("\u0007(no audio device: BLOCK alarm shown as a bell)"));
        assertThat(playback.outcome().kind()).isEqualTo(SoundOutcome.Kind.BELL);
        assertThat(playback.outcome().detail()).isEqualTo("No line matching interface SourceDataLine supporting format "
                + "PCM_SIGNED 44100.0 Hz, 16 bit, mono, 2 bytes/frame, little-endian is supported.");
        assertThat(playback.ended()).isTrue();
        assertThat(playback.awaitEnd()).isTrue();
    }

    @Test
    void aBusyDeviceFallsBackToTheBell() {
        Playback playback = playerWith(format -> {
            throw new LineUnavailableException("device or resource busy");
        }).play(Sound.FOGHORN);

        assertThat(printed()).isEqualTo(line("\u0007(no audio device: go-live foghorn shown as a bell)"));
        assertThat(playback.outcome()).isEqualTo(new SoundOutcome(Sound.FOGHORN, SoundOutcome.Kind.BELL, "device or resource busy"));
    }

    @Test
    void aHeadlessDesktopFallsBackToTheBell() {
        Playback playback = playerWith(format -> {
            throw new HeadlessException();
        }).play(Sound.PASS);

        assertThat(printed()).isEqualTo(line("\u0007(no audio device: PASS chime shown as a bell)"));
        assertThat(playback.outcome()).isEqualTo(new SoundOutcome(Sound.PASS, SoundOutcome.Kind.BELL,
                "No X11 DISPLAY variable was set, but this program performed an operation which requires it."));
    }

    @Test
    void aDeviceThatFailsWithoutAMessageIsNamedByItsKind() {
        Playback playback = playerWith(format -> {
            throw new IllegalArgumentException();
        }).play(Sound.PASS);

        assertThat(playback.outcome()).isEqualTo(new SoundOutcome(Sound.PASS, SoundOutcome.Kind.BELL, "IllegalArgumentException"));
    }

    @Test
    void aDeviceThatNeverAnswersFallsBackToTheBellAndItsLateLineIsClosed() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        RecordingLine late = RecordingLine.recording();
        SoundPlayer player = new SoundPlayer(SoundOutput.play(), out, format -> {
            awaitQuietly(answer);
            return late;
        }, Duration.ofMillis(20));

        Playback playback = player.play(Sound.BLOCK);
        answer.countDown();

        assertThat(printed()).isEqualTo(line("\u0007(no audio device: BLOCK alarm shown as a bell)"));
        assertThat(playback.outcome().detail()).isEqualTo("the audio device did not answer within 20 ms");
        assertThat(late.awaitClosed()).isTrue();
        assertThat(late.received()).isEmpty();
    }

    @Test
    void aWorkingDeviceIsSentEveryByteOfTheSoundAndThenClosed() throws Exception {
        RecordingLine line = RecordingLine.recording();

        Playback playback = playerWith(format -> {
            line.open(format);
            return line;
        }).play(Sound.PASS);

        assertThat(playback.awaitEnd()).isTrue();
        assertThat(playback.outcome()).isEqualTo(new SoundOutcome(Sound.PASS, SoundOutcome.Kind.PLAYED, ""));
        assertThat(playback.length()).isEqualTo(Duration.ofMillis(500));
        assertThat(line.received()).isEqualTo(SoundSynthesizer.cdQuality().synthesize(Sound.PASS).littleEndianBytes());
        assertThat(line.getFormat().matches(SoundSynthesizer.cdQuality().synthesize(Sound.PASS).format())).isTrue();
        assertThat(line.awaitClosed()).isTrue();
        assertThat(printed()).isEmpty();
    }

    @Test
    void aDeviceThatStopsTakingBytesIsCutOffWhenTheWaitIsOver() throws Exception {
        RecordingLine line = RecordingLine.hanging();

        Playback playback = playerWith(format -> line).play(Sound.FOGHORN);

        assertThat(playback.awaitEnd(Duration.ofMillis(10))).isFalse();
        assertThat(line.awaitClosed()).isTrue();
        assertThat(playback.awaitEnd(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void fileModeWritesWhatWouldPlayAndSaysWhere() throws Exception {
        Path file = dir.resolve("sound.wav");

        Playback playback = SoundPlayer.to(SoundOutput.file(file), out).play(Sound.BLOCK);

        assertThat(file).hasBinaryContent(WavWriter.bytes(SoundSynthesizer.cdQuality().synthesize(Sound.BLOCK)));
        assertThat(printed()).isEqualTo(line("(BLOCK alarm written to " + file + ")"));
        assertThat(playback.outcome()).isEqualTo(new SoundOutcome(Sound.BLOCK, SoundOutcome.Kind.WRITTEN, file.toString()));
        assertThat(playback.ended()).isTrue();
    }

    @Test
    void fileModeKeepsEverySoundOfTheRunInOrderWithAPauseBetween() throws Exception {
        Path file = dir.resolve("run.wav");
        SoundSynthesizer synth = SoundSynthesizer.cdQuality();
        SoundPlayer player = SoundPlayer.to(SoundOutput.file(file), out);

        player.play(Sound.FOGHORN);
        player.play(Sound.PASS);

        Pcm expected = synth.synthesize(Sound.FOGHORN)
                .then(Pcm.silence(Pcm.CD_RATE, Duration.ofMillis(400)))
                .then(synth.synthesize(Sound.PASS));
        assertThat(WavFile.read(file).samples()).isEqualTo(expected.samples());
        assertThat(printed()).isEqualTo(line("(go-live foghorn written to " + file + ")") + line("(PASS chime written to " + file + ")"));
    }

    @Test
    void fileModeOntoAFolderSaysWhyNothingWasWritten() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("sounds"));

        Playback playback = SoundPlayer.to(SoundOutput.file(folder), out).play(Sound.PASS);

        String reason = "could not write the PASS chime to " + folder + ": it is a folder";
        assertThat(printed()).isEqualTo(line("(" + reason + ")"));
        assertThat(playback.outcome()).isEqualTo(new SoundOutcome(Sound.PASS, SoundOutcome.Kind.FAILED, reason));
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void silentMakesNoSoundAndPrintsNothing() {
        Playback playback = playerWith(format -> {
            throw new AssertionError("a silent run asked for the speakers");
        }).withOutput(SoundOutput.silent()).play(Sound.BLOCK);

        assertThat(printed()).isEmpty();
        assertThat(playback.outcome()).isEqualTo(new SoundOutcome(Sound.BLOCK, SoundOutcome.Kind.SILENT, ""));
    }

    @Test
    void blockGetsTheAlarmAndEveryOtherVerdictTheChime() {
        assertThat(Sound.forVerdict(Verdict.BLOCK)).isEqualTo(Sound.BLOCK);
        assertThat(Sound.forVerdict(Verdict.WARN)).isEqualTo(Sound.PASS);
        assertThat(Sound.forVerdict(Verdict.PASS)).isEqualTo(Sound.PASS);
    }

    private PlayerUnderTest playerWith(Speakers speakers) {
        return new PlayerUnderTest(speakers, SoundOutput.play());
    }

    /** Lets a test pick the output after the speakers, for readability. */
    private final class PlayerUnderTest {
        private final Speakers speakers;
        private final SoundOutput output;

        PlayerUnderTest(Speakers speakers, SoundOutput output) {
            this.speakers = speakers;
            this.output = output;
        }

        PlayerUnderTest withOutput(SoundOutput other) {
            return new PlayerUnderTest(speakers, other);
        }

        Playback play(Sound sound) {
            return new SoundPlayer(output, out, speakers, OPEN_TIMEOUT).play(sound);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
