#!/usr/bin/env bash
# Reader-page benchmark: Broadsheet against nginx serving the same bytes, at 1k and 100k articles.
#
#   scripts/benchmark-pages.sh [SIZES] [SECONDS]      e.g. scripts/benchmark-pages.sh 1000,100000 20
#
# Needs wrk and nginx (Debian: apt-get install wrk nginx-light), Java 17 and Maven. For each size it
# generates a SQLite site (scripts/GenerateArticles.java; kept in target/bench-N for later runs),
# starts the packaged jar (cold start timed), saves each page's exact bytes and serves them with
# nginx, then runs wrk -t1 -c64 on each page as interleaved pairs (Broadsheet, then nginx), three
# times, and prints medians: req/s, p50, p99, and the ratio. Then: search with a distinct query
# per request (so the page cache cannot answer), 64 and 512 connections for 60 s with the cache
# on and off (non-2xx and socket errors counted), uncached single-connection render times, and
# the JVM's resident memory. Results are printed as Markdown rows for docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-1000,100000}
seconds=${2:-20}
long=${LONG_SECONDS:-60}
port=8180
nginx_port=8181
work=$(pwd)/target/bench
mkdir -p "$work"

command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "needs wrk and nginx (apt-get install wrk nginx-light)" >&2; exit 2; }
[ -f target/broadsheet.jar ] && [ -z "${REBUILD:-}" ] || mvn -q -DskipTests package
sqlite_jar=$(find ~/.m2/repository/org/xerial/sqlite-jdbc -name 'sqlite-jdbc-*.jar' | sort | tail -n 1)

pid=""
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; pid=""; }
nginx_stop() { if [ -f "$work/nginx.pid" ]; then kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; fi; rm -f "$work/nginx.pid"; }
trap 'stop; nginx_stop' EXIT

# start DATA [OPTIONS...]: starts the jar (pid in $pid), waits until the home page answers; seconds to
# the first 200 in $started_in.
start() {
  local data=$1; shift
  local began=$(date +%s.%N)
  BROADSHEET_DATA=$data java ${JAVA_OPTS:-} -jar target/broadsheet.jar --server.port=$port \
    --broadsheet.demo.enabled=false "$@" >"$data.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do
    kill -0 "$pid" 2>/dev/null || { echo "the site did not start: see $data.log" >&2; exit 1; }
    sleep 0.2
  done
  started_in=$(echo "$(date +%s.%N) - $began" | bc)
}

# wrk_run URL CONNECTIONS SECONDS [SCRIPT]: prints "req/s p50_ms p99_ms non2xx socket_errors"
wrk_run() {
  local out
  out=$(wrk -t1 -c"$2" -d"$3"s --timeout 10s --latency ${4:+-s "$4"} "$1")
  local rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  local p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  local p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  local non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  local socket=$(awk -F'[ ,]+' '/Socket errors/ {print $4+$6+$8+$10}' <<<"$out")
  echo "$rps $(ms "$p50") $(ms "$p99") ${non2xx:-0} ${socket:-0}"
}
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v/1000; else if (v ~ /ms$/) printf "%.2f", v+0; else if (v ~ /s$/) printf "%.2f", v*1000; else print v }'; }
median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

