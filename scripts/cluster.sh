#!/usr/bin/env bash
# A local Broadsheet cluster: PostgreSQL-backed nodes behind Varnish, media in a local S3 server.
#
#   scripts/cluster.sh start [NODES]   start NODES nodes (default 3), print the addresses
#   scripts/cluster.sh status          what runs, and whether each node is ready
#   scripts/cluster.sh stop            stop everything start started
#   scripts/cluster.sh bench [SECONDS] short wrk runs through Varnish: req/s and Varnish's hit ratio
#
# Needs Java 17, Maven, PostgreSQL answering at $PGHOST:$PGPORT (default 127.0.0.1:5432, user
# $PGUSER or postgres, password $PGPASSWORD if it needs one), and Debian's varnish (apt-get install
# varnish; wrk for bench). It builds the jar if missing, creates the database broadsheet_cluster if
# missing, fetches s3proxy from Maven Central into target/cluster, and keeps every file and log
# under target/cluster. The first node migrates the database and loads the demo newsroom
# (editor@example.com / broadsheet-demo) on an empty one.
# Ports: Varnish ${CLUSTER_PORT:-6081}, nodes 8081.., S3 ${S3_PORT:-9000}.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=$(pwd)/target/cluster
port=${CLUSTER_PORT:-6081}
first_node=${FIRST_NODE_PORT:-8081}
s3_port=${S3_PORT:-9000}
pghost=${PGHOST:-127.0.0.1}
pgport=${PGPORT:-5432}
pguser=${PGUSER:-postgres}
database=${CLUSTER_DATABASE:-broadsheet_cluster}
s3proxy_version=3.3.0
bucket=broadsheet-media

say() { printf '%s\n' "$*"; }
die() { say "cluster: $*" >&2; exit 1; }

# Whether the process a pid file names still runs and is one this script started (a pid may have
# been reused since).
running() {
  [ -f "$1" ] || return 1
  local pid
  pid=$(cat "$1")
  kill -0 "$pid" 2>/dev/null && grep -qaE 'broadsheet|s3proxy|varnishd' "/proc/$pid/cmdline" 2>/dev/null
}

ready() { curl -fs -o /dev/null "http://127.0.0.1:$1/actuator/health/readiness"; }

wait_ready() {
  local node_port=$1 pid_file=$2 log=$3
  for _ in $(seq 1 180); do
    ready "$node_port" && return 0
    running "$pid_file" || die "the node on port $node_port stopped: see $log"
    sleep 1
  done
  die "the node on port $node_port is not ready after 3 minutes: see $log"
}

start_s3() {
  local jar="$dir/s3proxy-$s3proxy_version.jar"
  if [ ! -f "$jar" ]; then
    say "Fetching s3proxy $s3proxy_version from Maven Central"
    mvn -q dependency:copy -Dartifact="org.gaul:s3proxy:$s3proxy_version:jar:jar-with-dependencies" \
      -DoutputDirectory="$dir" -Dmdep.stripClassifier=true -Dmdep.stripVersion=false >/dev/null \
      || die "could not fetch org.gaul:s3proxy:$s3proxy_version"
    mv "$dir/s3proxy-$s3proxy_version.jar" "$jar" 2>/dev/null || true
  fi
  mkdir -p "$dir/s3/$bucket"
  cat > "$dir/s3proxy.properties" <<PROPERTIES
s3proxy.endpoint=http://127.0.0.1:$s3_port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=broadsheet
s3proxy.credential=broadsheet-secret
jclouds.provider=filesystem
jclouds.filesystem.basedir=$dir/s3
PROPERTIES
  nohup java -jar "$jar" --properties "$dir/s3proxy.properties" > "$dir/s3proxy.log" 2>&1 &
  echo $! > "$dir/s3proxy.pid"
  for _ in $(seq 1 60); do
    curl -s -o /dev/null "http://127.0.0.1:$s3_port/" && return 0
    running "$dir/s3proxy.pid" || die "s3proxy stopped: see $dir/s3proxy.log"
    sleep 1
  done
  die "s3proxy does not answer on port $s3_port: see $dir/s3proxy.log"
}

