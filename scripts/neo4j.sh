#!/usr/bin/env bash
# Run a local Neo4j Community 5.26 LTS server without Docker.
#
#   scripts/neo4j.sh [start|stop|status|wait]     (default: start)
#
# The server jars are resolved from Maven Central with Maven (scripts/neo4j/pom.xml
# depends on org.neo4j.assembly:neo4j-community-standalone, the module Neo4j builds
# its tarball from) and started with Neo4j's own boot loader
# (org.neo4j.server.startup.Neo4jBoot, i.e. what `bin/neo4j start` runs), which
# forks the real server, org.neo4j.server.CommunityEntryPoint, with a neo4j.conf.
#
# Everything lives under $REPO/.neo4j (gitignored):
#   dist/lib/       server jars (dist/VERSION marks a complete fetch; no Maven when it matches)
#   conf/neo4j.conf regenerated on every start from the env vars below
#   data/ logs/ import/ plugins/   database files, neo4j.log + debug.log, LOAD CSV root, extra jars
#   neo4j.pid       pid of the server JVM (written by Neo4j's boot loader)
#
# Environment:
#   NEO4J_BOLT_PORT     Bolt port on 127.0.0.1           (default 7687)
#   NEO4J_HTTP_PORT     HTTP port on 127.0.0.1           (default 7474)
#   NEO4J_PASSWORD      password of user neo4j           (default geokg-password; >= 8 chars;
#                       only applied when the database is created: rm -rf .neo4j/data to change it)
#   NEO4J_VERSION       Neo4j version from Maven Central (default 5.26.30)
#   NEO4J_HEAP_MAX      JVM max heap                     (default 1g; initial heap 512m or less)
#   NEO4J_PAGECACHE     page cache size                  (default 256m)
#   NEO4J_START_TIMEOUT seconds to wait for Bolt         (default 120)
#   NEO4J_STOP_TIMEOUT  seconds before SIGKILL on stop   (default 60)
#   NEO4J_DIR           state directory                  (default $REPO/.neo4j)
#   NEO4J_MAVEN_ARGS    extra Maven arguments, e.g. -Dmaven.repo.local=/some/m2 or -o
#   JAVA_HOME           Java 17 (or 21) to run Neo4j with (default: java on PATH)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
POM="$REPO/scripts/neo4j/pom.xml"

NEO4J_VERSION="${NEO4J_VERSION:-5.26.30}"
BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"
HTTP_PORT="${NEO4J_HTTP_PORT:-7474}"
PASSWORD="${NEO4J_PASSWORD:-geokg-password}"
HEAP_MAX="${NEO4J_HEAP_MAX:-1g}"
PAGECACHE="${NEO4J_PAGECACHE:-256m}"
START_TIMEOUT="${NEO4J_START_TIMEOUT:-120}"
STOP_TIMEOUT="${NEO4J_STOP_TIMEOUT:-60}"
STATE="${NEO4J_DIR:-$REPO/.neo4j}"
mkdir -p "$STATE"
STATE="$(cd "$STATE" && pwd)"

DIST="$STATE/dist"
LIB="$DIST/lib"
MARKER="$DIST/VERSION"
CONF_DIR="$STATE/conf"
DATA="$STATE/data"
LOGS="$STATE/logs"
PIDFILE="$STATE/neo4j.pid"
BOOT_LOG="$LOGS/boot.log"
NEO4J_LOG="$LOGS/neo4j.log"
ENTRY_CLASS="org.neo4j.server.CommunityEntryPoint"

say() { echo "neo4j: $*" >&2; }
die() { echo "neo4j: ERROR: $*" >&2; exit 1; }

# ---------------------------------------------------------------- probes

