package dev.gate.act.sound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavWriterTest {
    private static final Pcm TINY = new Pcm(8000, new short[] {0, 1, -1, Short.MAX_VALUE, Short.MIN_VALUE});

    @TempDir
    Path dir;

    @Test
    void theHeaderIsTheCanonicalFortyFourBytesOfA16BitMonoPcmWave() {
        byte[] wav = WavWriter.bytes(TINY);
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(wav).hasSize(44 + 10);
        assertThat(ascii(wav, 0)).isEqualTo("RIFF");
        assertThat(b.getInt(4)).isEqualTo(36 + 10);
        assertThat(ascii(wav, 8)).isEqualTo("WAVE");
        assertThat(ascii(wav, 12)).isEqualTo("fmt ");
        assertThat(b.getInt(16)).isEqualTo(16);
        assertThat(b.getShort(20)).isEqualTo((short) 1);
        assertThat(b.getShort(22)).isEqualTo((short) 1);
        assertThat(b.getInt(24)).isEqualTo(8000);
        assertThat(b.getInt(28)).isEqualTo(16_000);
        assertThat(b.getShort(32)).isEqualTo((short) 2);
        assertThat(b.getShort(34)).isEqualTo((short) 16);
        assertThat(ascii(wav, 36)).isEqualTo("data");
        assertThat(b.getInt(40)).isEqualTo(10);
        assertThat(Arrays.copyOfRange(wav, 44, 54))
                .containsExactly(0, 0, 1, 0, 0xff, 0xff, 0xff, 0x7f, 0x00, 0x80);
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
    void writingReplacesTheFileAndLeavesNoTemporaryFileBehind() throws Exception {
        Path file = dir.resolve("out.wav");
        Files.writeString(file, "not a sound");

        WavWriter.write(file, TINY);

        assertThat(file).hasBinaryContent(WavWriter.bytes(TINY));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    private static String ascii(byte[] bytes, int from) {
        return new String(bytes, from, 4, StandardCharsets.US_ASCII);
    }
}