start_node() {
  local n=$1 demo=$2
  local node_port=$((first_node + n - 1)) data="$dir/node$n"
  mkdir -p "$data"
  nohup java -Xmx384m -jar target/broadsheet.jar \
    --server.port="$node_port" \
    --broadsheet.data="$data" \
    --broadsheet.demo.enabled="$demo" \
    --spring.datasource.url="jdbc:postgresql://$pghost:$pgport/$database?user=$pguser" \
    --spring.datasource.password="${PGPASSWORD:-}" \
    --broadsheet.http.trusted-proxies=127.0.0.1 \
    --broadsheet.cdn.purger=varnish \
    --broadsheet.cdn.varnish="http://127.0.0.1:$port" \
    --broadsheet.media.store=s3 \
    --broadsheet.media.s3.bucket="$bucket" \
    --broadsheet.media.s3.endpoint="http://127.0.0.1:$s3_port" \
    --broadsheet.media.s3.path-style=true \
    --broadsheet.media.s3.access-key=broadsheet \
    --broadsheet.media.s3.secret-key=broadsheet-secret \
    > "$data/node.log" 2>&1 &
  echo $! > "$dir/node$n.pid"
}

# docs/varnish.vcl with its backends block naming the nodes started here.
write_vcl() {
  local nodes=$1 backends director
  backends=$'probe ready {\n    .url = "/actuator/health/readiness";\n    .interval = 1s;\n    .timeout = 1s;\n    .window = 3;\n    .threshold = 2;\n}\n'
  director=$'sub vcl_init {\n    new nodes = directors.round_robin();\n'
  for n in $(seq 1 "$nodes"); do
    backends+="backend node$n { .host = \"127.0.0.1\"; .port = \"$((first_node + n - 1))\"; .probe = ready; }"$'\n'
    director+="    nodes.add_backend(node$n);"$'\n'
  done
  director+=$'}\n'
  awk -v block="$backends$director" '
    /# BACKENDS BEGIN/ { print; printf "%s", block; skip = 1; next }
    /# BACKENDS END/ { skip = 0 }
    !skip { print }' docs/varnish.vcl > "$dir/varnish.vcl"
}

start() {
  local nodes=${1:-3}
  [[ "$nodes" =~ ^[1-9][0-9]?$ ]] || die "NODES must be a number from 1 to 99"
  command -v varnishd >/dev/null || [ -x /usr/sbin/varnishd ] || die "needs Varnish (apt-get install varnish)"
  command -v psql >/dev/null || die "needs psql (apt-get install postgresql-client)"
  running "$dir/varnish.pid" && die "already running: scripts/cluster.sh stop first"
  mkdir -p "$dir"
  [ -f target/broadsheet.jar ] || { say "Building the jar"; mvn -q -DskipTests package; }
  psql -h "$pghost" -p "$pgport" -U "$pguser" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" \
    | grep -q 1 || psql -h "$pghost" -p "$pgport" -U "$pguser" -d postgres -qc "CREATE DATABASE $database" \
    || die "cannot reach PostgreSQL at $pghost:$pgport as $pguser"
  start_s3
  # Varnish first, so that the nodes' first purges find it (it waits for them to be ready).
  write_vcl "$nodes"
  mkdir -p "$dir/varnish"
  chmod 755 "$dir" "$dir/varnish"
  /usr/sbin/varnishd -n "$dir/varnish" -a "127.0.0.1:$port" -f "$dir/varnish.vcl" -s malloc,256m \
    -P "$dir/varnish.pid" > "$dir/varnish.log" 2>&1 || die "varnishd did not start: see $dir/varnish.log"
  say "Starting node 1 (migrations, demo content on an empty database)"
  start_node 1 true
  wait_ready "$first_node" "$dir/node1.pid" "$dir/node1/node.log"
  for n in $(seq 2 "$nodes"); do start_node "$n" false; done
  for n in $(seq 2 "$nodes"); do wait_ready $((first_node + n - 1)) "$dir/node$n.pid" "$dir/node$n/node.log"; done
  echo "$nodes" > "$dir/nodes"
  say ""
  say "Broadsheet cluster: $nodes nodes on PostgreSQL $pghost:$pgport/$database, media in S3 bucket $bucket"
  say "  site (through Varnish)  http://127.0.0.1:$port/"
  say "  newsroom                http://127.0.0.1:$port/newsroom   editor@example.com / broadsheet-demo"
  for n in $(seq 1 "$nodes"); do
    say "  node $n                  http://127.0.0.1:$((first_node + n - 1))/   log: $dir/node$n/node.log"
  done
  say "  metrics (node 1)        http://127.0.0.1:$first_node/actuator/prometheus"
  say "  S3 (s3proxy)            http://127.0.0.1:$s3_port/   files: $dir/s3/$bucket"
  say "Stop with: scripts/cluster.sh stop"
}

