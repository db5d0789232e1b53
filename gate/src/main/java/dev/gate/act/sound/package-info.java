/**
 * The gate's sounds, synthesized rather than shipped as files: a foghorn when a release goes live,
 * a rising chime for PASS and an alarm for BLOCK. They play through javax.sound.sampled, fall back
 * to the terminal bell where no audio device exists, or are written to a WAV file.
 */
package dev.gate.act.sound;
