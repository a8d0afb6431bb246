#!/usr/bin/env bash
# Installs, starts, stops and reports the project's real services on this machine (loopback only).
#   deploy/local/services.sh <install|start|stop|status> [postgres|temporal|opensearch|testserver|all]
# Env: C360_CACHE (default ~/.cache/c360), C360_DATA (default <repo>/.data), C360_PG_PORT=55432,
#      C360_TEMPORAL_PORT=7233, C360_TEMPORAL_UI_PORT=8233, C360_OPENSEARCH_PORT=9200,
#      C360_TESTSERVER_PORT=7243, C360_OPENSEARCH_HEAP, C360_TEMPORAL_CODEC_ENDPOINT.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
source "$here/lib/common.sh"
for f in postgres temporal opensearch testserver; do
  # shellcheck disable=SC1090
  source "$here/lib/$f.sh"
done

usage() {
  echo "usage: $0 <install|start|stop|status> [postgres|temporal|opensearch|testserver|all]" >&2
  exit 2
}

action="${1:-}"
target="${2:-all}"
[[ -n "$action" ]] || usage

# "all" starts in dependency-free order; stop goes in reverse.
all_services=(postgres temporal opensearch testserver)
case "$target" in
  all) services=("${all_services[@]}") ;;
  postgres|temporal|opensearch|testserver) services=("$target") ;;
  *) usage ;;
esac

fn_prefix() {
  case "$1" in
    postgres) echo pg ;;
    temporal) echo temporal ;;
    opensearch) echo os ;;
    testserver) echo ts ;;
  esac
}

if [[ "$action" != status && "$(id -u)" != 0 ]]; then
  die "must run as root (it creates service users and runs them through runuser/setpriv)"
fi

case "$action" in
  install)
    ensure_dirs
    for s in "${services[@]}"; do with_lock "$s" "$(fn_prefix "$s")_install"; done
    ;;
  start)
    ensure_dirs
    for s in "${services[@]}"; do with_lock "$s" "$(fn_prefix "$s")_start"; done
    ;;
  stop)
    ensure_dirs
    for ((i = ${#services[@]} - 1; i >= 0; i--)); do
      s="${services[$i]}"
      with_lock "$s" "$(fn_prefix "$s")_stop"
    done
    ;;
  status)
    for s in "${services[@]}"; do "$(fn_prefix "$s")_status"; done
    ;;
  *) usage ;;
esac
