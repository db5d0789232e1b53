package dev.gate.cli;

import dev.gate.io.Io;
import dev.gate.act.sound.SoundOutput;
import dev.gate.act.sound.SoundPlayer;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The sound flags shared by the commands a deployer watches. */
final class SoundOptions {
    @Option(names = "--audible", description = "Play sounds: a foghorn when the release goes live (gate run), "
            + "a rising two-tone for PASS, an alarm for BLOCK. Without an audio device: the terminal bell.")
    boolean audible;

    @Option(names = "--sound-file", paramLabel = "FILE.wav", description = "Write what would play into a WAV file instead.")
    Optional<Path> soundFile;

    SoundPlayer player(Io io) {
        SoundOutput output = soundFile.map(io::resolve).<SoundOutput>map(SoundOutput::file)
                .orElse(audible ? SoundOutput.play() : SoundOutput.silent());
        return SoundPlayer.to(output, io.out());
    }
}
