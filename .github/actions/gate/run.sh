#!/usr/bin/env bash
# The shell side of the gate's GitHub Action (.github/actions/gate/action.yml), kept here so that it
# runs and is tested the same way on a laptop: point GITHUB_OUTPUT and friends at temporary files.
#
#   run.sh key       cache keys for gate.jar and the Maven repository  (outputs jar-key, jar-path, m2-key)
#   run.sh build     build gate.jar if it is missing
#   run.sh browser   make sure a Chromium or Chrome exists; tell later steps where (GATE_BROWSER)
#   run.sh run       run the gate: verify (default) or baseline      (outputs artifact-path, artifact-name, ...)
#
# Inputs of `run` (environment): GATE_SUITE (required), GATE_MODE verify|baseline, GATE_EXPECT_COMMIT
# (default GITHUB_SHA), GATE_BASELINE, GATE_ROLLBACK true|false, GATE_SHARD K/N, GATE_OUT (the run
# folder, or the baseline file in baseline mode), GATE_ARTIFACT_NAME.
# How the gate is started: GATE_CMD (a command line, split on spaces, e.g. "java -cp CP dev.gate.cli.Main"),
# else `java $(bin/jvm-options $GATE_JAR) $GATE_JAVA_OPTS -jar $GATE_JAR` (default: gate/target/gate.jar of this repository).
# Exit status: the gate's own (0 PASS, 1 BLOCK, 2 invalid input, 3 rollback failed), so the step fails on BLOCK.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
GATE_HOME="${GATE_HOME:-$(cd "$here/../../.." && pwd)}"
GATE_JAR="${GATE_JAR:-$GATE_HOME/gate/target/gate.jar}"

say() { echo "gate-action: $*" >&2; }

# One step output in the multi-line form, safe for any value (GitHub's documented heredoc syntax).
output() {
  local name="$1" value="$2" delimiter="GATE_EOF"
  [ -n "${GITHUB_OUTPUT:-}" ] || return 0
  while [[ "$value" == *"$delimiter"* ]]; do delimiter="${delimiter}_X"; done
  printf '%s<<%s\n%s\n%s\n' "$name" "$delimiter" "$value" "$delimiter" >> "$GITHUB_OUTPUT"
}

# A workflow command's message: % and line breaks escaped, so nothing in it can start a command.
escape_message() {
  local s="${1//'%'/%25}"
  s="${s//$'\r'/%0D}"
  printf '%s' "${s//$'\n'/%0A}"
}

cmd_key() {
  # the jar bundles Playwright's driver for one platform: the key names the platform too
  local sources hash m2
  sources="$(cd "$GATE_HOME" && find pom.xml checks/pom.xml gate/pom.xml checks/src/main gate/src/main \
      -type f 2>/dev/null | LC_ALL=C sort)"
  hash="$(cd "$GATE_HOME" && printf '%s\n' "$sources" | xargs sha256sum | sha256sum | cut -c1-32)"
  m2="$(cd "$GATE_HOME" && cat pom.xml checks/pom.xml gate/pom.xml | sha256sum | cut -c1-32)"
  local platform="${RUNNER_OS:-$(uname -s)}-${RUNNER_ARCH:-$(uname -m)}"
  output jar-key "gate-jar-$platform-$hash"
  output jar-path "$GATE_JAR"
  output m2-key "gate-m2-$platform-$m2"
  echo "gate-jar-$platform-$hash"
}

cmd_build() {
  if [ -f "$GATE_JAR" ]; then
    say "gate.jar restored: $GATE_JAR"
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || { say "Maven is missing and gate.jar is not built; install Maven on the runner"; exit 2; }
  say "building gate.jar in $GATE_HOME (a cache miss: the sources changed or this is the first run)"
  (cd "$GATE_HOME" && mvn -B -q -ntp -DskipTests package)
  [ -f "$GATE_JAR" ] || { say "the build finished but $GATE_JAR is missing"; exit 2; }
}

cmd_browser() {
  if [ -n "${GATE_BROWSER:-}" ]; then
    [ -x "$GATE_BROWSER" ] || { say "GATE_BROWSER=$GATE_BROWSER is not an executable file"; exit 2; }
    say "browser: $GATE_BROWSER (GATE_BROWSER)"
    return 0
  fi
  local b path
  # GitHub's Ubuntu runners ship Google Chrome; use it rather than installing anything
  for b in chromium chromium-browser google-chrome google-chrome-stable chrome; do
    if path="$(command -v "$b" 2>/dev/null)"; then
      say "browser: $path"
      [ -n "${GITHUB_ENV:-}" ] && echo "GATE_BROWSER=$path" >> "$GITHUB_ENV"
      return 0
    fi
  done
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  if command -v apt-get >/dev/null 2>&1 && { [ -z "$sudo" ] || sudo -n true 2>/dev/null; }; then
    say "no Chromium or Chrome found; installing Debian/Ubuntu's chromium with apt-get"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium \
      || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium-browser
    for b in chromium chromium-browser; do
      if path="$(command -v "$b" 2>/dev/null)"; then
        [ -n "${GITHUB_ENV:-}" ] && echo "GATE_BROWSER=$path" >> "$GITHUB_ENV"
        return 0
      fi
    done
  fi
  say "no browser: install Chromium or Chrome on the runner, or set GATE_BROWSER to one"
  exit 2
}

