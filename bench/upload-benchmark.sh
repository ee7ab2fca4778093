#!/usr/bin/env bash
# Upload benchmark (not a test): 1 MB and 20 MB files at concurrency 4 against a running portal
# (demo profile), then the portal JVM's peak heap while it ran. Optionally eight parallel 25 MB
# uploads, meant for a portal started with -Xmx256m.
#
#   bench/upload-benchmark.sh [BASE_URL] [PORTAL_PID]
#   PARALLEL_25MB=1 bench/upload-benchmark.sh http://localhost:8084 12345
#
# Needs a JDK 21+ (java runs the client from source) and jstat for the heap figure.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:-http://localhost:8080}
PID=${2:-$(pgrep -f "kundesenter" | head -1 || true)}
USER_NAME=${BENCH_USER:-kari}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
. bench/heap-sampler.sh
if [ -n "$PID" ]; then
	JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
	echo "Portal JVM $PID, max heap: $($JCMD "$PID" VM.flags | grep -o 'MaxHeapSize=[0-9]*' | head -1 | awk -F= '{printf "%d MB", $2/1048576}')"
fi

run() { $JAVA bench/UploadBenchmark.java "$BASE" "$USER_NAME" "$@"; }

run 1 8 4 >/dev/null # warm-up
run 1 200 4
run 20 40 4
if [ "${PARALLEL_25MB:-0}" = 1 ]; then
	run 25 8 8
fi
if [ -n "$PID" ]; then
	sleep 0.5
	read -r peak old_peak < <(heap_peaks)
	echo "Portal JVM heap during the run (jstat, sampled every 0.1 s): peak in use $((peak / 1024)) MB" \
		"(garbage included), peak old generation $((old_peak / 1024)) MB"
fi
