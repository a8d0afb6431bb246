# Temporal's Java time-skipping test server (Maven Central io.temporal:temporal-test-server),
# launched through deploy/local/testserver/run.sh with a loopback-only main of our own.
# shellcheck shell=bash

TS_SRC_DIR="$C360_DEPLOY_DIR/testserver"
TS_VERSION="$(sed -n 's:.*<temporal.testserver.version>\(.*\)</temporal.testserver.version>.*:\1:p' "$TS_SRC_DIR/pom.xml")"
C360_MAVEN_REPO="${C360_MAVEN_REPO:-$C360_CACHE/maven}"
TS_LOG="$C360_LOG_DIR/testserver.log"
TS_START_TIMEOUT="${C360_TESTSERVER_START_TIMEOUT:-60}"

# Java for the test server: Temurin 25 when present (faster start, AOT/CDS), else the default JDK.
ts_java_home() {
  if [[ -n "${C360_TESTSERVER_JAVA_HOME:-}" ]]; then echo "$C360_TESTSERVER_JAVA_HOME"
  elif [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then echo /usr/lib/jvm/temurin-25-jdk-amd64
  else dirname "$(dirname "$(readlink -f "$(command -v java)")")"
  fi
}

# The install folder is keyed by the content of what it is built from (pom, launcher source,
# Java version), so an edit or another JDK never reuses a stale build and builds never overwrite
# one another.
ts_home() {
  local java_home; java_home="$(ts_java_home)"
  local key
  key="$( { cat "$TS_SRC_DIR/pom.xml" "$TS_SRC_DIR/LoopbackTestServer.java"; "$java_home/bin/java" -version 2>&1; } | sha256sum | cut -c1-12)"
  echo "$C360_CACHE/tools/temporal-test-server-$TS_VERSION-$key"
}

ts_build() {
  local home; home="$(ts_home)"
  [[ -f "$home/.complete" ]] && return 0
  local java_home; java_home="$(ts_java_home)"
  [[ -x "$java_home/bin/javac" ]] || die "testserver: no javac in $java_home (set C360_TESTSERVER_JAVA_HOME to a JDK)"
  command -v mvn >/dev/null || die "testserver: mvn is not installed"
  local t0; t0=$(now_ms)
  local tmp="$home.tmp.$$" ilog="$C360_LOG_DIR/testserver-install.log"
  mkdir -p "$C360_LOG_DIR"
  rm -rf "$tmp"; mkdir -p "$tmp/lib" "$tmp/classes"
  log "testserver: resolving io.temporal:temporal-test-server:$TS_VERSION and its runtime dependencies from Maven Central"
  mvn -q -B -f "$TS_SRC_DIR/pom.xml" -Dmaven.repo.local="$C360_MAVEN_REPO" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp/lib" >>"$ilog" 2>&1 \
    || { rm -rf "$tmp"; tail -n 30 "$ilog" >&2; die "testserver: mvn dependency:copy-dependencies failed (log: $ilog)"; }
  { "$java_home/bin/javac" --release 17 -nowarn -cp "$tmp/lib/*" -d "$tmp/classes" "$TS_SRC_DIR/LoopbackTestServer.java" \
      && "$java_home/bin/jar" --create --file "$tmp/lib/c360-loopback-test-server.jar" -C "$tmp/classes" . ; } >>"$ilog" 2>&1 \
    || { rm -rf "$tmp"; tail -n 30 "$ilog" >&2; die "testserver: compiling LoopbackTestServer.java failed (log: $ilog)"; }
  rm -rf "$tmp/classes"
  echo "$java_home" >"$tmp/java_home"
  chmod -R a+rX "$tmp"
  rm -rf "$home"; mv "$tmp" "$home"
  # An explicit, ordered class path: the class-data archive is only used when the class path
  # matches the one it was recorded with (a wildcard gives no order guarantee).
  find "$home/lib" -maxdepth 1 -name '*.jar' | LC_ALL=C sort | paste -sd: - >"$home/classpath"
  ts_train_archive "$home" "$java_home" >>"$ilog" 2>&1 || log "testserver: class-data archive not built (start will be slower), see $ilog"
  chmod -R a+rX "$home"
  touch "$home/.complete"
  log "testserver: installed $home in $(( ($(now_ms) - t0) / 1000 )) s"
}

# Start-up must fit the SDK's 5 s limit on a busy 2-core machine: a class-data archive recorded from
# one real start and one request (gRPC, Netty, protobuf and the test service classes) saves most of
# the JVM's class loading. Recorded at install time in the final folder, reused by every start.
ts_train_archive() {
  local dir="$1" java_home="$2" port
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 47243)"
  local jsa="$dir/app.jsa" flags
  read -r -a flags <<<"$(ts_jvm_flags)"
  "$java_home/bin/java" -XX:ArchiveClassesAtExit="$jsa" "${flags[@]}" \
    -cp "$(cat "$dir/classpath")" local.c360.LoopbackTestServer "$port" --enable-time-skipping &
  local pid=$! i
  for ((i = 0; i < 300; i++)); do port_open "$port" && break; sleep 0.1; done
  if [[ -x "$TEMPORAL_BIN" ]]; then
    "$TEMPORAL_BIN" --disable-config-file --disable-config-env --address "127.0.0.1:$port" \
      operator cluster health --command-timeout 5s >/dev/null 2>&1 || true
    "$TEMPORAL_BIN" --disable-config-file --disable-config-env --address "127.0.0.1:$port" \
      workflow start -n default --type Training --task-queue training --workflow-id training --command-timeout 5s >/dev/null 2>&1 || true
  fi
  kill -TERM "$pid"
  wait "$pid" || true
  [[ -s "$jsa" ]]
}

