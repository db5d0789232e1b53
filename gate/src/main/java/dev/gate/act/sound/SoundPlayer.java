package dev.gate.act.sound;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Objects;

/**
 * Makes a {@link Sound} heard the way the run asked: through the audio device, into a WAV file, or
 * not at all. Without an audio device it rings the terminal bell and says so in one line; it never
 * throws and never blocks the caller for longer than it takes to ask the device (half a second at
 * most). One player per run: in file mode every sound of the run goes into the one file, in order,
 * with a short silence between, so the file holds exactly what would have played.
 */
public final class SoundPlayer {
    private static final Duration OPEN_TIMEOUT = Duration.ofMillis(500);
    private static final Duration GAP = Duration.ofMillis(400);

    private final SoundOutput output;
    private final PrintStream out;
    private final Speakers speakers;
    private final Duration openTimeout;
    private final SoundSynthesizer synthesizer = SoundSynthesizer.cdQuality();
    private Pcm written;

    SoundPlayer(SoundOutput output, PrintStream out, Speakers speakers, Duration openTimeout) {
        this.output = Objects.requireNonNull(output);
        this.out = Objects.requireNonNull(out);
        this.speakers = speakers;
        this.openTimeout = openTimeout;
    }

    /** A player for the system's audio device; {@code out} gets the bell and the fallback lines. */
    public static SoundPlayer to(SoundOutput output, PrintStream out) {
        return new SoundPlayer(output, out, Speakers.system(), OPEN_TIMEOUT);
    }

    public SoundOutput output() {
        return output;
    }

    /** Starts the sound and returns at once; see {@link Playback#awaitEnd()} to let it finish. */
    public synchronized Playback play(Sound sound) {
        if (output instanceof SoundOutput.Silent) {
            return Playback.finished(new SoundOutcome(sound, SoundOutcome.Kind.SILENT, ""), Duration.ZERO);
        }
        Pcm pcm = synthesizer.synthesize(sound);
        if (output instanceof SoundOutput.File file) {
            return Playback.finished(write(sound, pcm, file), pcm.duration());
        }
        try {
            return LinePlayback.start(sound, pcm, speakers, openTimeout);
        } catch (LinePlayback.Unavailable e) {
            out.print('\u0007');
            out.println("(no audio device: " + sound.description() + " shown as a bell)");
            out.flush();
            return Playback.finished(new SoundOutcome(sound, SoundOutcome.Kind.BELL, e.getMessage()), pcm.duration());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Playback.finished(new SoundOutcome(sound, SoundOutcome.Kind.SILENT, "interrupted"), Duration.ZERO);
        }
    }

    private SoundOutcome write(Sound sound, Pcm pcm, SoundOutput.File file) {
        Pcm all = written == null ? pcm : written.then(Pcm.silence(pcm.sampleRate(), GAP)).then(pcm);
        try {
            if (Files.isDirectory(file.path())) {
                // a move would replace an empty folder without a word
                throw new FileSystemException(file.path().toString(), null, "it is a folder");
            }
            WavWriter.write(file.path(), all);
            written = all;
            out.println("(" + sound.description() + " written to " + file.path() + ")");
            return new SoundOutcome(sound, SoundOutcome.Kind.WRITTEN, file.path().toString());
        } catch (IOException e) {
            String reason = "could not write the " + sound.description() + " to " + file.path() + ": " + reason(e);
            out.println("(" + reason + ")");
            return new SoundOutcome(sound, SoundOutcome.Kind.FAILED, reason);
        }
    }

    /** File system exceptions carry the path as their message; the reason is what a person needs. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
