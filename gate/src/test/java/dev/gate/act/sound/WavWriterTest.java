package dev.gate.act.sound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What was written is read back through javax.sound, the way any other program would see it. */
class WavWriterTest {
    private static final Pcm TINY = new Pcm(8000, new short[] {0, 1, -1, Short.MAX_VALUE, Short.MIN_VALUE});

    @TempDir
    Path dir;

    @Test
    void theFileIsASixteenBitMonoLittleEndianPcmWaveAtTheSoundsRate() throws Exception {
        Path file = dir.resolve("tiny.wav");
        WavWriter.write(file, TINY);

        AudioFileFormat fileFormat = AudioSystem.getAudioFileFormat(file.toFile());
        AudioFormat format = fileFormat.getFormat();

        assertThat(fileFormat.getType()).isEqualTo(AudioFileFormat.Type.WAVE);
        assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
        assertThat(format.getSampleSizeInBits()).isEqualTo(16);
        assertThat(format.getChannels()).isEqualTo(1);
        assertThat(format.isBigEndian()).isFalse();
        assertThat(format.getSampleRate()).isEqualTo(8000f);
        assertThat(fileFormat.getFrameLength()).isEqualTo(5);
    }

    @Test
    void javaSoundReadsBackTheSamplesThatWereWritten() throws Exception {
        Path file = dir.resolve("tiny.wav");
        WavWriter.write(file, TINY);

        WavFile wav = WavFile.read(file);

        assertThat(wav.frames()).isEqualTo(5);
        assertThat(wav.format().getSampleRate()).isEqualTo(8000f);
        assertThat(wav.samples()).containsExactly(TINY.samples());
    }

    @Test
    void aSecondOfCdQualitySoundKeepsEveryFrameAndItsLength() throws Exception {
        Pcm second = Pcm.silence(Pcm.CD_RATE, Duration.ofSeconds(1)).then(new Pcm(Pcm.CD_RATE, TINY.samples()));
        Path file = dir.resolve("second.wav");
        WavWriter.write(file, second);

        WavFile wav = WavFile.read(file);

        assertThat(wav.frames()).isEqualTo(Pcm.CD_RATE + 5);
        assertThat(wav.rate()).isEqualTo(Pcm.CD_RATE);
        assertThat(wav.samples()).containsExactly(second.samples());
    }

    @Test
    void writingReplacesTheFileAndLeavesNoTemporaryFileBehind() throws Exception {
        Path file = dir.resolve("out.wav");
        Files.writeString(file, "not a sound");

        WavWriter.write(file, TINY);

        assertThat(file).hasBinaryContent(WavWriter.bytes(TINY));
        assertThat(WavFile.read(file).samples()).containsExactly(TINY.samples());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
