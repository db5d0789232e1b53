package dev.gate.history;

/** The history could not be opened, read or written. Its message names the database, never its password. */
public final class HistoryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String where;

    public HistoryException(String where, String message) {
        super(message);
        this.where = where;
    }

    public HistoryException(String where, Throwable cause) {
        super(oneLine(cause), cause);
        this.where = where;
    }

    public String where() {
        return where;
    }

    /** The root cause: Flyway's own message spans lines and repeats the URL. */
    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return dev.gate.run.CheckExecutor.oneLine(root);
    }
}
