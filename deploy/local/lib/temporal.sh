# Temporal dev server (CLI v1.5.1 built from the Go module proxy) with its Web UI.
# shellcheck shell=bash

TEMPORAL_VERSION="v1.5.1"
TEMPORAL_BIN_DIR="$C360_CACHE/tools/temporal-$TEMPORAL_VERSION"
TEMPORAL_BIN="$TEMPORAL_BIN_DIR/temporal"
TEMPORAL_DIR="$C360_DATA/temporal"
TEMPORAL_LOG="$C360_LOG_DIR/temporal.log"
TEMPORAL_START_TIMEOUT="${C360_TEMPORAL_START_TIMEOUT:-120}"
# Pinned so that no randomly chosen port can collide with another service's fixed port.
C360_TEMPORAL_HTTP_PORT="${C360_TEMPORAL_HTTP_PORT:-7234}"
C360_TEMPORAL_METRICS_PORT="${C360_TEMPORAL_METRICS_PORT:-7235}"
TEMPORAL_NAMESPACES=(default c360-test)
# Must match SEARCH_ATTRIBUTES in domain (Temporal constants).
TEMPORAL_SEARCH_ATTRIBUTES=(TenantId CustomerId SegmentId WorkflowKind)

temporal_build() {
  [[ -x "$TEMPORAL_BIN" ]] && return 0
  command -v go >/dev/null || die "temporal: go is not installed (needed to build the Temporal CLI)"
  log "temporal: building CLI $TEMPORAL_VERSION from the Go module proxy (cold: ~3-4 min)"
  local t0; t0=$(now_ms)
  mkdir -p "$C360_CACHE/go/mod" "$C360_CACHE/go/build" "$TEMPORAL_BIN_DIR"
  mkdir -p "$C360_LOG_DIR"
  GOMODCACHE="$C360_CACHE/go/mod" GOCACHE="$C360_CACHE/go/build" CGO_ENABLED=0 GOBIN="$TEMPORAL_BIN_DIR" \
    go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_VERSION" >>"$C360_LOG_DIR/temporal-install.log" 2>&1 \
    || { tail -n 30 "$C360_LOG_DIR/temporal-install.log" >&2; die "temporal: go install failed (log: $C360_LOG_DIR/temporal-install.log)"; }
  log "temporal: built $TEMPORAL_BIN in $(( ($(now_ms) - t0) / 1000 )) s"
}

temporal_install() {
  with_cache_lock "temporal-$TEMPORAL_VERSION" temporal_build
  [[ -x "$TEMPORAL_BIN" ]] || die "temporal: $TEMPORAL_BIN missing after install"
  log "temporal: CLI present ($TEMPORAL_BIN)"
}

temporal_pid() {
  local pid; pid="$(pidfile_pid temporal)"
  if pid_alive "$pid" "start-dev"; then echo "$pid"; fi
}

temporal_cli() {
  "$TEMPORAL_BIN" --disable-config-file --disable-config-env --address "127.0.0.1:$C360_TEMPORAL_PORT" "$@"
}

temporal_ready() {
  temporal_cli operator cluster health --command-timeout 3s >/dev/null 2>&1 || return 1
  curl -fsS -o /dev/null --max-time 3 "http://127.0.0.1:$C360_TEMPORAL_UI_PORT/" 2>/dev/null
}

# start-dev registers the attributes only when it creates a namespace; an existing database (or a
# list that grew since) is reconciled here.
temporal_ensure_search_attributes() {
  local ns name existing
  for ns in "${TEMPORAL_NAMESPACES[@]}"; do
    existing="$(temporal_cli operator search-attribute list -n "$ns" -o json 2>>"$TEMPORAL_LOG")" \
      || start_failed temporal "$TEMPORAL_LOG" "cannot list search attributes of namespace $ns"
    for name in "${TEMPORAL_SEARCH_ATTRIBUTES[@]}"; do
      if ! grep -q "\"$name\"" <<<"$existing"; then
        log "temporal: creating search attribute $name on $ns"
        temporal_cli operator search-attribute create -n "$ns" --name "$name" --type Keyword >>"$TEMPORAL_LOG" 2>&1 \
          || start_failed temporal "$TEMPORAL_LOG" "creating search attribute $name on $ns failed"
      fi
    done
  done
}

