#!/usr/bin/env bash
# ZIP bomb benchmark (not a test): the CPU and wall time the content check of one upload costs
# for Word files that inflate to 99 MiB, 1 GiB and 4 GiB of zeros (with sizes declared in the
# headers or hidden), and for an ordinary one. Best of ROUNDS runs (default 3) on one thread.
#
#   bench/zip-bomb-benchmark.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
./mvnw -B -ntp -q test-compile -Dspring-javaformat.skip=true
./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
$JAVA -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
	no.dfo.kundesenter.attachments.internal.ZipBombBenchmark "${1:-3}"
