package dev.gate.suite;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the deploy history lives: an SQLite file (the default, {@code .gate/history.db} in the
 * folder the gate runs in), a PostgreSQL database shared by a team's runners, or nowhere.
 *
 * @param file     the SQLite file; empty for the default or when {@code url} is given
 * @param url      a {@code jdbc:postgresql://} URL
 * @param user     the database user, for a URL
 * @param password the database password, for a URL; a secret of the suite
 */
public record HistorySpec(boolean enabled, Optional<Path> file, Optional<String> url, Optional<String> user,
                          Optional<String> password) {
    /** The default: an SQLite file under {@code .gate} of the working folder. */
    public static final HistorySpec DEFAULT = new HistorySpec(true, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());
    public static final HistorySpec OFF = new HistorySpec(false, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    /** The default file, relative to the working folder. */
    public static final Path DEFAULT_FILE = Path.of(".gate", "history.db");

    public static HistorySpec sqlite(Path file) {
        return new HistorySpec(true, Optional.of(file), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static HistorySpec postgres(String url, Optional<String> user, Optional<String> password) {
        return new HistorySpec(true, Optional.empty(), Optional.of(url), user, password);
    }

    /** The SQLite file this spec names, resolving the default against the working folder. */
    public Path sqliteFile(Path cwd) {
        return cwd.resolve(file.orElse(DEFAULT_FILE)).normalize();
    }

    /**
     * The database as messages name it: the file, or the URL's host, port and database without
     * its query, where drivers accept a password too.
     */
    public String describe(Path cwd) {
        if (url.isEmpty()) {
            return sqliteFile(cwd).toString();
        }
        String u = url.get();
        int query = u.indexOf('?');
        String bare = query < 0 ? u : u.substring(0, query);
        try {
            URI uri = URI.create(bare.substring("jdbc:".length()));
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getPath();
        } catch (RuntimeException e) {
            return "the PostgreSQL database of history.url";
        }
    }
}
