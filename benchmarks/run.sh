#!/usr/bin/env bash
# Builds the benchmark jar and runs the whole suite once: Chorus beside raw SQL on a generated store of
# 1,000,000 posts (made on the first run in one to two minutes, then reused), then prints the table of ratios
# against their targets. Takes about 8 minutes. Arguments go to JMH (for example: -f 2, or a regex of benchmarks).
# Set BENCH_JAVA_OPTS for system properties such as -Dchorus.bench.dir=/some/dir; JMH's forks inherit them.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -pl benchmarks -am package -Dmaven.test.skip=true
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:-} -cp benchmarks/target/benchmarks.jar org.chorusfeed.benchmarks.Report "$@"
