/**
 * The gate's contact with its machine: files written atomically (temporary file, then move) with
 * fixed permissions, the one JSON configuration every record is read and written with, and what a
 * command touches of the outside world (streams, environment, folder, clock, signals).
 */
package dev.gate.io;
