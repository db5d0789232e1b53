/**
 * What each command does, as one call the command line makes: a verification from the run to
 * its reports ({@link dev.gate.flow.Verification}), the completion every decided run shares
 * (actions, record, reports), and the world a command touches ({@link dev.gate.flow.Io}).
 */
package dev.gate.flow;
