#!/usr/bin/env bash
# Search benchmark (see SearchBenchmark): index build rate, search and related latency.
# Usage: scripts/benchmark-search.sh [1000,10000,100000]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests test-compile
classpath="target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
java -Xmx4g -cp "$classpath" org.broadsheet.search.SearchBenchmark "${1:-1000,10000,100000}"
