/**
 * The embedded demo: a small shop on loopback whose releases can be switched at run time, good
 * ones and broken ones, with a real git repository whose commits are the releases.
 */
package dev.gate.demo;
