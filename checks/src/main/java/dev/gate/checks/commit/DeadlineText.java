package dev.gate.checks.commit;

/**
 * Text a regex runs over that gives up at a deadline. Java's regex engine checks neither a
 * deadline nor interrupts, so a suite's regex that backtracks without end over a page would hang
 * the gate; reading the page through this, it stops with {@link Exhausted} instead.
 */
final class DeadlineText implements CharSequence {
    private static final int CHECK_EVERY = 4096;

    private final CharSequence text;
    private final long deadline;
    private int reads;

    DeadlineText(CharSequence text, long deadlineNanos) {
        this.text = text;
        this.deadline = deadlineNanos;
    }

    @Override
    public char charAt(int index) {
        if (++reads % CHECK_EVERY == 0 && System.nanoTime() - deadline > 0) {
            throw new Exhausted();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new DeadlineText(text.subSequence(start, end), deadline);
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** The deadline passed while the regex was still matching. */
    static final class Exhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exhausted() {
            super(null, null, false, false);
        }
    }
}
