package dev.gate.act.sound;

import dev.gate.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes PCM as a canonical RIFF/WAVE file: a 44-byte header (format chunk for 16-bit PCM, then the
 * data chunk) and the little-endian samples. Any player, sox or javax.sound reads it.
 */
public final class WavWriter {
    private static final int HEADER_BYTES = 44;

    private WavWriter() {
    }

    /** Writes the file atomically, so a reader never sees half a sound. */
    public static void write(Path file, Pcm pcm) throws IOException {
        AtomicFiles.write(file, bytes(pcm));
    }

    public static byte[] bytes(Pcm pcm) {
        byte[] data = pcm.littleEndianBytes();
        int channels = 1;
        int bytesPerSample = 2;
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII));
        b.putInt(HEADER_BYTES - 8 + data.length);
        b.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII));
        b.putInt(16);
        b.putShort((short) 1);
        b.putShort((short) channels);
        b.putInt(pcm.sampleRate());
        b.putInt(pcm.sampleRate() * channels * bytesPerSample);
        b.putShort((short) (channels * bytesPerSample));
        b.putShort((short) (8 * bytesPerSample));
        b.put("data".getBytes(StandardCharsets.US_ASCII));
        b.putInt(data.length);
        b.put(data);
        return b.array();
    }
}
