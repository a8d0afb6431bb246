# PostgreSQL 15 (Debian binaries), our own cluster under $C360_DATA/postgres.
# shellcheck shell=bash

PG_BIN="/usr/lib/postgresql/15/bin"
PG_DIR="$C360_DATA/postgres"
PG_LOG="$C360_LOG_DIR/postgres.log"
PG_START_TIMEOUT="${C360_PG_START_TIMEOUT:-60}"

# Unix socket for local admin (peer auth as postgres). Socket paths are limited to ~107 bytes,
# so deep data folders fall back to /tmp (the socket name carries the port, so clones on other
# ports do not collide).
pg_socket_dir() {
  local d="$C360_RUN_DIR/postgres"
  if (( ${#d} + 20 > 100 )); then d="/tmp"; fi
  echo "$d"
}

pg_as_postgres() { runuser -u postgres -- "$@"; }

pg_install() {
  if [[ -x "$PG_BIN/initdb" ]]; then
    log "postgres: binaries present ($PG_BIN)"
    return 0
  fi
  log "postgres: installing postgresql-15 from Debian"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y postgresql-15; then
    { apt-get update && apt-get install -y postgresql-15; } || die "postgres: apt-get install postgresql-15 failed"
  fi
  # The Debian package creates and may start a default cluster 15/main on 5432; we do not use it.
  [[ -x "$PG_BIN/initdb" ]] || die "postgres: $PG_BIN/initdb still missing after install"
}

pg_pid() {
  [[ -f "$PG_DIR/postmaster.pid" ]] || return 0
  local pid
  pid="$(head -n1 "$PG_DIR/postmaster.pid")"
  if pid_alive "$pid" "postgres"; then echo "$pid"; fi
}

pg_init_cluster() {
  [[ -f "$PG_DIR/PG_VERSION" ]] && return 0
  log "postgres: initdb $PG_DIR"
  mkdir -p "$PG_DIR"
  chown postgres:postgres "$PG_DIR"
  chmod 700 "$PG_DIR"
  pg_as_postgres "$PG_BIN/initdb" -D "$PG_DIR" -U postgres --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=peer --auth-host=scram-sha-256 >>"$PG_LOG" 2>&1 \
    || start_failed postgres "$PG_LOG" "initdb failed"
  # Everything is loopback-only; durability is traded for speed because dev/test data are
  # re-creatable (tests recreate their database per run).
  cat >>"$PG_DIR/postgresql.conf" <<CONF

# --- c360 local settings (deploy/local/lib/postgres.sh) ---
listen_addresses = '127.0.0.1'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
CONF
}

pg_start() {
  pg_install
  ensure_dirs
  require_reachable postgres "$C360_DATA" postgres
  touch "$PG_LOG" && chown postgres:postgres "$PG_LOG"
  local pid
  pid="$(pg_pid)"
  if [[ -n "$pid" ]]; then
    log "postgres: already running (pid $pid)"
    return 0
  fi
  if port_open "$C360_PG_PORT"; then
    start_failed postgres "$PG_LOG" "port 127.0.0.1:$C360_PG_PORT is already in use by another process (pid $(port_pid "$C360_PG_PORT")); set C360_PG_PORT"
  fi
  pg_init_cluster
  local sock; sock="$(pg_socket_dir)"
  mkdir -p "$sock"; [[ "$sock" == /tmp ]] || { chown postgres:postgres "$sock"; chmod 755 "$sock"; }
  local t0; t0=$(now_ms)
  # Port and socket are passed on the command line so that C360_PG_PORT always wins over the
  # conf file written at initdb time.
  pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR" -l "$PG_LOG" -w -t "$PG_START_TIMEOUT" \
    -o "-p $C360_PG_PORT -k $sock -c listen_addresses=127.0.0.1" start >/dev/null 2>>"$PG_LOG" 8>&- 9>&- \
    || start_failed postgres "$PG_LOG" "pg_ctl start did not report ready within ${PG_START_TIMEOUT}s"
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$C360_PG_PORT" \
    || start_failed postgres "$PG_LOG" "not accepting TCP connections on 127.0.0.1:$C360_PG_PORT"
  pg_bootstrap_roles
  log "postgres: ready on 127.0.0.1:$C360_PG_PORT in $(( $(now_ms) - t0 )) ms (pid $(pg_pid))"
}

pg_psql_admin() {
  pg_as_postgres "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$(pg_socket_dir)" -p "$C360_PG_PORT" -U postgres -d postgres
}

pg_bootstrap_roles() {
  # Superuser for dev so migrations and tests can create and drop databases.
  pg_psql_admin >>"$PG_LOG" 2>&1 <<'SQL' || start_failed postgres "$PG_LOG" "creating role/databases failed"
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'c360') THEN
    CREATE ROLE c360 LOGIN SUPERUSER PASSWORD 'c360';
  END IF;
END
$$;
SELECT 'CREATE DATABASE c360_dev OWNER c360' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'c360_dev')\gexec
SELECT 'CREATE DATABASE c360_test OWNER c360' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'c360_test')\gexec
SQL
  PGPASSWORD=c360 "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$C360_PG_PORT" -U c360 -d c360_test -c 'select 1' >/dev/null 2>>"$PG_LOG" \
    || start_failed postgres "$PG_LOG" "role c360 cannot log in to c360_test over TCP"
}

pg_stop() {
  local pid; pid="$(pg_pid)"
  if [[ -z "$pid" ]]; then log "postgres: not running"; return 0; fi
  pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR" -m fast -w -t 60 stop >/dev/null 2>>"$PG_LOG" \
    || die "postgres: pg_ctl stop failed (see $PG_LOG)"
  log "postgres: stopped"
}

pg_status() {
  local pid; pid="$(pg_pid)"
  if [[ -n "$pid" ]]; then
    status_line postgres running "$pid" "$C360_PG_PORT" "rss=$(rss_of "$pid")MiB url=postgres://c360:c360@127.0.0.1:$C360_PG_PORT/{c360_dev,c360_test} log=$PG_LOG"
  else
    status_line postgres stopped "" "$C360_PG_PORT" "log=$PG_LOG"
  fi
}
