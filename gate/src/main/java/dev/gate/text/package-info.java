/** Wording and names shared across packages: the "did you mean" hints of every input error, and names made safe for files. */
package dev.gate.text;
