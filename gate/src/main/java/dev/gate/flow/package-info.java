/**
 * What each command does, as one call the command line makes: a verification from the run to its
 * reports ({@link dev.gate.flow.Verification}), a post-mortem stub from a saved record
 * ({@link dev.gate.flow.PostmortemFromRecord}), the deployer's local run of baseline, deploy and
 * verification ({@link dev.gate.flow.LocalRun}), a merge of shards ({@link dev.gate.flow.ShardVerdict}),
 * the completion every decided run shares ({@link dev.gate.flow.Completion}: actions, record,
 * reports), and the command's one browser ({@link dev.gate.flow.Browsers}).
 */
package dev.gate.flow;