for size in ${sizes//,/ }; do
  data="$work/site-$size"
  if [ ! -f "$data/broadsheet.db" ]; then
    echo "Generating $size articles in $data…" >&2
    rm -rf "$data"; mkdir -p "$data"
    start "$data"; stop
    java -cp "$sqlite_jar" scripts/GenerateArticles.java "$data/broadsheet.db" "$size"
    rm -rf "$data/index"
  fi
  start "$data"; cold=$started_in
  # The search index is rebuilt at the first start after generation: wait until it finds articles.
  until curl -s "http://127.0.0.1:$port/api/search?q=policy&n=$RANDOM" | grep -q '"total":[1-9]'; do sleep 1; done
  # A mid-list article of the front page, its section, its first tag and first author.
  first() { { grep -o "$1" || true; } | awk -v n="${2:-1}" 'NR == n { print }' | cut -d'"' -f2; }
  article=$(curl -s "http://127.0.0.1:$port/" | first 'href="/[a-z]*/[^"/][^"/]*"' 5)
  section=$(cut -d/ -f2 <<<"$article")
  tag=$(curl -s "http://127.0.0.1:$port$article" | first 'href="/tag/[^"]*"')
  author=$(curl -s "http://127.0.0.1:$port$article" | first 'href="/author/[^"]*"')
  declare -A pages=([article]="$article" [home]="/" [section]="/$section/" [tag]="$tag" [author]="$author"
    [rss]="/feed/rss" [search]="/search?q=policy")

  # nginx serves each page's exact bytes (as an anonymous reader gets them) from files.
  rm -rf "$work/static"; mkdir -p "$work/static"
  for name in "${!pages[@]}"; do curl -s "http://127.0.0.1:$port${pages[$name]}" -o "$work/static/$name"; done
  cat >"$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  default_type text/html;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:$nginx_port; root $work/static; location / { try_files \$uri =404; } }
}
NGINX
  nginx_stop; nginx -c "$work/nginx.conf"

  # JIT warm-up: every page twice before any is measured, so that the first page measured does not
  # pay for compiling the code all pages share.
  for rep in 1 2; do
    for name in article home section tag author rss search; do wrk_run "http://127.0.0.1:$port${pages[$name]}" 64 5 >/dev/null; done
  done

  echo "## $size articles (cold start ${cold}s)"
  echo "| page | Broadsheet req/s | p50 ms | p99 ms | nginx req/s | nginx p99 ms | ratio | non-2xx |"
  echo "|---|---|---|---|---|---|---|---|"
  for name in article home section tag author rss search; do
    url="http://127.0.0.1:$port${pages[$name]}"
    nurl="http://127.0.0.1:$nginx_port/$name"
    wrk_run "$url" 64 5 >/dev/null   # warm-up
    : >"$work/b" ; : >"$work/n"
    for rep in 1 2 3; do
      wrk_run "$url" 64 "$seconds" >>"$work/b"
      wrk_run "$nurl" 64 "$seconds" >>"$work/n"
    done
    b_rps=$(cut -d' ' -f1 "$work/b" | median); n_rps=$(cut -d' ' -f1 "$work/n" | median)
    b_p50=$(cut -d' ' -f2 "$work/b" | median); b_p99=$(cut -d' ' -f3 "$work/b" | median)
    n_p99=$(cut -d' ' -f3 "$work/n" | median); errors=$(awk '{ s += $4 + $5 } END { print s }' "$work/b")
    echo "| $name | $b_rps | $b_p50 | $b_p99 | $n_rps | $n_p99 | $(echo "scale=2; $b_rps / $n_rps" | bc) | $errors |"
  done

  # Distinct queries: every request a new address, so every one is a search (and a cache miss).
  cat >"$work/distinct.lua" <<'LUA'
local words = { "policy", "budget", "river", "election", "market", "energy", "school", "trade", "housing", "climate",
  "court", "bank", "rail", "port", "union", "summit", "tariff", "wages", "drought", "museum" }
-- A run's own prefix, so that no address repeats one of an earlier run against the same site.
local run = tostring(os.time()) .. tostring(math.random(1000000))
local n = 0
request = function()
  n = n + 1
  local q = words[(n % #words) + 1] .. "+" .. words[((n * 7) % #words) + 1]
  return wrk.format("GET", "/search?q=" .. q .. "&page=1&n=" .. run .. "-" .. n)
end
LUA
  read -r rps p50 p99 non2xx socket < <(wrk_run "http://127.0.0.1:$port" 64 "$seconds" "$work/distinct.lua")
  echo; echo "Search, distinct queries (64 connections): $rps req/s, p50 $p50 ms, p99 $p99 ms, non-2xx $non2xx, socket errors $socket"

  for c in 64 512; do
    read -r rps p50 p99 non2xx socket < <(wrk_run "http://127.0.0.1:$port$article" "$c" "$long")
    echo "Article, cache on, $c connections, ${long}s: $rps req/s, p99 $p99 ms, non-2xx $non2xx, socket errors $socket"
  done
  rss=$(ps -o rss= -p "$pid"); echo "JVM resident memory after the runs: $((rss / 1024)) MiB"
  stop

  start "$data" --broadsheet.cache.enabled=false
  for c in 64 512; do
    read -r rps p50 p99 non2xx socket < <(wrk_run "http://127.0.0.1:$port$article" "$c" "$long")
    echo "Article, cache off, $c connections, ${long}s: $rps req/s, p99 $p99 ms, non-2xx $non2xx, socket errors $socket"
  done
  for name in article home; do
    wrk_run "http://127.0.0.1:$port${pages[$name]}" 1 5 >/dev/null
    read -r rps p50 p99 non2xx socket < <(wrk_run "http://127.0.0.1:$port${pages[$name]}" 1 "$seconds")
    echo "Uncached $name, one connection: p50 $p50 ms, p99 $p99 ms ($rps req/s)"
  done
  stop
  # The default settings at a 256 MiB heap: still serving, without errors.
  JAVA_OPTS=-Xmx256m start "$data"
  read -r rps p50 p99 non2xx socket < <(wrk_run "http://127.0.0.1:$port$article" 64 "$seconds")
  read -r hrps hp50 hp99 hnon2xx hsocket < <(wrk_run "http://127.0.0.1:$port/" 64 "$seconds")
  rss=$(ps -o rss= -p "$pid")
  echo "At -Xmx256m: article $rps req/s (non-2xx $non2xx, socket errors $socket), home $hrps req/s (non-2xx $hnon2xx, socket errors $hsocket), resident memory $((rss / 1024)) MiB"
  stop
  nginx_stop
  echo
done
