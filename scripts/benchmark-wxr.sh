#!/usr/bin/env bash
# WordPress import memory benchmark: generates a WXR file of about MEGABYTES (default 200) and
# imports it with a 256 MB heap into a temporary data folder (SQLite), printing the time taken,
# the heap limit, the file size and the import rate.
# Usage: scripts/benchmark-wxr.sh [MEGABYTES]
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes="${1:-200}"
[ -f target/broadsheet.jar ] || mvn -q -DskipTests package
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java scripts/GenerateWxr.java "$work/export.xml" "$megabytes"
bytes=$(stat -c %s "$work/export.xml")
start=$(date +%s.%N)
java -Xmx256m -jar target/broadsheet.jar import-wordpress "$work/export.xml" \
  --broadsheet.data="$work/data" 2>"$work/progress.txt" | tee "$work/report.txt"
end=$(date +%s.%N)
posts=$(awk '/^posts:/ {print $4}' "$work/report.txt")
awk -v s="$start" -v e="$end" -v b="$bytes" -v n="$posts" 'BEGIN {
  t = e - s
  printf "file %.1f MB, heap limit 256 MB (-Xmx256m), %d articles in %.1f s: %.0f articles/s, %.2f MB/s\n",
    b / 1048576, n, t, n / t, b / 1048576 / t }'
