/** Git through JGit: the expected commit from a checkout, and the commits between two releases. */
package dev.gate.git;
