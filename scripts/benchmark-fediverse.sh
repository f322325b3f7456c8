#!/usr/bin/env bash
# Fediverse delivery latency (issue 17: "an article published in the newsroom reaches a follower
# within seconds, signed"): how long from the newsroom's publish request to the moment an
# independent ActivityPub server (the Fedify peer of FediverseFedifyContract) has received and
# verified the signed Create of the Article.
#
#   scripts/benchmark-fediverse.sh [RUNS] [DATABASE]     defaults: 5 runs, sqlite (or postgres)
#
# Each run starts a fresh site (SQLite, or a new PostgreSQL schema from
# BROADSHEET_TEST_POSTGRES_URL) and the Fedify peer, as the test does: the peer follows the
# author through acct: WebFinger, an editor publishes through the newsroom's forms, and the test
# prints the time to the verified Create (the site polls its delivery queue every 100 ms in the
# test and is nudged after the commit). Prints each figure and min, median and max in ms. Needs
# Maven (dependencies already downloaded), Node.js 20+ and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
database=${2:-sqlite}
case "$database" in
  sqlite) test=SqliteFediverseFedifyTest ;;
  postgres) test=PostgresFediverseFedifyTest
    : "${BROADSHEET_TEST_POSTGRES_URL:?set BROADSHEET_TEST_POSTGRES_URL to a JDBC URL}" ;;
  *) echo "database: sqlite or postgres" >&2; exit 2 ;;
esac
figures=()
for run in $(seq "$runs"); do
  ms=$(mvn -o -q test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true 2>&1 \
    | sed -n 's/.*publish (newsroom form) to a verified Create at the peer: \([0-9]*\) ms.*/\1/p' | head -n1)
  [[ -n "$ms" ]] || { echo "run $run: no figure (did the test fail or skip? see target/surefire-reports)" >&2; exit 1; }
  echo "run $run: $ms ms"
  figures+=("$ms")
done
printf '%s\n' "${figures[@]}" | sort -n | awk '{ a[NR] = $1 } END {
  printf "publish to verified Create, %d runs: min %d ms, median %d ms, max %d ms\n", NR, a[1], a[int((NR + 1) / 2)], a[NR] }'
