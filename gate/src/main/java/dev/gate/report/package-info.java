/**
 * Reports, each rendered from the run record alone: the console, result.json, and (with later
 * work) JUnit XML, HTML, Markdown and GitHub Actions outputs.
 */
package dev.gate.report;
