#!/usr/bin/env bash
# The live stream under many idle connections: heap per idle connection and the time one post takes to reach all.
#
# For each connection count given (default: 1000 10000) it starts a fresh demo hub (seeded network, temp data
# dir, 127.0.0.1, CHORUS_ADMIN_TOKEN set to a fresh secret), then runs SseLoad.java with the JDK's source
# launcher: that many concurrent GET /chorus/api/stream connections over non-blocking sockets, the hub's live heap
# measured with jcmd (GC.class_histogram, which runs a full GC, cross-checked by GC.run + GC.heap_info) before
# and with all of them idle, then one POST /chorus/api/posts with the admin's bearer token and, per connection,
# the time from just before the POST until it has read the post.created event. A fresh hub per count, so each
# starts from an empty server (connections left from the previous count would hold places of
# maxStreamConnections, 10,000 by default, until the server noticed they were gone). Stops everything it started
# on exit. About 1 to 2 minutes per count and server on 2 cores.
#
#   benchmarks/http/sse.sh              # 1,000 then 10,000 connections
#   benchmarks/http/sse.sh 10000        # one count
# With BASELINE=1 (the default) each count is also run against SseBaseline.java, a bare Jetty async servlet of
# the same shape (same fan-out, same frame size), so the figures stand beside a floor measured in the same run.
# BASELINE_FANOUT lists fan-out thread counts for the baseline (default "1", Chorus's design; "1 2" also measures a
# fan-out sharded over two threads).
# Settings (environment): BASELINE=1 BASELINE_FANOUT=1 SELECTORS=2 WINDOW=64
#   POSTS=1 (posts published one after another; the first is the figure, later ones show the fan-out once the JIT
#   has compiled it) HUB_JAVA_OPTS='-Xms1g -Xmx1g -XX:+UseG1GC' LOAD_JAVA_OPTS='-Xmx512m'
#   HUB_JAR=samples/hub-site/target/chorus-hub.jar KEEP_WORK=0
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

