package dev.gate.act.sound;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * Plays PCM on a line from the speakers, on its own daemon thread. Even opening the line happens
 * there: some sound servers answer slowly or never, and the caller waits for an answer only for a
 * bounded time before falling back to the bell.
 */
final class LinePlayback {
    private static final int CHUNK_BYTES = 4096;

    private LinePlayback() {
    }

    /** Why there is no sound from the device; the player turns it into the bell. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    static Playback start(Sound sound, Pcm pcm, Speakers speakers, Duration openTimeout)
            throws Unavailable, InterruptedException {
        CompletableFuture<SourceDataLine> opened = new CompletableFuture<>();
        CountDownLatch ended = new CountDownLatch(1);
        AtomicBoolean stopped = new AtomicBoolean();
        Thread worker = new Thread(() -> play(pcm, speakers, opened, stopped, ended), "gate-sound-" + sound.name());
        worker.setDaemon(true);
        worker.start();
        SourceDataLine line = awaitOpen(opened, openTimeout);
        Runnable stopper = () -> {
            stopped.set(true);
            // closing unblocks a write or drain that waits on the device
            line.close();
        };
        return new Playback(new SoundOutcome(sound, SoundOutcome.Kind.PLAYED, ""), pcm.duration(), ended, stopper);
    }

    private static SourceDataLine awaitOpen(CompletableFuture<SourceDataLine> opened, Duration timeout)
            throws Unavailable, InterruptedException {
        try {
            return opened.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            String late = "the audio device did not answer within " + timeout.toMillis() + " ms";
            // the worker may have opened the line in the meantime; if not, it closes it when it does
            if (opened.completeExceptionally(new LineUnavailableException(late))) {
                throw new Unavailable(late);
            }
            return awaitOpen(opened, timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String message = cause.getMessage();
            // one line for the run record, though some of these messages span three
            throw new Unavailable(message == null || message.isBlank()
                    ? cause.getClass().getSimpleName() : message.replaceAll("\\s+", " ").strip());
        } catch (InterruptedException e) {
            opened.completeExceptionally(new LineUnavailableException("interrupted"));
            throw e;
        }
    }

    private static void play(Pcm pcm, Speakers speakers, CompletableFuture<SourceDataLine> opened,
                             AtomicBoolean stopped, CountDownLatch ended) {
        SourceDataLine line = null;
        try {
            line = speakers.open(pcm.format());
            if (!opened.complete(line)) {
                return;
            }
            line.start();
            byte[] bytes = pcm.littleEndianBytes();
            for (int off = 0; off < bytes.length && !stopped.get(); off += CHUNK_BYTES) {
                line.write(bytes, off, Math.min(CHUNK_BYTES, bytes.length - off));
            }
            if (!stopped.get()) {
                line.drain();
            }
        } catch (LineUnavailableException | RuntimeException e) {
            // sound is a courtesy: whatever the audio system throws (no mixer, a headless AWT
            // toolkit, a security manager) becomes the bell, never a failed gate
            opened.completeExceptionally(e);
        } finally {
            if (line != null) {
                line.close();
            }
            ended.countDown();
        }
    }
}
