/**
 * Telling the team: the messages a run sends to chat (Slack's Block Kit), to any webhook (the run
 * record's summary) and to dashboards (a deploy marker), built from the run record, and how they
 * are sent, so that a failed message is a warning and never changes the verdict.
 */
package dev.gate.act.notify;
