package dev.gate.history;

/** One check of a run, as the history keeps it: its line, not its evidence. */
public record CheckRow(String checkId, String kind, String status, long durationMs, String summary) {
}
