/**
 * Reports, each rendered from the run record alone: the console, result.json, JUnit XML, the HTML
 * report, the Markdown summary and the GitHub Actions outputs. {@link dev.gate.report.Reports}
 * writes all the files of a run.
 */
package dev.gate.report;
