# OpenSearch 3.8.0 (integ-test zip from Maven Central: it carries percolator, analysis-common and
# painless), single node on loopback, run as the system user "opensearch" (it refuses root).
# shellcheck shell=bash

OS_VERSION="3.8.0"
OS_ARTIFACT="org.opensearch.distribution.integ-test-zip:opensearch:$OS_VERSION:zip"
C360_MAVEN_REPO="${C360_MAVEN_REPO:-$C360_CACHE/maven}"
OS_ZIP="$C360_MAVEN_REPO/org/opensearch/distribution/integ-test-zip/opensearch/$OS_VERSION/opensearch-$OS_VERSION.zip"
OS_DIST="$C360_CACHE/tools/opensearch-$OS_VERSION"
OS_JAVA_HOME="${C360_OPENSEARCH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
OS_USER="opensearch"
OS_DIR="$C360_DATA/opensearch"
OS_LOG="$C360_LOG_DIR/opensearch.log"
OS_HEAP="${C360_OPENSEARCH_HEAP:-512m}"
OS_START_TIMEOUT="${C360_OPENSEARCH_START_TIMEOUT:-180}"

os_unpack() {
  if [[ -x "$OS_DIST/bin/opensearch" ]]; then return 0; fi
  local t0; t0=$(now_ms)
  if [[ ! -f "$OS_ZIP" ]]; then
    command -v mvn >/dev/null || die "opensearch: mvn is not installed"
    log "opensearch: downloading $OS_ARTIFACT from Maven Central into $C360_MAVEN_REPO"
    mkdir -p "$C360_MAVEN_REPO" "$C360_LOG_DIR"
    mvn -q -B -Dmaven.repo.local="$C360_MAVEN_REPO" dependency:get -Dartifact="$OS_ARTIFACT" -Dtransitive=false \
      >>"$C360_LOG_DIR/opensearch-install.log" 2>&1 \
      || { tail -n 30 "$C360_LOG_DIR/opensearch-install.log" >&2; die "opensearch: mvn dependency:get failed (log: $C360_LOG_DIR/opensearch-install.log)"; }
    [[ -f "$OS_ZIP" ]] || die "opensearch: $OS_ZIP missing after mvn dependency:get"
    log "opensearch: downloaded in $(( ($(now_ms) - t0) / 1000 )) s"
  fi
  log "opensearch: unpacking into $OS_DIST"
  local tmp="$OS_DIST.tmp.$$"
  rm -rf "$tmp"; mkdir -p "$tmp"
  unzip -q "$OS_ZIP" -d "$tmp" || { rm -rf "$tmp"; die "opensearch: unzip $OS_ZIP failed"; }
  chmod -R a+rX "$tmp"
  # Atomic rename: a concurrent reader never sees a half-unpacked distribution.
  mv "$tmp/opensearch-$OS_VERSION" "$OS_DIST" && rm -rf "$tmp"
  log "opensearch: installed in $(( ($(now_ms) - t0) / 1000 )) s"
}

os_check_java() {
  [[ -x "$OS_JAVA_HOME/bin/java" ]] \
    || die "opensearch: Java 21+ not found at $OS_JAVA_HOME (OpenSearch $OS_VERSION needs it; expected Temurin 25 at /usr/lib/jvm/temurin-25-jdk-amd64, or set C360_OPENSEARCH_JAVA_HOME)"
}

os_ensure_user() {
  id -u "$OS_USER" >/dev/null 2>&1 && return 0
  log "opensearch: creating system user $OS_USER"
  useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$OS_USER" \
    || die "opensearch: useradd $OS_USER failed"
}

os_install() {
  os_check_java
  with_cache_lock "opensearch-$OS_VERSION" os_unpack
  os_ensure_user
  local m
  for m in percolator analysis-common lang-painless; do
    [[ -d "$OS_DIST/modules/$m" ]] || die "opensearch: module $m missing from $OS_DIST/modules"
  done
  log "opensearch: $OS_VERSION present ($OS_DIST)"
}

os_as_user() { setpriv --reuid="$OS_USER" --regid="$OS_USER" --init-groups -- "$@"; }

# The cache may sit in a folder the service user cannot enter (/root is 0700). Then the node runs
# from a hard-link tree of the cached distribution inside the data folder: no copy, no download.
os_home() {
  if os_as_user test -r "$OS_DIST/bin/opensearch" 2>/dev/null; then
    echo "$OS_DIST"
    return 0
  fi
  local home="$OS_DIR/home-$OS_VERSION"
  if [[ ! -x "$home/bin/opensearch" ]]; then
    rm -rf "$home.tmp"
    cp -al "$OS_DIST" "$home.tmp" 2>/dev/null || cp -a "$OS_DIST" "$home.tmp" || die "opensearch: cannot link $OS_DIST into $home"
    mv "$home.tmp" "$home"
  fi
  echo "$home"
}

