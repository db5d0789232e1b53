/**
 * Rendering the key pages in a real browser (Playwright) and judging what a user would see:
 * the main response, required content, console errors and failed requests.
 */
package dev.gate.checks.page;
