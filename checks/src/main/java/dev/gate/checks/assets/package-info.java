/**
 * The previous release's assets: what its build manifest lists (Vite, webpack / Create React App,
 * or a plain list), which of them are lazy chunks, and whether each still answers after a deploy.
 */
package dev.gate.checks.assets;
