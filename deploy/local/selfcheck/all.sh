#!/usr/bin/env bash
# Checks that the services started by deploy/local/services.sh really work (not just listen):
#   deploy/local/selfcheck/all.sh            (same env vars as services.sh)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib/common.sh
source "$here/../lib/common.sh"
# shellcheck source=../lib/temporal.sh
source "$here/../lib/temporal.sh"

fail() { echo "selfcheck FAILED: $*" >&2; exit 1; }

for db in c360_dev c360_test; do
  got="$(PGPASSWORD=c360 /usr/lib/postgresql/15/bin/psql -X -At -h 127.0.0.1 -p "$C360_PG_PORT" -U c360 -d "$db" \
    -c 'select current_database() || chr(32) || (select rolsuper from pg_roles where rolname = current_user)')" \
    || fail "postgres: cannot log in as c360 to $db on 127.0.0.1:$C360_PG_PORT"
  [[ "$got" == "$db true" ]] || fail "postgres: unexpected answer from $db: $got"
done
echo "postgres ok: c360/c360 logs in to c360_dev and c360_test on 127.0.0.1:$C360_PG_PORT (superuser)"

temporal_cli operator cluster health | grep -q SERVING || fail "temporal: cluster health is not SERVING"
for ns in "${TEMPORAL_NAMESPACES[@]}"; do
  attrs="$(temporal_cli operator search-attribute list -n "$ns")" || fail "temporal: namespace $ns missing"
  for sa in "${TEMPORAL_SEARCH_ATTRIBUTES[@]}"; do
    grep -Eq "^ *$sa +Keyword" <<<"$attrs" || fail "temporal: search attribute $sa (Keyword) missing on $ns"
  done
done
ui="http://127.0.0.1:$C360_TEMPORAL_UI_PORT"
page="$(curl -fsS "$ui/")" || fail "temporal: UI $ui/ does not answer"
asset="$(grep -o '/_app/immutable/entry/start[^"]*\.js' <<<"$page" | head -n1)"
[[ -n "$asset" ]] || fail "temporal: UI page does not reference its app bundle"
curl -fsS -o /dev/null "$ui$asset" || fail "temporal: UI asset $asset not served"
curl -fsS "$ui/api/v1/namespaces" | grep -q '"c360-test"' || fail "temporal: UI API does not list namespace c360-test"
echo "temporal ok: health SERVING, ${TEMPORAL_SEARCH_ATTRIBUTES[*]} on ${TEMPORAL_NAMESPACES[*]}, UI + API at $ui"

"$here/opensearch-percolator.sh"

cd "$C360_REPO" && node "$here/time-skipping.js"
echo "selfcheck all ok"
