/**
 * Acting on a verdict: the rollback with its write-ahead log and confirmation, the post-mortem
 * stub, the runbooks, and (in sub-packages) sounds and deploy freeze windows.
 */
package dev.gate.act;
