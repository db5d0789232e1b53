package dev.gate.checks.page;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The trace of one page of a kept tab. Playwright keeps a context's network log across the chunks
 * of its trace session, so a chunk's {@code trace.zip} lists the requests of every page the tab
 * showed before; this keeps those that started once the chunk did (its first event's wall time),
 * and the bodies only they referred to go with them. What cannot be read is kept: more evidence,
 * never less.
 */
final class TraceChunk {
    private static final String TRACE = "trace.trace";
    private static final String NETWORK = "trace.network";
    private static final String RESOURCES = "resources/";
    /** A body named by its hash: {@code _sha1} in the network log, {@code sha1} or {@code ...Sha1} in snapshots. */
    private static final Pattern SHA1 = Pattern.compile("\"(?:_sha1|sha1|[A-Za-z]+Sha1)\"\\s*:\\s*\"([^\"]+)\"");

    private TraceChunk() {
    }

    /** Rewrites {@code zip} in place (atomically) with only the chunk's own requests. */
    static void trim(Path zip) throws IOException {
        List<String> kept = new ArrayList<>();
        Set<String> dropped = new HashSet<>();
        Set<String> stillUsed = new HashSet<>();
        try (ZipFile in = new ZipFile(zip.toFile())) {
            ZipEntry trace = in.getEntry(TRACE);
            ZipEntry network = in.getEntry(NETWORK);
            if (trace == null || network == null) {
                return;
            }
            String events = read(in, trace);
            Optional<Instant> began = chunkStart(events);
            if (began.isEmpty()) {
                return;
            }
            for (String line : read(in, network).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                Optional<Instant> started = requestStart(line);
                boolean before = started.isPresent() && started.get().isBefore(began.get());
                (before ? dropped : stillUsed).addAll(sha1s(line));
                if (!before) {
                    kept.add(line);
                }
            }
            // the trace's own events may refer to a body too (a snapshot's resources)
            stillUsed.addAll(sha1s(events));
            dropped.removeAll(stillUsed);
            Path tmp = Files.createTempFile(zip.getParent(), ".trace-", ".zip");
            try {
                try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream out = new ZipOutputStream(file)) {
                    for (ZipEntry e : java.util.Collections.list(in.entries())) {
                        String name = e.getName();
                        if (name.startsWith(RESOURCES) && dropped.contains(name.substring(RESOURCES.length()))) {
                            continue;
                        }
                        out.putNextEntry(new ZipEntry(name));
                        if (name.equals(NETWORK)) {
                            out.write((String.join("\n", kept) + (kept.isEmpty() ? "" : "\n")).getBytes(StandardCharsets.UTF_8));
                        } else {
                            try (InputStream body = in.getInputStream(e)) {
                                body.transferTo(out);
                            }
                        }
                        out.closeEntry();
                    }
                }
                Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static String read(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The wall time of the chunk's first event, which Playwright writes as it starts the chunk. */
    private static Optional<Instant> chunkStart(String trace) {
        int end = trace.indexOf('\n');
        return value(object(end < 0 ? trace : trace.substring(0, end)), "wallTime")
                .flatMap(t -> parsed(() -> Instant.ofEpochMilli(t.getAsLong())));
    }

    private static Optional<Instant> requestStart(String line) {
        JsonObject entry = object(line);
        JsonObject snapshot = entry != null && entry.get("snapshot") instanceof JsonObject s ? s : null;
        return value(snapshot, "startedDateTime").flatMap(t -> parsed(() -> Instant.parse(t.getAsString())));
    }

    /** A number or string under {@code key}; empty where there is none. */
    private static Optional<JsonElement> value(JsonObject owner, String key) {
        JsonElement t = owner == null ? null : owner.get(key);
        return t != null && t.isJsonPrimitive() ? Optional.of(t) : Optional.empty();
    }

    /** A time read from a value; empty for one that is not a time. */
    private static Optional<Instant> parsed(java.util.function.Supplier<Instant> read) {
        try {
            return Optional.of(read.get());
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }

    private static JsonObject object(String json) {
        try {
            JsonElement e = JsonParser.parseString(json);
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Set<String> sha1s(String text) {
        Set<String> found = new HashSet<>();
        Matcher m = SHA1.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
