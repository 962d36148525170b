#!/usr/bin/env bash
# The timeline over HTTP/1.1 keep-alive, side by side with nginx serving the identical bytes as a static file.
#
# Starts the demo hub (samples/hub-site, seeded network, temp data dir) and an nginx of its own on free loopback
# ports, copies the hub's newest timeline page (limit 20) byte for byte into nginx's static file, then runs wrk
# against each in turn, A/B alternating ROUNDS times, for two scenarios:
#   newest  GET /chorus/api/timeline?limit=20                    vs nginx GET /timeline.json
#   depth   GET /chorus/api/timeline?limit=20&before=<random>    vs nginx GET /timeline.json?before=<random>
#           (a wrk Lua script picks among cursors found by walking the timeline; nginx gets the same script, so
#            the client does the same work; the query string does not change what nginx serves)
# and prints requests/s and p99 of every run, and per scenario the median of the per-round ratios Chorus/nginx
# against the targets (newest >= 0.70, depth >= 0.45). Stops everything it started on exit.
#
# With JETTY_BASELINE=1 (the default) the newest scenario has a third side, TimelineBaseline.java: a bare Jetty
# servlet writing the same byte array in the same JVM settings, the floor for any servlet (Chorus/Jetty shows what
# the Chorus path itself costs). About 4.5 minutes in all.
# Settings (environment): THREADS=2 CONNS=32 DURATION=10s ROUNDS=3 WARMUP=30s NGINX_WORKERS=auto JETTY_BASELINE=1
#   HUB_JAVA_OPTS='-Xms1g -Xmx1g -XX:+UseG1GC' HUB_JAR=samples/hub-site/target/chorus-hub.jar KEEP_WORK=0
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

THREADS=${THREADS:-2}
CONNS=${CONNS:-32}
DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-30s}
NGINX_WORKERS=${NGINX_WORKERS:-auto}
JETTY_BASELINE=${JETTY_BASELINE:-1}
TIMELINE=/chorus/api/timeline?limit=20

ensure_packages wrk:wrk nginx:nginx curl:curl
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
make_work_dir
trap cleanup EXIT
trap 'exit 130' INT TERM

log "machine: $(machine_line)"
start_hub
CHORUS="http://127.0.0.1:$HUB_PORT"

# --- the newest page, byte for byte, as nginx's static file --------------------------------------------------
mkdir -p "$WORK/nginx/www" "$WORK/nginx/logs"
chmod 755 "$WORK/nginx" "$WORK/nginx/www"
curl -sf -o "$WORK/nginx/www/timeline.json" "$CHORUS$TIMELINE" || die "GET $TIMELINE failed"
chmod 644 "$WORK/nginx/www/timeline.json"
PAGE_BYTES=$(stat -c %s "$WORK/nginx/www/timeline.json")
PAGE_ITEMS=$(grep -o '"publishedAt"' "$WORK/nginx/www/timeline.json" | wc -l)
log "newest page: $PAGE_BYTES bytes, $PAGE_ITEMS posts"

# --- cursors at every depth: walk the timeline 5 posts at a time (at most 100 pages) --------------------------
: >"$WORK/cursors.txt"
cursor=""
walked=0
for _ in $(seq 1 100); do
    body=$(curl -sf "$CHORUS/chorus/api/timeline?limit=5${cursor:+&before=$cursor}") || die "walking the timeline failed"
    walked=$((walked + $(printf '%s' "$body" | grep -o '"publishedAt"' | wc -l)))
    cursor=$(printf '%s' "$body" | grep -o '"next":"[^"]*"' | sed 's/^"next":"//; s/"$//' || true)
    [ -n "$cursor" ] || break
    echo "$walked $cursor" >>"$WORK/cursors.txt"
done
# Only cursors with a full page of 20 older posts behind them, so every page is the size of nginx's file.
awk -v total="$walked" '$1 + 20 <= total { print $2 }' "$WORK/cursors.txt" >"$WORK/depth-cursors.txt"
DEPTHS=$(wc -l <"$WORK/depth-cursors.txt")
[ "$DEPTHS" -ge 1 ] || die "the timeline has too few posts for a page below the newest"
deepest=$(tail -1 "$WORK/depth-cursors.txt")
[ "$(curl -sf "$CHORUS/chorus/api/timeline?limit=20&before=$deepest" | grep -o '"publishedAt"' | wc -l)" -eq 20 ] \
    || die "the deepest cursor does not give a full page"
log "timeline: $walked posts; $DEPTHS cursors for pages at depths 5 to $(awk -v t="$walked" '$1+20<=t{d=$1} END{print d}' "$WORK/cursors.txt")"

