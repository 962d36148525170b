# Shared by timeline.sh and sse.sh (sourced, not run): installing the tools, a work directory, the demo hub on
# loopback, and stopping everything on exit. Everything listens on 127.0.0.1 only.
# shellcheck shell=bash

HTTP_BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$HTTP_BENCH_DIR/../.." && pwd)
HUB_JAR=${HUB_JAR:-$REPO_ROOT/samples/hub-site/target/chorus-hub.jar}
# The hub's JVM: a fixed heap so runs compare; G1 is also what the JDK picks on a 2-core, 24 GB machine.
HUB_JAVA_OPTS=${HUB_JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseG1GC}
# A bearer secret for the hub's admin (CHORUS_ADMIN_TOKEN); made fresh for every run, never printed.
ADMIN_TOKEN=${ADMIN_TOKEN:-bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')}

HUB_PID=""
HUB_PORT=""
declare -a STOP_PIDS=()

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Installs the Debian packages named when their command is missing (apt-get update only when the install fails).
ensure_packages() { # command:package ...
    local need=() pair
    for pair in "$@"; do
        command -v "${pair%%:*}" >/dev/null 2>&1 || [ -x "/usr/sbin/${pair%%:*}" ] || need+=("${pair#*:}")
    done
    [ ${#need[@]} -eq 0 ] && return 0
    [ "$(id -u)" -eq 0 ] || die "missing ${need[*]}; run as root or install them: apt-get install -y ${need[*]}"
    log "installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=300 install -y -q "${need[@]}" >/dev/null \
        || { apt-get -o DPkg::Lock::Timeout=300 update -q >/dev/null \
             && apt-get -o DPkg::Lock::Timeout=300 install -y -q "${need[@]}" >/dev/null; } \
        || die "could not install ${need[*]}"
}

# A private work directory, removed on exit unless KEEP_WORK=1.
make_work_dir() {
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/chorus-http-bench.XXXXXX")
    chmod 755 "$WORK" # nginx's workers run as nobody and must reach the static file
}

# Stops what this script started (by pid), then removes the work directory. Installed as the EXIT trap.
cleanup() {
    local rc=$? pid
    trap - EXIT INT TERM
    for pid in "${STOP_PIDS[@]}" $HUB_PID; do
        [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    done
    for pid in "${STOP_PIDS[@]}" $HUB_PID; do
        [ -n "$pid" ] || continue
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [ -n "${WORK:-}" ] && [ -d "$WORK" ]; then
        if [ "${KEEP_WORK:-0}" = 1 ]; then log "work directory kept: $WORK"; else rm -rf "$WORK"; fi
    fi
    exit "$rc"
}

# The hub jar, built when missing. It is copied into the work directory so a rebuild during the run cannot pull
# it from under the running hub.
hub_jar() {
    if [ ! -f "$HUB_JAR" ]; then
        log "building $HUB_JAR (mvn -q -DskipTests install)"
        (cd "$REPO_ROOT" && mvn -q -DskipTests install) || die "the build failed"
    fi
    cp "$HUB_JAR" "$WORK/chorus-hub.jar"
    echo "$WORK/chorus-hub.jar"
}

# Starts the demo hub on free loopback ports over a fresh data directory (seeded with the demo network) and
# sets HUB_PID and HUB_PORT. Extra JVM options as arguments.
start_hub() {
    local jar
    jar=$(hub_jar) && [ -f "$jar" ] || die "no hub jar"
    mkdir -p "$WORK/data"
    # shellcheck disable=SC2086
    env PORT=0 SECOND_PORT=0 HOST=127.0.0.1 CHORUS_DATA="$WORK/data" CHORUS_DEMO=on CHORUS_ADMIN_TOKEN="$ADMIN_TOKEN" \
        java $HUB_JAVA_OPTS "$@" -jar "$jar" >"$WORK/hub.log" 2>&1 &
    HUB_PID=$!
    local deadline=$((SECONDS + 120))
    while [ $SECONDS -lt $deadline ]; do
        kill -0 "$HUB_PID" 2>/dev/null || { cat "$WORK/hub.log" >&2; die "the hub exited during start-up"; }
        HUB_PORT=$(sed -n 's/.*listening on 127\.0\.0\.1 (ports \([0-9]*\) and [0-9]*).*/\1/p' "$WORK/hub.log" | head -1)
        [ -n "$HUB_PORT" ] && break
        sleep 0.5
    done
    [ -n "$HUB_PORT" ] || { cat "$WORK/hub.log" >&2; die "the hub did not start within 120 s"; }
    log "hub pid $HUB_PID on 127.0.0.1:$HUB_PORT; $(grep -o '[0-9]* posts' "$WORK/hub.log" | head -1) seeded"
}

# A TCP port on 127.0.0.1 that nothing listens on now (the caller retries if it loses a race for it).
free_port() {
    local port
    for _ in $(seq 1 200); do
        port=$((20000 + RANDOM % 12000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
    done
    die "no free port found"
}

machine_line() {
    printf '%s; %s cores; load average %s; %s; %s' "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" \
        "$(cut -d' ' -f1-3 /proc/loadavg)" "$(java -version 2>&1 | head -1)" "$(uname -sr)"
}

# Stops the hub started by start_hub (its shutdown hook closes Jetty and the store) and forgets it.
stop_hub() {
    [ -n "$HUB_PID" ] || return 0
    kill "$HUB_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$HUB_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$HUB_PID" 2>/dev/null || true
    wait "$HUB_PID" 2>/dev/null || true
    HUB_PID=""
}