# Flags for a fast start of a small, short-lived server (see ts_train_archive).
ts_jvm_flags() {
  echo "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:CICompilerCount=1 -Xss512k -Xms32m -Xmx${C360_TESTSERVER_HEAP:-256m} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn"
}

ts_install() {
  with_cache_lock "temporal-test-server" ts_build
  log "testserver: $TS_VERSION present ($(ts_home))"
}

ts_pid() {
  local pid; pid="$(pidfile_pid testserver)"
  if pid_alive "$pid" "LoopbackTestServer"; then echo "$pid"; fi
}

ts_ready() {
  port_open "$C360_TESTSERVER_PORT" || return 1
  if [[ -x "$TEMPORAL_BIN" ]]; then
    "$TEMPORAL_BIN" --disable-config-file --disable-config-env --address "127.0.0.1:$C360_TESTSERVER_PORT" \
      operator cluster health --command-timeout 3s 2>/dev/null | grep -q SERVING
  fi
}

ts_start() {
  ts_install
  ensure_dirs
  local pid; pid="$(ts_pid)"
  if [[ -n "$pid" ]]; then
    log "testserver: already running (pid $pid)"
    return 0
  fi
  if port_open "$C360_TESTSERVER_PORT"; then
    start_failed testserver "$TS_LOG" "port 127.0.0.1:$C360_TESTSERVER_PORT is already in use (pid $(port_pid "$C360_TESTSERVER_PORT"))"
  fi
  local t0; t0=$(now_ms)
  # The long-running server skips time whenever it is idle, so tests connected through
  # createFromExistingServer see timers of days fire at once.
  pid="$(C360_DATA="$C360_DATA" C360_CACHE="$C360_CACHE" spawn_detached "$TS_LOG" "$TS_SRC_DIR/run.sh" "$C360_TESTSERVER_PORT" --enable-time-skipping)"
  echo "$pid" >"$C360_RUN_DIR/testserver.pid"
  local deadline=$(( $(date +%s) + TS_START_TIMEOUT ))
  until ts_ready; do
    pid_alive "$pid" "" || start_failed testserver "$TS_LOG" "process exited"
    (( $(date +%s) < deadline )) || { stop_group testserver "$pid" 10; start_failed testserver "$TS_LOG" "not ready within ${TS_START_TIMEOUT}s"; }
    sleep 0.2
  done
  log "testserver: ready on 127.0.0.1:$C360_TESTSERVER_PORT (time skipping) in $(( $(now_ms) - t0 )) ms (pid $pid)"
}

ts_stop() {
  local pid; pid="$(ts_pid)"
  if [[ -z "$pid" ]]; then log "testserver: not running"; rm -f "$C360_RUN_DIR/testserver.pid"; return 0; fi
  stop_group testserver "$pid" 15
  rm -f "$C360_RUN_DIR/testserver.pid"
  log "testserver: stopped"
}

ts_status() {
  local pid; pid="$(ts_pid)"
  if [[ -n "$pid" ]]; then
    status_line testserver running "$pid" "$C360_TESTSERVER_PORT" "time-skipping rss=$(rss_of "$pid")MiB wrapper=$TS_SRC_DIR/run.sh log=$TS_LOG"
  else
    status_line testserver stopped "" "$C360_TESTSERVER_PORT" "wrapper=$TS_SRC_DIR/run.sh log=$TS_LOG"
  fi
}