stop() {
  [ -d "$dir" ] || { say "Nothing runs"; return 0; }
  for pid_file in "$dir"/node*.pid "$dir/varnish.pid" "$dir/s3proxy.pid"; do
    [ -f "$pid_file" ] || continue
    if running "$pid_file"; then kill "$(cat "$pid_file")" 2>/dev/null || true; fi
  done
  # Nodes drain for up to 20 s (graceful shutdown).
  for pid_file in "$dir"/node*.pid "$dir/varnish.pid" "$dir/s3proxy.pid"; do
    [ -f "$pid_file" ] || continue
    for _ in $(seq 1 30); do running "$pid_file" || break; sleep 1; done
    running "$pid_file" && kill -9 "$(cat "$pid_file")" 2>/dev/null || true
    rm -f "$pid_file"
  done
  say "Stopped (data kept in $dir and in the database $database; remove both to start afresh)"
}

status() {
  local nodes
  nodes=$(cat "$dir/nodes" 2>/dev/null || echo 0)
  running "$dir/varnish.pid" && say "varnish  http://127.0.0.1:$port/ running" || say "varnish  stopped"
  running "$dir/s3proxy.pid" && say "s3proxy  http://127.0.0.1:$s3_port/ running" || say "s3proxy  stopped"
  for n in $(seq 1 "$nodes"); do
    local node_port=$((first_node + n - 1))
    if ready "$node_port"; then say "node $n   http://127.0.0.1:$node_port/ ready"
    elif running "$dir/node$n.pid"; then say "node $n   http://127.0.0.1:$node_port/ running, not ready"
    else say "node $n   stopped"; fi
  done
}

bench() {
  local seconds=${1:-10}
  command -v wrk >/dev/null || die "needs wrk (apt-get install wrk)"
  running "$dir/varnish.pid" || die "start the cluster first"
  local before after
  stat() { varnishstat -n "$dir/varnish" -1 -f MAIN.cache_hit -f MAIN.cache_miss -f MAIN.cache_hitpass -f MAIN.cache_hitmiss \
    | awk '{ s[$1] = $2 } END { print s["MAIN.cache_hit"] + 0, s["MAIN.cache_miss"] + s["MAIN.cache_hitpass"] + s["MAIN.cache_hitmiss"] + 0 }'; }
  # An article page carries per-reader parts (the comment form's tokens): Varnish passes it and
  # the node serves it from its own page cache.
  local article
  article=$(curl -s "http://127.0.0.1:$port/news/" | grep -o 'href="/news/[^"]\{1,\}"' | head -n 1 \
    | sed 's/href="//; s/"$//' || true)
  for path in / /news/ /feed/rss $article; do
    sleep 2
    before=$(stat)
    say "wrk -t1 -c64 -d${seconds}s http://127.0.0.1:$port$path"
    wrk -t1 -c64 -d"${seconds}s" "http://127.0.0.1:$port$path" | grep -E "Requests/sec|Latency|Non-2xx|Socket errors" || true
    sleep 2 # varnishstat's counters are published about once a second
    after=$(stat)
    read -r h0 m0 <<< "$before"; read -r h1 m1 <<< "$after"
    awk -v h=$((h1 - h0)) -v m=$((m1 - m0)) 'BEGIN { printf "  hit ratio %.4f (%d hits, %d misses and passes)\n", (h + m) ? h / (h + m) : 0, h, m }'
  done
}

case "${1:-}" in
  start) start "${2:-3}" ;;
  stop) stop ;;
  status) status ;;
  bench) bench "${2:-10}" ;;
  *) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
