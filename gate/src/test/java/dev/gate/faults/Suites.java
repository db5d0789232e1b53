package dev.gate.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Suites and scripts the fault tests write: short timeouts, so that a fault costs seconds. */
final class Suites {
    static final String NEW = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";
    static final String OLD = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";

    private Suites() {
    }

    /** A suite with one key page, {@code /}, the commit read from its meta tag. */
    static String onePage(URI target, String extra) {
        return "name: shop\ntarget: " + target + "\n"
                + "timeouts: { request: 1s, page: 20s, run: 2m }\n"
                + "commit: { converge: { consecutive: 1, timeout: 3s, interval: 500ms } }\n"
                + "pages:\n  - { id: home, path: / }\n" + extra;
    }

    /** A suite of API calls only, the commit read from {@code /version}: no browser is started. */
    static String apisOnly(URI target, String extra) {
        return "name: api\ntarget: " + target + "\n"
                + "timeouts: { request: 1s, page: 20s, run: 2m }\n"
                + "commit: { marker: { json: /version, field: commit }, converge: { consecutive: 1, timeout: 3s, interval: 500ms } }\n"
                + "apis:\n  - { id: health, request: { path: /api/health }, expect: { json: { status: ok } } }\n" + extra;
    }

    static Path write(Path dir, String name, String yaml) {
        try {
            return Files.writeString(dir.resolve(name), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An executable {@code sh} script. */
    static Path script(Path dir, String name, String body) {
        try {
            Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\n" + body + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A YAML flow list of strings, each quoted. */
    static String argv(String... args) {
        StringBuilder s = new StringBuilder("[");
        for (String a : args) {
            s.append(s.length() == 1 ? "" : ", ").append('"').append(a.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return s.append(']').toString();
    }
}
