/**
 * The embedded demo: a small shop on loopback whose releases can be switched at run time, good
 * ones and broken ones, with a real git repository whose commits are the releases; and the
 * narration that deploys each release and checks that the gate decides it as expected.
 */
package dev.gate.demo;
