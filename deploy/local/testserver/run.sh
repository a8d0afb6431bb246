#!/usr/bin/env bash
# Temporal time-skipping test server, loopback only.
#   run.sh <port> [--enable-time-skipping]
# This is the executable given to @temporalio/testing as
#   TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } })
# which runs it as `<path> <port>` (plus any server.extraArgs) and kills this pid at teardown, so the
# script must exec the JVM (no child left behind) and be listening within the SDK's 5 s.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib/common.sh
source "$here/../lib/common.sh"
# shellcheck source=../lib/temporal.sh
source "$here/../lib/temporal.sh"
# shellcheck source=../lib/testserver.sh
source "$here/../lib/testserver.sh"

[[ $# -ge 1 && "$1" =~ ^[0-9]+$ ]] || { echo "usage: $0 <port> [--enable-time-skipping]" >&2; exit 2; }

home="$(ts_home)"
if [[ ! -f "$home/.complete" ]]; then
  # First use on this machine: build once (takes longer than the SDK waits; the next start is fast).
  mkdir -p "$C360_LOG_DIR"
  with_cache_lock "temporal-test-server" ts_build >&2
fi
java_home="$(cat "$home/java_home")"

read -r -a jvm_flags <<<"$(ts_jvm_flags)"
if [[ -s "$home/app.jsa" ]]; then
  jvm_flags+=(-XX:SharedArchiveFile="$home/app.jsa" -Xshare:auto)
else
  jvm_flags+=(-Xshare:auto)
fi

# Everything the server prints goes to the shared log rather than into the test runner's output.
if [[ -z "${C360_TESTSERVER_LOG_TO_STDOUT:-}" ]]; then
  mkdir -p "$C360_LOG_DIR"
  exec >>"$C360_LOG_DIR/testserver.log" 2>&1
  printf '===== %s run.sh pid %s args: %s\n' "$(date -Is)" "$$" "$*"
fi
exec "$java_home/bin/java" "${jvm_flags[@]}" -cp "$(<"$home/classpath")" local.c360.LoopbackTestServer "$@"