# Port accepts TCP connections.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# A Bolt server answers the handshake: send the magic preamble and four proposed
# versions (5.0-5.8, 4.2-4.4, 4.0, 3.0); a Bolt server replies with the 4-byte
# version it picked (non-zero). Anything else (no reply, close) is "no".
bolt_answers() {
  local reply
  # shellcheck disable=SC2016  # $1 is expanded by the inner bash
  reply="$(timeout 5 bash -c '
      exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
      printf "\x60\x60\xb0\x17\x00\x08\x08\x05\x00\x02\x04\x04\x00\x00\x00\x04\x00\x00\x00\x03" >&3
      head -c 4 <&3 | od -An -tx1' _ "$1" 2>/dev/null)" || return 1
  reply="${reply//[[:space:]]/}"
  [[ ${#reply} -eq 8 && "$reply" != "00000000" ]]
}

# Pid of the server started from this state dir, if alive; empty otherwise.
server_pid() {
  local pid
  [[ -s "$PIDFILE" ]] || return 0
  pid="$(tr -dc '0-9' <"$PIDFILE" 2>/dev/null || true)"
  [[ -n "$pid" ]] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  # Guard against pid reuse: it must be a Neo4j server using our home dir.
  if [[ -r "/proc/$pid/cmdline" ]]; then
    local cmd
    cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
    [[ "$cmd" == *"$ENTRY_CLASS"* && "$cmd" == *"--home-dir=$DIST"* ]] || return 0
  fi
  echo "$pid"
}

clean_stale_pidfile() {
  if [[ -e "$PIDFILE" && -z "$(server_pid)" ]]; then
    say "removing stale pid file $PIDFILE"
    rm -f "$PIDFILE"
  fi
}

# ---------------------------------------------------------------- setup

find_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    JAVA="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    JAVA="$(command -v java)"
  else
    die "java not found: install a Java 17 JDK/JRE (e.g. apt-get install openjdk-17-jre-headless) or set JAVA_HOME"
  fi
  local v
  v="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  case "$v" in
    17|21) ;;
    *) say "warning: Neo4j 5.26 supports Java 17 and 21, $JAVA is Java ${v:-unknown}" ;;
  esac
}

pom_sum() { sha1sum "$POM" | cut -c1-40; }

# Resolve the server jars into $LIB unless the marker says they are already there.
fetch() {
  local want
  want="neo4j=$NEO4J_VERSION pom=$(pom_sum)"
  if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$want" ]] && compgen -G "$LIB/neo4j-$NEO4J_VERSION.jar" >/dev/null; then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found (needed once to fetch Neo4j $NEO4J_VERSION from Maven Central): apt-get install maven"
  say "fetching Neo4j Community $NEO4J_VERSION from Maven Central with Maven (once)..."
  mkdir -p "$DIST" "$LOGS"
  local tmp="$DIST/lib.tmp.$$" log="$LOGS/fetch.log"
  rm -rf "$tmp"
  # shellcheck disable=SC2086  # NEO4J_MAVEN_ARGS is a list of words on purpose
  if ! mvn -B -f "$POM" -Dneo4j.version="$NEO4J_VERSION" ${NEO4J_MAVEN_ARGS:-} \
        dependency:copy-dependencies -DoutputDirectory="$tmp" >"$log" 2>&1; then
    rm -rf "$tmp"
    tail -n 30 "$log" >&2
    die "Maven could not fetch Neo4j $NEO4J_VERSION (full output: $log)"
  fi
  [[ -f "$tmp/neo4j-$NEO4J_VERSION.jar" && -f "$tmp/neo4j-server-$NEO4J_VERSION.jar" ]] ||
    die "Maven finished but $tmp lacks neo4j-$NEO4J_VERSION.jar / neo4j-server-$NEO4J_VERSION.jar (see $log)"
  rm -rf "$LIB" "$MARKER"
  mv "$tmp" "$LIB"
  echo "$want" >"$MARKER"
  say "fetched $(find "$LIB" -name '*.jar' | wc -l) jars into $LIB"
}

# "512m" / "1g" / "800000k" -> KiB
to_kib() {
  [[ "$1" =~ ^([0-9]+)([kKmMgG]?)$ ]] || die "bad memory size '$1' (use e.g. 512m or 1g)"
  local n="${BASH_REMATCH[1]}"
  case "${BASH_REMATCH[2]}" in
    k|K) echo "$n" ;;
    m|M) echo $((n * 1024)) ;;
    g|G) echo $((n * 1024 * 1024)) ;;
    *) echo $((n / 1024)) ;;
  esac
}

