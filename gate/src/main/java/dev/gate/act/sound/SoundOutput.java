package dev.gate.act.sound;

import java.nio.file.Path;
import java.util.Objects;

/** Where a sound goes: the speakers, a WAV file ({@code --sound-file}), or nowhere. */
public sealed interface SoundOutput {

    static SoundOutput play() {
        return new Play();
    }

    static SoundOutput file(Path wav) {
        return new File(wav);
    }

    static SoundOutput silent() {
        return new Silent();
    }

    /** Through the audio device, or the terminal bell where there is none. */
    record Play() implements SoundOutput {
    }

    /** Into a WAV file instead of the speakers: what would have played, for tests and for CI. */
    record File(Path path) implements SoundOutput {
        public File {
            Objects.requireNonNull(path);
        }
    }

    /** No sound at all: the run was not asked to be audible. */
    record Silent() implements SoundOutput {
    }
}
