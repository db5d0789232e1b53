package dev.gate.act.sound;

import dev.gate.io.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Writes PCM as a WAVE file through javax.sound ({@link AudioSystem#write}), so the header is the
 * JDK's and any player, sox or javax.sound reads it.
 */
public final class WavWriter {
    private WavWriter() {
    }

    /**
     * Writes the file atomically, so a reader never sees half a sound: {@code AudioSystem.write} to
     * a file writes it in place, so the sound is written to memory (a few hundred KB) and then
     * moved into place by {@link AtomicFiles}.
     */
    public static void write(Path file, Pcm pcm) throws IOException {
        AtomicFiles.write(file, bytes(pcm));
    }

    /** The whole WAVE file, header and samples. */
    public static byte[] bytes(Pcm pcm) throws IOException {
        byte[] data = pcm.littleEndianBytes();
        ByteArrayOutputStream wav = new ByteArrayOutputStream(data.length + 64);
        // the length must be given: a WAVE header written to a stream cannot be patched afterwards
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(data), pcm.format(), pcm.frameCount())) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav);
        }
        return wav.toByteArray();
    }
}
