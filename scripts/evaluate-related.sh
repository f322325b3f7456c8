#!/usr/bin/env bash
# Precision@4 of related articles on the labelled BBC News corpus (see RelatedEvaluation).
# Usage: scripts/evaluate-related.sh [path/to/corpus/news/bbc]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests test-compile
classpath="target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
java -cp "$classpath" org.broadsheet.search.RelatedEvaluation "${1:-../shared/corpus/news/bbc}"
