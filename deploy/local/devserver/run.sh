#!/usr/bin/env bash
# A private Temporal dev server, loopback only, headless, for tests that must stop and restart
# Temporal (the shared one serves every other test): same CLI, namespaces and search attributes
# as deploy/local/lib/temporal.sh, persisted in the given SQLite file so a restart keeps its state.
#   run.sh <grpc-port> <http-port> <metrics-port> <db-file>
# It execs the server, so killing this pid stops it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib/common.sh
source "$here/../lib/common.sh"
# shellcheck source=../lib/temporal.sh
source "$here/../lib/temporal.sh"

[[ $# -eq 4 ]] || { echo "usage: $0 <grpc-port> <http-port> <metrics-port> <db-file>" >&2; exit 2; }
[[ -x "$TEMPORAL_BIN" ]] || { echo "temporal CLI missing ($TEMPORAL_BIN): run deploy/local/services.sh install temporal" >&2; exit 1; }

args=(server start-dev --headless --ip 127.0.0.1 --port "$1" --http-port "$2" --metrics-port "$3"
  --db-filename "$4" --log-format json --log-level warn --disable-config-file --disable-config-env)
for ns in "${TEMPORAL_NAMESPACES[@]}"; do args+=(--namespace "$ns"); done
for sa in "${TEMPORAL_SEARCH_ATTRIBUTES[@]}"; do args+=(--search-attribute "$sa=Keyword"); done
exec "$TEMPORAL_BIN" "${args[@]}"