COUNTS=("$@")
[ ${#COUNTS[@]} -gt 0 ] || COUNTS=(1000 10000)
SELECTORS=${SELECTORS:-2}
WINDOW=${WINDOW:-64}
POSTS=${POSTS:-1}
BASELINE=${BASELINE:-1}
BASELINE_FANOUT=${BASELINE_FANOUT:-1}
LOAD_JAVA_OPTS=${LOAD_JAVA_OPTS:--Xmx512m}

ensure_packages curl:curl
command -v jcmd >/dev/null || die "jcmd (from the JDK) is missing"
make_work_dir
trap cleanup EXIT
trap 'exit 130' INT TERM

# Each side of a connection is a file descriptor: the client needs one per connection, so does the hub.
max=0
for n in "${COUNTS[@]}"; do [ "$n" -gt "$max" ] && max=$n; done
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((max + 1000)) ]; then
    log "WARNING: open files are limited to $(ulimit -n) (hard $(ulimit -Hn)); at most about $(( $(ulimit -n) - 1000 )) connections can open"
fi
log "machine: $(machine_line); open files limit $(ulimit -n); loopback ports $(tr '\t' '-' </proc/sys/net/ipv4/ip_local_port_range)"

: >"$WORK/results.txt"

# The baseline: SseBaseline.java, a bare Jetty async servlet of the same shape, on the hub jar's class path.
start_baseline() { # fan-out threads
    local jar
    jar=$(hub_jar) && [ -f "$jar" ] || die "no hub jar"
    # shellcheck disable=SC2086
    java $HUB_JAVA_OPTS -cp "$jar" "$HTTP_BENCH_DIR/SseBaseline.java" "$1" >"$WORK/hub.log" 2>&1 &
    HUB_PID=$!
    HUB_PORT=""
    local deadline=$((SECONDS + 120))
    while [ $SECONDS -lt $deadline ] && [ -z "$HUB_PORT" ]; do
        kill -0 "$HUB_PID" 2>/dev/null || { cat "$WORK/hub.log" >&2; die "the baseline exited during start-up"; }
        HUB_PORT=$(sed -n 's/^SseBaseline listening on 127\.0\.0\.1 (port \([0-9]*\)).*/\1/p' "$WORK/hub.log")
        [ -n "$HUB_PORT" ] || sleep 0.5
    done
    [ -n "$HUB_PORT" ] || die "the baseline did not start within 120 s"
    log "baseline (bare Jetty async servlet, $1 fan-out thread(s)) pid $HUB_PID on 127.0.0.1:$HUB_PORT"
}

run_load() { # label connections
    for _ in $(seq 1 20); do curl -sf -o /dev/null "http://127.0.0.1:$HUB_PORT/chorus/api/timeline?limit=20"; done
    echo
    echo "== $1, $2 connections; server JVM: $HUB_JAVA_OPTS; $(machine_line)"
    set +e
    CHORUS_ADMIN_TOKEN="$ADMIN_TOKEN" java $LOAD_JAVA_OPTS "$HTTP_BENCH_DIR/SseLoad.java" --port "$HUB_PORT" \
        --connections "$2" --server-pid "$HUB_PID" --selectors "$SELECTORS" --window "$WINDOW" --posts "$POSTS" \
        --label "$1" | tee "$WORK/sse-$1-$2.txt"
    local status=${PIPESTATUS[0]}
    set -e
    local problems
    problems=$(grep -cE '\[(WARN|ERROR)\]' "$WORK/hub.log" || true)
    if [ "$problems" -gt 0 ]; then
        echo "server log: $problems warnings or errors; the last ones:"
        grep -E '\[(WARN|ERROR)\]' "$WORK/hub.log" | tail -5
    fi
    grep '^RESULT' "$WORK/sse-$1-$2.txt" >>"$WORK/results.txt" \
        || echo "RESULT server=$1 connections=$2 failed=yes" >>"$WORK/results.txt"
    [ "$status" -eq 0 ] || log "SseLoad exited with $status for $1 at $2 connections"
}

for n in "${COUNTS[@]}"; do
    rm -rf "$WORK/data"
    start_hub
    run_load chorus "$n"
    stop_hub
    if [ "$BASELINE" = 1 ]; then
        for threads in $BASELINE_FANOUT; do
            start_baseline "$threads"
            if [ "$threads" = 1 ]; then run_load bare-jetty "$n"; else run_load "bare-jetty-x$threads" "$n"; fi
            stop_hub
        done
    fi
done

echo
printf '%-14s %-12s %-5s %-12s %-10s %-12s %-21s %-9s %-9s %-9s %-9s %-9s %-10s %s\n' server connections post established \
    received "heap/conn B" "marginal heap/conn B" "POST ms" "p50 ms" "p90 ms" "p99 ms" "max ms" "spread ms" "load"
while read -r line; do
    declare -A r=()
    for kv in ${line#RESULT }; do r[${kv%%=*}]=${kv#*=}; done
    printf '%-14s %-12s %-5s %-12s %-10s %-12s %-21s %-9s %-9s %-9s %-9s %-9s %-10s %s\n' "${r[server]:--}" \
        "${r[connections]:--}" "${r[post]:--}" "${r[established]:--}" "${r[received]:--}" "${r[heap_per_conn_bytes]:--}" \
        "${r[heap_per_conn_marginal_bytes]:--}" "${r[post_ms]:--}" "${r[p50_ms]:--}" "${r[p90_ms]:--}" \
        "${r[p99_ms]:--}" "${r[max_ms]:--}" "${r[spread_ms]:--}" "${r[load]:--}"
    unset r
done <"$WORK/results.txt"
echo "targets (chorus): heap per idle connection <= 10240 B; delivery p99 < 300 ms. spread: last minus first connection"
echo "to receive the event (the fan-out's length); load: the 1-minute load average just before the POST"