lua_script() { # file path-prefix
    {
        echo "local paths = {"
        awk -v prefix="$2" '{ printf "  \"%s%s\",\n", prefix, $0 }' "$WORK/depth-cursors.txt"
        echo "}"
        cat <<'LUA'
local threads = 0
function setup(thread) threads = threads + 1; thread:set("id", threads) end
function init(args) math.randomseed(os.time() * 1000 + id) end
function request() return wrk.format("GET", paths[math.random(#paths)]) end
LUA
    } >"$1"
}
lua_script "$WORK/depth-chorus.lua" "/chorus/api/timeline?limit=20&before="
lua_script "$WORK/depth-nginx.lua" "/timeline.json?before="
first=$(head -1 "$WORK/depth-cursors.txt")
curl -sf -o /dev/null "$CHORUS/chorus/api/timeline?limit=20&before=$first" || die "a depth page failed"

# --- nginx: its own prefix, config, pid and logs --------------------------------------------------------------
start_nginx() {
    local attempt port
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes $NGINX_WORKERS;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    default_type application/json;
    sendfile on;
    tcp_nodelay on;
    keepalive_timeout 65s;
    keepalive_requests 100000000;
    client_body_temp_path $WORK/nginx/client_body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    server {
        listen 127.0.0.1:$port;
        root $WORK/nginx/www;
    }
}
EOF
        "$NGINX" -p "$WORK/nginx" -e "$WORK/nginx/logs/error.log" -c "$WORK/nginx/nginx.conf" \
            >"$WORK/nginx/logs/stdout.log" 2>&1 &
        NGINX_PID=$!
        STOP_PIDS+=("$NGINX_PID")
        for _ in $(seq 1 50); do
            if curl -sf -o "$WORK/nginx-copy.json" "http://127.0.0.1:$port/timeline.json"; then
                NGINX_PORT=$port
                return 0
            fi
            kill -0 "$NGINX_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill "$NGINX_PID" 2>/dev/null || true
        log "nginx did not start on port $port (attempt $attempt): $(tail -1 "$WORK/nginx/logs/error.log" 2>/dev/null)"
    done
    die "nginx did not start"
}
start_nginx
NGINX_URL="http://127.0.0.1:$NGINX_PORT"
cmp -s "$WORK/nginx-copy.json" "$WORK/nginx/www/timeline.json" || die "nginx does not serve the identical bytes"
curl -sf "$CHORUS$TIMELINE" | cmp -s - "$WORK/nginx/www/timeline.json" || die "the hub's page changed"
WORKERS=$(pgrep -P "$NGINX_PID" | wc -l)
log "nginx $("$NGINX" -v 2>&1 | sed 's/.*nginx\///') pid $NGINX_PID on 127.0.0.1:$NGINX_PORT, worker_processes $NGINX_WORKERS ($WORKERS workers)"

# --- the Java baseline: a bare Jetty servlet writing the same bytes (newest scenario only) -------------------
if [ "$JETTY_BASELINE" = 1 ]; then
    # shellcheck disable=SC2086
    java $HUB_JAVA_OPTS -cp "$WORK/chorus-hub.jar" "$HTTP_BENCH_DIR/TimelineBaseline.java" \
        "$WORK/nginx/www/timeline.json" >"$WORK/baseline.log" 2>&1 &
    BASE_PID=$!
    STOP_PIDS+=("$BASE_PID")
    BASE_PORT=""
    for _ in $(seq 1 240); do
        kill -0 "$BASE_PID" 2>/dev/null || { cat "$WORK/baseline.log" >&2; die "the Jetty baseline exited"; }
        BASE_PORT=$(sed -n 's/^TimelineBaseline listening on 127\.0\.0\.1 (port \([0-9]*\)).*/\1/p' "$WORK/baseline.log")
        [ -n "$BASE_PORT" ] && break
        sleep 0.5
    done
    [ -n "$BASE_PORT" ] || die "the Jetty baseline did not start"
    BASE_URL="http://127.0.0.1:$BASE_PORT"
    curl -sf "$BASE_URL/timeline.json" | cmp -s - "$WORK/nginx/www/timeline.json" || die "the Jetty baseline's bytes differ"
    log "bare Jetty servlet baseline pid $BASE_PID on 127.0.0.1:$BASE_PORT"
fi

# --- wrk ------------------------------------------------------------------------------------------------------
: >"$WORK/results.tsv"
ms_of() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) x = v / 1000; else if (v ~ /ms$/) x = v + 0;
    else if (v ~ /m$/) x = v * 60000; else if (v ~ /s$/) x = v * 1000; else x = v; printf "%.2f", x }'; }

