#!/usr/bin/env bash
# Newsletter sending benchmark (see NewsletterBenchmark): messages per second into a local
# GreenMail, one node on SQLite, every row marked sent before its final dot; heap used.
# Usage: scripts/benchmark-newsletter.sh [subscribers=10000] [rate=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests test-compile
classpath="target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
java -Xmx1g -cp "$classpath" org.broadsheet.newsletter.sending.NewsletterBenchmark "${1:-10000}" "${2:-100000}"