write_conf() {
  mkdir -p "$CONF_DIR" "$DATA" "$LOGS" "$STATE/import" "$STATE/plugins"
  # initial heap 512m, or the max heap if that is smaller
  local heap_init=512m
  if (($(to_kib "$HEAP_MAX") < 512 * 1024)); then heap_init="$HEAP_MAX"; fi
  cat >"$CONF_DIR/neo4j.conf.tmp" <<EOF
# Generated by scripts/neo4j.sh on every start; edit the script, not this file.
server.directories.lib=$LIB
server.directories.data=$DATA
server.directories.logs=$LOGS
server.directories.import=$STATE/import
server.directories.plugins=$STATE/plugins
server.directories.run=$STATE

server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.enabled=true
server.bolt.tls_level=DISABLED
server.bolt.listen_address=127.0.0.1:$BOLT_PORT
server.bolt.advertised_address=127.0.0.1:$BOLT_PORT
server.http.enabled=true
server.http.listen_address=127.0.0.1:$HTTP_PORT
server.http.advertised_address=127.0.0.1:$HTTP_PORT
server.https.enabled=false

dbms.security.auth_enabled=true
dbms.usage_report.enabled=false

# Small footprint: the machine is shared with the test suites.
server.memory.heap.initial_size=$heap_init
server.memory.heap.max_size=$HEAP_MAX
server.memory.pagecache.size=$PAGECACHE
db.tx_log.rotation.retention_policy=2 files

# JVM flags of the stock neo4j.conf of the 5.26 tarball (minus -XX:+AlwaysPreTouch,
# which would commit the whole initial heap up front on this shared machine).
server.jvm.additional=-XX:+UseG1GC
server.jvm.additional=-XX:-OmitStackTraceInFastThrow
server.jvm.additional=-XX:+UnlockExperimentalVMOptions
server.jvm.additional=-XX:+TrustFinalNonStaticFields
server.jvm.additional=-XX:+DisableExplicitGC
server.jvm.additional=-Djdk.nio.maxCachedBufferSize=1024
server.jvm.additional=-Dio.netty.tryReflectionSetAccessible=true
server.jvm.additional=-Djdk.tls.ephemeralDHKeySize=2048
server.jvm.additional=-Djdk.tls.rejectClientInitiatedRenegotiation=true
server.jvm.additional=-XX:FlightRecorderOptions=stackdepth=256
server.jvm.additional=-XX:+UnlockDiagnosticVMOptions
server.jvm.additional=-XX:+DebugNonSafepoints
server.jvm.additional=--add-opens=java.base/java.nio=ALL-UNNAMED
server.jvm.additional=--add-opens=java.base/java.io=ALL-UNNAMED
server.jvm.additional=--add-opens=java.base/sun.nio.ch=ALL-UNNAMED
server.jvm.additional=--enable-native-access=ALL-UNNAMED
server.jvm.additional=-Dlog4j2.disable.jmx=true
server.jvm.additional=-Dlog4j.layout.jsonTemplate.maxStringLength=32768
EOF
  mv "$CONF_DIR/neo4j.conf.tmp" "$CONF_DIR/neo4j.conf"
}

# Run a Neo4j boot-loader main class (Neo4jBoot = bin/neo4j, Neo4jAdminBoot = bin/neo4j-admin).
neo4j_boot() {
  local main="$1"; shift
  NEO4J_HOME="$DIST" NEO4J_CONF="$CONF_DIR" JAVA_OPTS="" HEAP_SIZE="" \
    "$JAVA" -cp "$LIB/*" "org.neo4j.server.startup.$main" "$@"
}