gate() {
  if [ -n "${GATE_CMD:-}" ]; then
    local -a cmd
    read -r -a cmd <<< "$GATE_CMD"
    "${cmd[@]}" "$@"
  else
    [ -f "$GATE_JAR" ] || { say "$GATE_JAR is missing: run '$0 build' first, or set GATE_JAR or GATE_CMD"; return 2; }
    # the options bin/gate runs with (a JVM set for a short command), GATE_JAVA_OPTS after them
    local -a opts=()
    if [ -x "$GATE_HOME/bin/jvm-options" ]; then
      mapfile -t opts < <("$GATE_HOME/bin/jvm-options" "$GATE_JAR")
    fi
    # shellcheck disable=SC2086 # GATE_JAVA_OPTS are meant to split
    java "${opts[@]}" ${GATE_JAVA_OPTS:-} -jar "$GATE_JAR" "$@"
  fi
}

cmd_run() {
  local suite="${GATE_SUITE:-}" mode="${GATE_MODE:-verify}" rollback="${GATE_ROLLBACK:-true}"
  local shard="${GATE_SHARD:-}" expect="${GATE_EXPECT_COMMIT:-${GITHUB_SHA:-}}"
  [ -n "$suite" ] || { say "the input 'suite' is required: the path of the suite YAML"; exit 2; }
  case "$rollback" in true|false) ;; *) say "rollback: expected true or false but was '$rollback'"; exit 2 ;; esac

  local status=0 name path
  case "$mode" in
    baseline)
      # the suite's own default (.gate/<suite name>/baseline.json), so that two suites never share one
      path="${GATE_OUT:-$(gate baseline --suite "$suite" --print-path)}" || exit 2
      name="${GATE_ARTIFACT_NAME:-gate-baseline}"
      output artifact-path "$path"
      output artifact-name "$name"
      gate baseline --suite "$suite" --out "$path" || status=$?
      [ "$status" = 0 ] && output baseline-file "$path"
      output exit-code "$status"
      ;;
    verify)
      [ -n "$expect" ] || { say "no commit to expect: set the input 'expect-commit' (GITHUB_SHA is not set either)"; exit 2; }
      local suffix=""
      [ -z "$shard" ] || suffix="-shard-${shard//\//-of-}"
      path="${GATE_OUT:-$PWD/.gate/runs/github-${GITHUB_RUN_ID:-local}-${GITHUB_RUN_ATTEMPT:-1}$suffix}"
      name="${GATE_ARTIFACT_NAME:-gate-verify$suffix}"
      # known before the gate starts, so the folder is uploaded even if the gate dies early
      output artifact-path "$path"
      output artifact-name "$name"
      local -a args=(verify --suite "$suite" --expect-commit "$expect" --out "$path")
      [ -z "${GATE_BASELINE:-}" ] || args+=(--baseline "$GATE_BASELINE")
      [ "$rollback" = true ] || args+=(--no-rollback)
      [ -z "$shard" ] || args+=(--shard "$shard")
      gate "${args[@]}" || status=$?
      if [ -z "${GITHUB_OUTPUT:-}" ] || ! grep -q '^verdict<<' "$GITHUB_OUTPUT"; then
        # the gate stopped before its reports (invalid suite or flags, or a crash): say so where people look
        output exit-code "$status"
        echo "::error title=gate::$(escape_message "gate exited $status before deciding; its own message is in the log above")"
      fi
      ;;
    watch)
      # hours after a deploy: one round of the latency endpoints against the baseline and the history
      path="${GATE_OUT:-$PWD/.gate/watch}"
      name="${GATE_ARTIFACT_NAME:-gate-watch}"
      output artifact-path "$path"
      output artifact-name "$name"
      local -a watch=(watch --suite "$suite")
      [ -z "${GATE_BASELINE:-}" ] || watch+=(--baseline "$GATE_BASELINE")
      gate "${watch[@]}" || status=$?
      output exit-code "$status"
      ;;
    *)
      say "mode: expected verify, baseline or watch but was '$mode'"
      exit 2
      ;;
  esac
  say "exit $status; the $mode output is uploaded as the artifact '$name' ($path)"
  return "$status"
}

case "${1:-run}" in
  key) cmd_key ;;
  build) cmd_build ;;
  browser) cmd_browser ;;
  run) cmd_run ;;
  *) say "unknown command '$1': expected key, build, browser or run"; exit 2 ;;
esac