# Config is regenerated from the distribution on every start (heap and paths follow the env);
# only the node's own keystore is kept. jvm.options' relative log/dump paths would point into the
# read-only distribution, so they are redirected into the data folder.
os_write_config() {
  local home="$1" conf="$OS_DIR/config"
  mkdir -p "$conf" "$OS_DIR/data" "$OS_DIR/logs"
  cp -r "$home/config/." "$conf/"
  sed -i \
    -e "s#^-XX:HeapDumpPath=data#-XX:HeapDumpPath=$OS_DIR/data#" \
    -e "s#logs/#$OS_DIR/logs/#g" \
    -e 's#^-Xms1g#-Xms'"$OS_HEAP"'#' -e 's#^-Xmx1g#-Xmx'"$OS_HEAP"'#' \
    "$conf/jvm.options"
  chown -R "$OS_USER:$OS_USER" "$OS_DIR"
  chmod 750 "$OS_DIR"
}

os_pid() {
  local pid; pid="$(pidfile_pid opensearch)"
  if pid_alive "$pid" "org.opensearch.bootstrap.OpenSearch"; then echo "$pid"; fi
}

os_url() { echo "http://127.0.0.1:$C360_OPENSEARCH_PORT"; }

os_ready() {
  curl -fsS --max-time 5 "$(os_url)/_cluster/health?wait_for_status=yellow&timeout=2s" 2>/dev/null | grep -q '"status":"\(yellow\|green\)"'
}

os_start() {
  os_install
  ensure_dirs
  require_reachable "$OS_USER" "$C360_DATA" opensearch
  local pid; pid="$(os_pid)"
  if [[ -n "$pid" ]]; then
    log "opensearch: already running (pid $pid)"
    return 0
  fi
  if port_open "$C360_OPENSEARCH_PORT"; then
    start_failed opensearch "$OS_LOG" "port 127.0.0.1:$C360_OPENSEARCH_PORT is already in use (pid $(port_pid "$C360_OPENSEARCH_PORT"))"
  fi
  mkdir -p "$OS_DIR"
  local home; home="$(os_home)"
  os_write_config "$home"
  local t0; t0=$(now_ms)
  # Transport port pinned to loopback too; 9300 is its usual default, derived to follow http.port.
  pid="$(spawn_detached "$OS_LOG" setpriv --reuid="$OS_USER" --regid="$OS_USER" --init-groups -- \
    env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$OS_DIR" LANG=C.UTF-8 \
      OPENSEARCH_JAVA_HOME="$OS_JAVA_HOME" OPENSEARCH_PATH_CONF="$OS_DIR/config" \
      OPENSEARCH_JAVA_OPTS="${OPENSEARCH_JAVA_OPTS:-"-Xms$OS_HEAP -Xmx$OS_HEAP"}" \
    "$home/bin/opensearch" \
      -Ediscovery.type=single-node -Enetwork.host=127.0.0.1 -Ehttp.port="$C360_OPENSEARCH_PORT" \
      -Etransport.port="$(( C360_OPENSEARCH_PORT + 100 ))" \
      -Epath.data="$OS_DIR/data" -Epath.logs="$OS_DIR/logs" \
      -Ecluster.name=c360-local -Enode.name=c360-local-node \
      -Ecluster.routing.allocation.disk.threshold_enabled=false)"
  echo "$pid" >"$C360_RUN_DIR/opensearch.pid"
  local deadline=$(( $(date +%s) + OS_START_TIMEOUT ))
  until os_ready; do
    pid_alive "$pid" "" || start_failed opensearch "$OS_LOG" "process exited"
    (( $(date +%s) < deadline )) || { stop_group opensearch "$pid" 20; start_failed opensearch "$OS_LOG" "cluster not yellow within ${OS_START_TIMEOUT}s"; }
    sleep 1
  done
  log "opensearch: ready on $(os_url) in $(( $(now_ms) - t0 )) ms (pid $pid, heap $OS_HEAP)"
}

os_stop() {
  local pid; pid="$(os_pid)"
  if [[ -z "$pid" ]]; then log "opensearch: not running"; rm -f "$C360_RUN_DIR/opensearch.pid"; return 0; fi
  stop_group opensearch "$pid" 60
  rm -f "$C360_RUN_DIR/opensearch.pid"
  log "opensearch: stopped"
}

os_status() {
  local pid; pid="$(os_pid)"
  if [[ -n "$pid" ]]; then
    status_line opensearch running "$pid" "$C360_OPENSEARCH_PORT" "url=$(os_url) rss=$(rss_of "$pid")MiB log=$OS_LOG"
  else
    status_line opensearch stopped "" "$C360_OPENSEARCH_PORT" "log=$OS_LOG"
  fi
}
