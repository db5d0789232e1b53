/**
 * Files the gate writes: atomically (temporary file, then move) with fixed permissions, and the
 * one JSON configuration every record is read and written with.
 */
package dev.gate.io;
