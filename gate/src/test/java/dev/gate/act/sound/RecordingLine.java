package dev.gate.act.sound;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Control;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineListener;
import javax.sound.sampled.SourceDataLine;

/**
 * A stand-in for an audio device's line (the JDK's interface, not ours): it keeps what it is sent,
 * or, when told to, stops taking bytes like a device whose driver hangs, until it is closed.
 */
final class RecordingLine implements SourceDataLine {
    private final boolean hangs;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean started;
    private AudioFormat format;

    private RecordingLine(boolean hangs) {
        this.hangs = hangs;
    }

    static RecordingLine recording() {
        return new RecordingLine(false);
    }

    static RecordingLine hanging() {
        return new RecordingLine(true);
    }

    synchronized byte[] received() {
        return received.toByteArray();
    }

    boolean started() {
        return started;
    }

    /** Waits for the player to close the line; the bound only keeps a broken player from hanging the build. */
    boolean awaitClosed() throws InterruptedException {
        return closed.await(10, TimeUnit.SECONDS);
    }

    @Override
    public int write(byte[] b, int off, int len) {
        if (hangs) {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
        synchronized (this) {
            received.write(b, off, len);
        }
        return len;
    }

    @Override
    public void open(AudioFormat format, int bufferSize) {
        this.format = format;
    }

    @Override
    public void open(AudioFormat format) {
        this.format = format;
    }

    @Override
    public void open() {
    }

    @Override
    public void close() {
        closed.countDown();
    }

    @Override
    public boolean isOpen() {
        return closed.getCount() > 0;
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public void stop() {
        started = false;
    }

    @Override
    public void drain() {
    }

    @Override
    public void flush() {
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    @Override
    public boolean isActive() {
        return started;
    }

    @Override
    public AudioFormat getFormat() {
        return format;
    }

    @Override
    public int getBufferSize() {
        return 4096;
    }

    @Override
    public int available() {
        return 4096;
    }

    @Override
    public int getFramePosition() {
        return 0;
    }

    @Override
    public long getLongFramePosition() {
        return 0;
    }

    @Override
    public long getMicrosecondPosition() {
        return 0;
    }

    @Override
    public float getLevel() {
        return AudioSystem.NOT_SPECIFIED;
    }

    @Override
    public Line.Info getLineInfo() {
        return new Line.Info(SourceDataLine.class);
    }

    @Override
    public Control[] getControls() {
        return new Control[0];
    }

    @Override
    public boolean isControlSupported(Control.Type control) {
        return false;
    }

    @Override
    public Control getControl(Control.Type control) {
        throw new IllegalArgumentException("no controls");
    }

    @Override
    public void addLineListener(LineListener listener) {
    }

    @Override
    public void removeLineListener(LineListener listener) {
    }
}
