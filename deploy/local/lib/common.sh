# Shared helpers for deploy/local/services.sh. Sourced, never executed.
# shellcheck shell=bash

C360_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
# shellcheck disable=SC2034 # used by the service files that source this one
C360_DEPLOY_DIR="$C360_REPO/deploy/local"
# The cache lives outside the clone so that a fresh clone (CI) on the same machine reuses the
# slow artefacts (Go build, Maven downloads, unpacked OpenSearch); data is per clone.
C360_CACHE="${C360_CACHE:-$HOME/.cache/c360}"
C360_DATA="${C360_DATA:-$C360_REPO/.data}"
C360_LOG_DIR="$C360_DATA/logs"
C360_RUN_DIR="$C360_DATA/run"

C360_PG_PORT="${C360_PG_PORT:-55432}"
C360_TEMPORAL_PORT="${C360_TEMPORAL_PORT:-7233}"
C360_TEMPORAL_UI_PORT="${C360_TEMPORAL_UI_PORT:-8233}"
C360_OPENSEARCH_PORT="${C360_OPENSEARCH_PORT:-9200}"
C360_TESTSERVER_PORT="${C360_TESTSERVER_PORT:-7243}"

log() { printf '[services] %s\n' "$*" >&2; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }

ensure_dirs() {
  mkdir -p "$C360_CACHE" "$C360_DATA" "$C360_LOG_DIR" "$C360_RUN_DIR"
  # Service users (postgres, opensearch) must be able to traverse into the data folder.
  chmod 755 "$C360_DATA" "$C360_LOG_DIR"
  chmod 755 "$C360_RUN_DIR"
}

now_ms() { date +%s%3N; }

# Fails a start: names the service and its log, and shows the log's tail so CI output is
# enough to diagnose without shell access.
start_failed() {
  local service="$1" logfile="$2" reason="$3"
  {
    printf '[services] ERROR: %s failed to start: %s\n' "$service" "$reason"
    printf '[services] log file: %s\n' "$logfile"
    if [[ -f "$logfile" ]]; then
      printf '[services] last lines of %s:\n' "$logfile"
      tail -n 40 "$logfile" | sed 's/^/    /'
    fi
  } >&2
  exit 1
}

# True when something listens on 127.0.0.1:<port> (TCP connect, no extra tools needed).
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Pid of whatever listens on the port, empty if none or unknown.
port_pid() {
  ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n1
}

# Pidfile-based process tracking; the cmdline check guards against a recycled pid.
pid_alive() {
  local pid="$1" marker="$2"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  [[ -z "$marker" ]] && return 0
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker"
}

pidfile_pid() {
  local f="$C360_RUN_DIR/$1.pid"
  [[ -f "$f" ]] && cat "$f"
}

# Runs a command detached in its own session (so stop can signal the whole group), with all of
# its output appended to the log. Echoes the pid.
spawn_detached() {
  local logfile="$1"; shift
  printf '\n===== %s starting: %s\n' "$(date -Is)" "$*" >>"$logfile"
  # The lock fds (8, 9) must not leak into the daemon, or it would hold the lock forever.
  setsid "$@" >>"$logfile" 2>&1 </dev/null 8>&- 9>&- &
  echo $!
}

# Stops a process group started by spawn_detached: TERM, wait, then KILL.
stop_group() {
  local service="$1" pid="$2" timeout="${3:-30}"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  local i
  for ((i = 0; i < timeout * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  log "$service did not stop within ${timeout}s, killing"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  sleep 0.5
}

rss_of() {
  # RSS (MiB) of the process and all its descendants (postgres backends, a wrapper's JVM); shared
  # memory is counted once per process, so this is an upper bound.
  ps -e -o pid=,ppid=,rss= | awk -v root="$1" '
    { parent[$1] = $2; rss[$1] = $3 }
    END {
      for (p in rss) {
        q = p
        while (q != "" && q != 0 && q != root) q = parent[q]
        if (q == root) total += rss[p]
      }
      printf "%d\n", total / 1024
    }'
}

status_line() {
  # service state pid port extra
  printf '%-11s %-8s pid=%-8s port=%-6s %s\n' "$1" "$2" "${3:--}" "$4" "${5:-}"
}

# Serialises install/start/stop of one service between concurrent callers (several helpers and
# test commands may call "start" at the same time).
with_lock() {
  local name="$1"; shift
  local lockfile="$C360_RUN_DIR/$name.lock"
  (
    flock -w 900 9 || die "timed out waiting for lock $lockfile"
    "$@"
  ) 9>"$lockfile"
}

# Lock for the shared cache (another clone may install at the same time).
with_cache_lock() {
  local name="$1"; shift
  mkdir -p "$C360_CACHE/locks"
  (
    flock -w 1800 8 || die "timed out waiting for cache lock $name"
    "$@"
  ) 8>"$C360_CACHE/locks/$name.lock"
}

# Services that run as their own user need every parent of the data folder to be enterable
# (a clone under /root, which is 0700, would not be).
require_reachable() {
  local user="$1" dir="$2" service="$3"
  runuser -u "$user" -- test -x "$dir" 2>/dev/null \
    || die "$service: user '$user' cannot enter $dir (a parent folder is not world-executable, e.g. /root is 0700); set C360_DATA to a folder outside it"
}
