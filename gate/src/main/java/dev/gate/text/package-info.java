/** Wording shared by messages: the "did you mean" hints every kind of input error gives. */
package dev.gate.text;