# Same as `neo4j-admin dbms set-initial-password`: only meaningful before the
# database is created for the first time.
set_initial_password() {
  if [[ -e "$DATA/databases/system" || -e "$DATA/dbms/auth.ini" ]]; then
    return 0
  fi
  [[ ${#PASSWORD} -ge 8 ]] || die "NEO4J_PASSWORD must be at least 8 characters (Neo4j 5 rule)"
  say "setting initial password of user neo4j"
  local out
  if ! out="$(neo4j_boot Neo4jAdminBoot dbms set-initial-password "$PASSWORD" 2>&1)"; then
    echo "$out" >&2
    die "neo4j-admin dbms set-initial-password failed"
  fi
}

# Warn (not fail) when neo4j/$PASSWORD is refused: the password only applies on creation.
check_password() {
  command -v curl >/dev/null 2>&1 || return 0
  local code
  code="$(curl -s -o /dev/null -m 10 -w '%{http_code}' -u "neo4j:$PASSWORD" \
           -H 'Content-Type: application/json' -d '{"statements":[{"statement":"RETURN 1"}]}' \
           "http://127.0.0.1:$HTTP_PORT/db/system/tx/commit" 2>/dev/null || true)"
  if [[ "$code" == 401 || "$code" == 403 ]]; then
    say "WARNING: login neo4j/\$NEO4J_PASSWORD refused (HTTP $code). The password is set only when"
    say "WARNING: the database is first created: stop, rm -rf $DATA, and start again to reset it."
  fi
}

# Byte offsets of the logs when this start began, so failures show only this attempt.
BOOT_LOG_OFFSET=0
NEO4J_LOG_OFFSET=0

log_tail() {
  local f off
  for f in "$BOOT_LOG" "$NEO4J_LOG"; do
    [[ -s "$f" ]] || continue
    off=0
    [[ "$f" == "$BOOT_LOG" ]] && off="$BOOT_LOG_OFFSET"
    [[ "$f" == "$NEO4J_LOG" ]] && off="$NEO4J_LOG_OFFSET"
    echo "----- last lines of $f -----" >&2
    tail -c "+$((off + 1))" "$f" | tail -n 40 >&2
  done
}

# Wait until the server logged "Started." (after byte offset $1 of neo4j.log, if given)
# and Bolt answers the handshake. $2: pid of the boot loader to watch (optional).
wait_ready() {
  local offset="${1:-}" boot_pid="${2:-}" deadline=$((SECONDS + START_TIMEOUT)) started=""
  while ((SECONDS < deadline)); do
    if [[ -z "$started" ]]; then
      if [[ -z "$offset" ]]; then
        started=yes   # no start of ours to follow (e.g. `wait`): Bolt answering is enough
      elif [[ -f "$NEO4J_LOG" ]] && tail -c "+$((offset + 1))" "$NEO4J_LOG" | grep -q 'INFO  Started\.$'; then
        started=yes
      fi
    fi
    if [[ -n "$started" ]] && bolt_answers "$BOLT_PORT"; then
      return 0
    fi
    if [[ -n "$boot_pid" ]] && ! kill -0 "$boot_pid" 2>/dev/null; then
      # The boot loader has exited: it must have succeeded and left a live server.
      local rc=0
      wait "$boot_pid" 2>/dev/null || rc=$?
      boot_pid=""
      if ((rc != 0)); then
        log_tail
        die "Neo4j failed to start (boot loader exit code $rc)"
      fi
    fi
    if [[ -n "$offset" && -z "$boot_pid" && -z "$(server_pid)" ]]; then
      log_tail
      die "Neo4j server process exited during startup"
    fi
    sleep 0.5
  done
  log_tail
  die "Bolt did not answer on 127.0.0.1:$BOLT_PORT within ${START_TIMEOUT}s"
}

# ---------------------------------------------------------------- commands

with_lock() {
  mkdir -p "$STATE"
  exec 9>"$STATE/.lock"
  if ! flock -w $((START_TIMEOUT + 600)) 9; then
    die "timed out waiting for another scripts/neo4j.sh on $STATE/.lock"
  fi
}

cmd_start() {
  with_lock
  local pid
  pid="$(server_pid)"
  if [[ -n "$pid" ]]; then
    if ! bolt_answers "$BOLT_PORT"; then
      say "already starting (pid $pid), waiting for Bolt..."
      wait_ready "" ""
    fi
    say "already running (pid $pid) at bolt://127.0.0.1:$BOLT_PORT"
    return 0
  fi
  clean_stale_pidfile
  if bolt_answers "$BOLT_PORT"; then
    say "a Bolt server (not started by this script) already answers on bolt://127.0.0.1:$BOLT_PORT; using it"
    return 0
  fi
  if port_open "$BOLT_PORT"; then
    die "port $BOLT_PORT is taken by something that does not speak Bolt; set NEO4J_BOLT_PORT"
  fi
  if port_open "$HTTP_PORT"; then
    die "HTTP port $HTTP_PORT is already in use; set NEO4J_HTTP_PORT"
  fi

  find_java
  fetch
  write_conf
  set_initial_password

  say "starting Neo4j $NEO4J_VERSION (bolt 127.0.0.1:$BOLT_PORT, http 127.0.0.1:$HTTP_PORT, heap $HEAP_MAX, page cache $PAGECACHE)"
  [[ -f "$NEO4J_LOG" ]] && NEO4J_LOG_OFFSET="$(wc -c <"$NEO4J_LOG")"
  [[ -f "$BOOT_LOG" ]] && BOOT_LOG_OFFSET="$(wc -c <"$BOOT_LOG")"
  echo "===== $(date -u '+%Y-%m-%d %H:%M:%S') scripts/neo4j.sh start" >>"$BOOT_LOG"
  # setsid: the server must not die with the caller's process group (make, CI step, Ctrl-C).
  (
    exec 9>&-   # do not hand the lock to the server
    ulimit -n 40000 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
    exec setsid env NEO4J_HOME="$DIST" NEO4J_CONF="$CONF_DIR" JAVA_OPTS="" HEAP_SIZE="" \
      "$JAVA" -cp "$LIB/*" org.neo4j.server.startup.Neo4jBoot start
  ) >>"$BOOT_LOG" 2>&1 </dev/null &
  local boot_pid=$!
  wait_ready "$NEO4J_LOG_OFFSET" "$boot_pid"
  check_password
  say "ready at bolt://127.0.0.1:$BOLT_PORT (pid $(server_pid), user neo4j, logs $LOGS)"
}

cmd_stop() {
  with_lock
  local pid
  pid="$(server_pid)"
  if [[ -z "$pid" ]]; then
    clean_stale_pidfile
    if bolt_answers "$BOLT_PORT"; then
      say "not running from $STATE (a Bolt server not started by this script answers on port $BOLT_PORT; left alone)"
    else
      say "not running"
    fi
    return 0
  fi
  say "stopping Neo4j (pid $pid)..."
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "still alive after ${STOP_TIMEOUT}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  fi
  rm -f "$PIDFILE"
  say "stopped"
}

cmd_status() {
  local pid
  pid="$(server_pid)"
  if [[ -n "$pid" ]]; then
    if bolt_answers "$BOLT_PORT"; then
      echo "running (pid $pid) at bolt://127.0.0.1:$BOLT_PORT"
    else
      echo "running (pid $pid), Bolt on 127.0.0.1:$BOLT_PORT not answering yet"
    fi
    return 0
  fi
  if bolt_answers "$BOLT_PORT"; then
    echo "running at bolt://127.0.0.1:$BOLT_PORT (not started by this script)"
    return 0
  fi
  echo "not running"
  return 1
}

cmd_wait() {
  if bolt_answers "$BOLT_PORT"; then
    say "ready at bolt://127.0.0.1:$BOLT_PORT"
    return 0
  fi
  say "waiting up to ${START_TIMEOUT}s for bolt://127.0.0.1:$BOLT_PORT..."
  wait_ready "" ""
  say "ready at bolt://127.0.0.1:$BOLT_PORT"
}

case "${1:-start}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  wait) cmd_wait ;;
  -h|--help|help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' ;;
  *) die "usage: $0 [start|stop|status|wait]" ;;
esac
