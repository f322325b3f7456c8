#!/usr/bin/env bash
# Webhook latency: how long after an article is published through the Admin API its signed
# article.published delivery reaches a receiver (issue 14: "within 2 s").
#
#   scripts/benchmark-webhooks.sh [ARTICLES]      default 50
#
# Starts the jar (built if missing) on a fresh SQLite data folder under target/webhook-bench with
# the demo newsroom, signs in as the demo administrator, issues an Admin API key, subscribes a
# small Python receiver on 127.0.0.1 to article.published, then for each article creates a draft
# and publishes it, timing from the publish request's start to the delivery's arrival at the
# receiver (both clocks are this machine's). Prints min, p50, p95 and max in milliseconds, and
# exits 1 if any delivery is missing after 30 s. Needs bash, curl, jq and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-50}
port=8097
hook_port=8098
base=http://127.0.0.1:$port
work=target/webhook-bench
rm -rf "$work" && mkdir -p "$work"
[[ -f target/broadsheet.jar ]] || mvn -q -DskipTests package

cleanup() { kill "${app:-}" "${receiver:-}" 2>/dev/null || true; }
trap cleanup EXIT

python3 - "$hook_port" "$work/received.tsv" <<'PY' &
import http.server, json, sys, time
port, out = int(sys.argv[1]), sys.argv[2]
class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get('Content-Length', 0)))
        arrived = time.time()
        data = json.loads(body).get('data', {})
        with open(out, 'a') as f:
            f.write(f"{data.get('id')}\t{arrived:.6f}\n")
        self.send_response(204); self.end_headers()
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(('127.0.0.1', port), Hook).serve_forever()
PY
receiver=$!

BROADSHEET_DATA="$work/data" java -jar target/broadsheet.jar --server.port=$port \
  --broadsheet.webhooks.allow-private-addresses=true > "$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 120); do curl -sf -o /dev/null "$base/actuator/health/readiness" && break; sleep 1; done

# Sign in as the demo administrator and issue a key (the secret is on the answer page only).
jar="$work/cookies"
csrf() { curl -s -c "$jar" -b "$jar" "$base$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
curl -s -c "$jar" -b "$jar" -o /dev/null -d "email=admin@example.com&password=broadsheet-demo&_csrf=$(csrf /login)" "$base/login"
key=$(curl -s -c "$jar" -b "$jar" -d "name=Latency benchmark&account=admin@example.com&role=administrator&_csrf=$(csrf /newsroom/api-keys)" \
  "$base/newsroom/api-keys" | grep -o 'bsk_[A-Za-z0-9_-]*' | head -1)
[[ -n "$key" ]] || { echo "no API key issued; see $work/app.log" >&2; exit 1; }
api=(-s -H "Authorization: Bearer $key" -H 'Content-Type: application/json')
curl "${api[@]}" -o /dev/null -f "$base/api/admin/v1/webhooks" \
  -d "{\"url\":\"http://127.0.0.1:$hook_port/\",\"events\":[\"article.published\"]}"

: > "$work/sent.tsv"
for i in $(seq 1 "$count"); do
  id=$(curl "${api[@]}" -f "$base/api/admin/v1/articles" -d "{\"headline\":\"Latency $i\",\"section\":\"Bench\",\
\"authors\":[\"Bench Writer\"],\"bodyMarkdown\":\"Timing delivery $i.\"}" | jq .id)
  start=$(python3 -c 'import time; print(f"{time.time():.6f}")')
  curl "${api[@]}" -f -o /dev/null -X POST "$base/api/admin/v1/articles/$id/publish"
  printf '%s\t%s\n' "$id" "$start" >> "$work/sent.tsv"
done

for _ in $(seq 1 30); do
  [[ $(wc -l < "$work/received.tsv" 2>/dev/null || echo 0) -ge $count ]] && break; sleep 1
done
python3 - "$work/sent.tsv" "$work/received.tsv" <<'PY'
import sys
sent = dict(l.split('\t') for l in open(sys.argv[1]).read().split('\n') if l)
got = {}
for l in open(sys.argv[2]).read().split('\n'):
    if l:
        i, t = l.split('\t'); got.setdefault(i, float(t))
ms = sorted((got[i] - float(t)) * 1000 for i, t in sent.items() if i in got)
missing = len(sent) - len(ms)
if ms:
    q = lambda p: ms[min(len(ms) - 1, int(p * len(ms)))]
    print(f"deliveries {len(ms)}/{len(sent)}  min {ms[0]:.0f} ms  p50 {q(0.5):.0f} ms  p95 {q(0.95):.0f} ms  max {ms[-1]:.0f} ms")
sys.exit(1 if missing else 0)
PY
