/**
 * Acting on a verdict: the rollback with its write-ahead log and confirmation, the post-mortem
 * stub, the runbooks, and (in a sub-package) sounds.
 */
package dev.gate.act;
