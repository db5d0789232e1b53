/**
 * The suite: YAML in the user's repository, read into immutable records and validated before
 * anything is probed. Every problem is reported at once, each with file, line and column.
 */
package dev.gate.suite;
