package dev.gate.checks.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads a response body the way its {@code Content-Encoding} says it was written (gzip, deflate
 * with or without its zlib wrapper, identity), holding at most a fixed number of bytes: the cap
 * is held against the bytes on the wire and against the decoded bytes, so neither a huge answer
 * nor a small one that inflates to gigabytes (a gzip bomb) is read past it.
 *
 * <p>Every body the gate keeps goes through here. {@link #readWhole} is for answers that are
 * judged whole (an API's JSON): over the cap is a failure. {@link #readPrefix} is for answers
 * searched for a marker (a page, a version endpoint): the first bytes up to the cap are enough.
 * An encoding the gate cannot decode ({@code br}, {@code zstd}) is a failure with its name,
 * never bytes misread as text; the gate advertises only {@link #ACCEPT_ENCODING}.
 */
public final class BodyReader {
    /** What the gate's clients send as {@code Accept-Encoding}: what this reader decodes. */
    public static final String ACCEPT_ENCODING = "gzip, deflate";
    public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;

    private final long maxBytes;

    /** A body cut at the cap, and whether it was. */
    public record Prefix(byte[] bytes, boolean truncated) {
        public Prefix {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    public BodyReader(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("the body cap must be positive, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * The whole decoded body.
     *
     * @param contentEncoding the values of the response's {@code Content-Encoding} headers
     * @throws UnreadableBodyException over the cap ({@code answer larger than 8 MB}), in an encoding
     *                                 the gate cannot decode, or corrupt
     */
    public byte[] readWhole(InputStream wire, List<String> contentEncoding) throws IOException {
        Prefix read = read(wire, contentEncoding, false);
        if (read.truncated()) {
            throw new UnreadableBodyException("answer larger than " + size(maxBytes));
        }
        return read.bytes;
    }

    /**
     * The decoded body up to the cap.
     *
     * @param wireCut whether the caller already cut the wire bytes short: a compressed stream that
     *                then ends early is a prefix, not a corrupt answer
     */
    public Prefix readPrefix(InputStream wire, List<String> contentEncoding, boolean wireCut) throws IOException {
        return read(wire, contentEncoding, wireCut);
    }

    private Prefix read(InputStream wire, List<String> contentEncoding, boolean wireCut) throws IOException {
        List<String> codings = codings(contentEncoding);
        CountingStream counted = new CountingStream(wire, maxBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = counted;
            // encodings are listed in the order they were applied: undo them last to first
            for (int i = codings.size() - 1; i >= 0; i--) {
                in = decoder(codings.get(i), in);
            }
            while (true) {
                int room = (int) Math.min(buffer.length, maxBytes + 1 - out.size());
                int n = in.read(buffer, 0, room);
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                if (out.size() > maxBytes || counted.over()) {
                    return new Prefix(Arrays.copyOf(out.toByteArray(), (int) Math.min(out.size(), maxBytes)), true);
                }
            }
        } catch (EOFException | ZipException e) {
            if (wireCut || counted.over()) {
                return new Prefix(out.toByteArray(), true);
            }
            // the JDK's EOFException says "Unexpected end of ZLIB input stream", or nothing at all
            String why = e instanceof EOFException || e.getMessage() == null ? "it ends too early" : e.getMessage();
            throw new UnreadableBodyException("the answer is not valid " + String.join(", ", codings) + ": " + why, e);
        }
        return new Prefix(out.toByteArray(), wireCut || counted.over());
    }

    private static List<String> codings(List<String> headerValues) throws UnreadableBodyException {
        List<String> out = new ArrayList<>();
        for (String value : headerValues) {
            for (String part : value.split(",")) {
                String coding = part.trim().toLowerCase(Locale.ROOT);
                if (coding.isEmpty() || coding.equals("identity")) {
                    continue;
                }
                if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("deflate")) {
                    String shown = coding.length() <= 40 ? coding : coding.substring(0, 40) + "…"; // the server's text
                    throw new UnreadableBodyException("the answer is encoded as " + shown
                            + ", which the gate cannot decode (it asks for " + ACCEPT_ENCODING + ")");
                }
                out.add(coding);
            }
        }
        return out;
    }

    private static InputStream decoder(String coding, InputStream in) throws IOException {
        BufferedInputStream peek = new BufferedInputStream(in, 2);
        peek.mark(2);
        int first = peek.read();
        int second = peek.read();
        peek.reset();
        if (first < 0) {
            return peek; // no body (a HEAD, a 204) under an encoding header
        }
        if (coding.equals("deflate")) {
            // RFC 9110 means zlib-wrapped, but some servers send raw deflate: a zlib header tells them apart
            boolean zlib = second >= 0 && (first & 0x0f) == 8 && ((first << 8) | second) % 31 == 0;
            return new InflaterInputStream(peek, new Inflater(!zlib));
        }
        return new GZIPInputStream(peek);
    }

    /** {@code 8 MB}, {@code 512 KB}, {@code 1000 bytes}. */
    public static String size(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }

    /** Counts wire bytes and stops reading them one past the cap. */
    private static final class CountingStream extends InputStream {
        private final InputStream in;
        private final long limit;
        private long count;

        CountingStream(InputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        boolean over() {
            return count > limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (count > limit) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, limit + 1 - count));
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