temporal_start() {
  temporal_install
  ensure_dirs
  local pid; pid="$(temporal_pid)"
  if [[ -n "$pid" ]]; then
    log "temporal: already running (pid $pid)"
    return 0
  fi
  local port
  for port in "$C360_TEMPORAL_PORT" "$C360_TEMPORAL_UI_PORT" "$C360_TEMPORAL_HTTP_PORT" "$C360_TEMPORAL_METRICS_PORT"; do
    if port_open "$port"; then
      start_failed temporal "$TEMPORAL_LOG" "port 127.0.0.1:$port is already in use (pid $(port_pid "$port"))"
    fi
  done
  mkdir -p "$TEMPORAL_DIR"
  local args=(server start-dev --ip 127.0.0.1 --port "$C360_TEMPORAL_PORT" --ui-port "$C360_TEMPORAL_UI_PORT"
    --http-port "$C360_TEMPORAL_HTTP_PORT" --metrics-port "$C360_TEMPORAL_METRICS_PORT"
    --db-filename "$TEMPORAL_DIR/temporal.db" --log-format json --disable-config-file --disable-config-env)
  local ns sa
  for ns in "${TEMPORAL_NAMESPACES[@]}"; do args+=(--namespace "$ns"); done
  for sa in "${TEMPORAL_SEARCH_ATTRIBUTES[@]}"; do args+=(--search-attribute "$sa=Keyword"); done
  if [[ -n "${C360_TEMPORAL_CODEC_ENDPOINT:-}" ]]; then
    args+=(--ui-codec-endpoint "$C360_TEMPORAL_CODEC_ENDPOINT")
  fi
  local t0; t0=$(now_ms)
  pid="$(spawn_detached "$TEMPORAL_LOG" "$TEMPORAL_BIN" "${args[@]}")"
  echo "$pid" >"$C360_RUN_DIR/temporal.pid"
  local deadline=$(( $(date +%s) + TEMPORAL_START_TIMEOUT ))
  until temporal_ready; do
    pid_alive "$pid" "" || start_failed temporal "$TEMPORAL_LOG" "process exited"
    (( $(date +%s) < deadline )) || { stop_group temporal "$pid" 10; start_failed temporal "$TEMPORAL_LOG" "not ready within ${TEMPORAL_START_TIMEOUT}s"; }
    sleep 0.3
  done
  temporal_ensure_search_attributes
  log "temporal: ready on 127.0.0.1:$C360_TEMPORAL_PORT, UI http://127.0.0.1:$C360_TEMPORAL_UI_PORT in $(( $(now_ms) - t0 )) ms (pid $pid)"
}

temporal_stop() {
  local pid; pid="$(temporal_pid)"
  if [[ -z "$pid" ]]; then log "temporal: not running"; rm -f "$C360_RUN_DIR/temporal.pid"; return 0; fi
  stop_group temporal "$pid" 30
  rm -f "$C360_RUN_DIR/temporal.pid"
  log "temporal: stopped"
}

temporal_status() {
  local pid; pid="$(temporal_pid)"
  if [[ -n "$pid" ]]; then
    status_line temporal running "$pid" "$C360_TEMPORAL_PORT" "ui=http://127.0.0.1:$C360_TEMPORAL_UI_PORT rss=$(rss_of "$pid")MiB namespaces=${TEMPORAL_NAMESPACES[*]} log=$TEMPORAL_LOG"
  else
    status_line temporal stopped "" "$C360_TEMPORAL_PORT" "log=$TEMPORAL_LOG"
  fi
}
