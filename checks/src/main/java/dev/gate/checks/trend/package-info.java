/**
 * What normal is across deploys: an endpoint's medians over the deploys that passed, the
 * trip-wire that compares the live release with them, and the search for the deploys at which the
 * level stepped up. Knows nothing of where the history is stored.
 */
package dev.gate.checks.trend;
