package dev.gate.act.sound;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A sound that was started. Playing happens on a daemon thread, so the caller goes on at once and
 * a stuck audio driver can never keep the JVM alive; a caller that wants the sound heard to the end
 * (the verdict sound just before the process exits) waits with {@link #awaitEnd()}, which is
 * bounded by the sound's length plus a second.
 */
public final class Playback {
    static final Duration GRACE = Duration.ofSeconds(1);

    private final SoundOutcome outcome;
    private final Duration length;
    private final CountDownLatch ended;
    private final Runnable stopper;

    Playback(SoundOutcome outcome, Duration length, CountDownLatch ended, Runnable stopper) {
        this.outcome = outcome;
        this.length = length;
        this.ended = ended;
        this.stopper = stopper;
    }

    /** Nothing is playing: the sound was a bell, a file, or nothing. */
    static Playback finished(SoundOutcome outcome, Duration length) {
        return new Playback(outcome, length, new CountDownLatch(0), () -> { });
    }

    public SoundOutcome outcome() {
        return outcome;
    }

    /** How long the sound lasts. */
    public Duration length() {
        return length;
    }

    public boolean ended() {
        return ended.getCount() == 0;
    }

    /** Waits until the sound has played, at most its length plus a second; then stops it. */
    public boolean awaitEnd() throws InterruptedException {
        return awaitEnd(length.plus(GRACE));
    }

    /** Waits at most {@code max} for the sound to end; stops it if it has not. True if it ended. */
    public boolean awaitEnd(Duration max) throws InterruptedException {
        if (ended.await(max.toNanos(), TimeUnit.NANOSECONDS)) {
            return true;
        }
        stop();
        return false;
    }

    /** Cuts the sound off (as on Ctrl-C); does nothing when it has ended. */
    public void stop() {
        stopper.run();
    }
}