# run_wrk SCENARIO SIDE ROUND DURATION URL [LUA]; ROUND "warm" is not recorded.
run_wrk() {
    local scenario=$1 side=$2 round=$3 duration=$4 url=$5 lua=${6:-} out
    out="$WORK/wrk-$scenario-$side-$round.txt"
    if [ -n "$lua" ]; then
        wrk -t"$THREADS" -c"$CONNS" -d"$duration" --latency -s "$lua" "$url" >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed"; }
    else
        wrk -t"$THREADS" -c"$CONNS" -d"$duration" --latency "$url" >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed"; }
    fi
    local rps p99 bad errors
    rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")
    p99=$(ms_of "$(awk '$1 == "99%" { print $2 }' "$out")")
    bad=$(awk -F': *' '/Non-2xx or 3xx responses/ { print $2 }' "$out")
    errors=$(sed -n 's/^ *Socket errors: *//p' "$out")
    [ -z "$bad" ] || die "$side $scenario: $bad responses were not 2xx (see $out)"
    printf '  %-7s %-6s %-5s %8s req/s   p99 %8s ms%s\n' "$scenario" "$side" "$round" "$rps" "$p99" \
        "${errors:+   socket errors: $errors}"
    [ "$round" = warm ] || printf '%s\t%s\t%s\t%s\t%s\n' "$scenario" "$side" "$round" "$rps" "$p99" >>"$WORK/results.tsv"
}

echo
echo "Chorus timeline vs nginx static file, wrk -t$THREADS -c$CONNS -d$DURATION --latency, HTTP/1.1 keep-alive, 127.0.0.1"
echo "  page: $PAGE_BYTES bytes, $PAGE_ITEMS posts; nginx worker_processes $NGINX_WORKERS ($WORKERS workers); hub and Jetty baseline JVM: $HUB_JAVA_OPTS"
echo "  start: $(machine_line)"
run_wrk newest chorus warm "$WARMUP" "$CHORUS$TIMELINE"
[ "$JETTY_BASELINE" = 1 ] && run_wrk newest jetty warm "$WARMUP" "$BASE_URL/timeline.json"
run_wrk newest nginx warm 3s "$NGINX_URL/timeline.json"
for round in $(seq 1 "$ROUNDS"); do
    run_wrk newest chorus "$round" "$DURATION" "$CHORUS$TIMELINE"
    [ "$JETTY_BASELINE" = 1 ] && run_wrk newest jetty "$round" "$DURATION" "$BASE_URL/timeline.json"
    run_wrk newest nginx "$round" "$DURATION" "$NGINX_URL/timeline.json"
done
run_wrk depth chorus warm "$WARMUP" "$CHORUS" "$WORK/depth-chorus.lua"
for round in $(seq 1 "$ROUNDS"); do
    run_wrk depth chorus "$round" "$DURATION" "$CHORUS" "$WORK/depth-chorus.lua"
    run_wrk depth nginx "$round" "$DURATION" "$NGINX_URL" "$WORK/depth-nginx.lua"
done
echo "  end:   $(machine_line)"

# --- summary: medians of the same run -------------------------------------------------------------------------
echo
awk -F'\t' '
function median(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
{ rps[$1, $2, $3] = $4; p99[$1, $2, $3] = $5; if ($3 > rounds[$1]) rounds[$1] = $3 }
END {
    target["newest"] = 0.70; target["depth"] = 0.45
    split("newest depth", scenarios, " ")
    printf "%-8s %-24s %-22s %-13s %-13s %-14s %s\n", "scenario", "Chorus/nginx per round", "median ratio (target)",
        "Chorus req/s", "nginx req/s", "Chorus p99 ms", "nginx p99 ms"
    for (s = 1; s <= 2; s++) {
        sc = scenarios[s]; n = rounds[sc]; list = ""
        for (r = 1; r <= n; r++) {
            ratio[r] = rps[sc, "chorus", r] / rps[sc, "nginx", r]; list = list sprintf("%.2f ", ratio[r])
            cr[r] = rps[sc, "chorus", r]; nr[r] = rps[sc, "nginx", r]; cp[r] = p99[sc, "chorus", r]; np[r] = p99[sc, "nginx", r]
        }
        m = median(ratio, n)
        printf "%-8s %-24s %-22s %-13.0f %-13.0f %-14.2f %.2f\n", sc, list,
            sprintf("%.2f (>= %.2f) %s", m, target[sc], m >= target[sc] ? "PASS" : "FAIL"),
            median(cr, n), median(nr, n), median(cp, n), median(np, n)
    }
    n = rounds["newest"]
    if (rps["newest", "jetty", 1] != "") {
        list = ""; list2 = ""
        for (r = 1; r <= n; r++) {
            a[r] = rps["newest", "jetty", r] / rps["newest", "nginx", r]; list = list sprintf("%.2f ", a[r])
            b[r] = rps["newest", "chorus", r] / rps["newest", "jetty", r]; list2 = list2 sprintf("%.2f ", b[r])
            jr[r] = rps["newest", "jetty", r]; jp[r] = p99["newest", "jetty", r]
        }
        printf "%-8s %-24s %-22s %-13.0f %-13s %-14.2f\n", "jetty", list, sprintf("%.2f", median(a, n)) " (bare/nginx)",
            median(jr, n), "", median(jp, n)
        printf "%-8s %-24s %-22s\n", "", list2, sprintf("%.2f", median(b, n)) " (Chorus/bare)"
    }
    print "(req/s and p99 columns: medians over the rounds; the ratio is the median of the per-round ratios;"
    print " jetty: a bare Jetty servlet writing the same bytes, newest scenario only)"
}' "$WORK/results.tsv"
