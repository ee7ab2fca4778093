#!/usr/bin/env bash
# Time and heap of one CSV export against the generated database: the agency list of the
# largest agency's payroll fagbruker (lise: about 90,000 cases at Testetaten), or any path
# given. The portal runs with the demo profile; PID is its JVM (for jstat and jcmd).
#
#   PID=$(pgrep -f kundesenter-0.1.0) BASE=http://localhost:18080 bench/export.sh
#
# Environment: BASE, PID (required), USER_NAME (lise), EXPORT (the path), ROUNDS (warm-up
# exports before the measured one, 3).
set -euo pipefail

BASE=${BASE:-http://localhost:8080}
USER_NAME=${USER_NAME:-lise}
EXPORT=${EXPORT:-/saker/eksport?omfang=virksomhet}
ROUNDS=${ROUNDS:-3}
: "${PID:?set PID to the process id of the portal JVM}"
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
CONNECTIONS=1
. "$here/sessions.sh"
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
JSTAT=${JAVA_HOME:+$JAVA_HOME/bin/}jstat

session=$(login "$USER_NAME")
download() {
  curl -sf -o "$work/export.csv" -w '%{time_total} %{size_download}\n' -H "Cookie: SESSION=$session" "$BASE$EXPORT"
}
for i in $(seq 1 "$ROUNDS"); do
  echo "warm-up $i: $(download) (s, bytes)" >&2
done

# Idle: the heap in use right after a full collection.
heap_used() { $JSTAT -gc "$PID" | awk 'NR==2 {printf "%d", ($3+$4+$6+$8) / 1024}'; }
$JCMD "$PID" GC.run >/dev/null
sleep 1
idle=$(heap_used)
. "$here/heap-sampler.sh"
read -r seconds bytes < <(download)
sleep 0.3
read -r peak old_peak < <(heap_peaks)
rows=$(($(wc -l < "$work/export.csv") - 1))
$JCMD "$PID" GC.run >/dev/null
after=$(heap_used)
echo "export $EXPORT as $USER_NAME: $rows rows, $((bytes / 1024)) KB in ${seconds} s"
echo "heap (MB): idle after a full GC $idle; peak in use during the export $((peak / 1024)) (garbage included)," \
  "old generation peak $((old_peak / 1024)); after a full GC $after"
echo "max heap: $($JCMD "$PID" VM.flags | grep -o 'MaxHeapSize=[0-9]*' | awk -F= '{printf "%d MB", $2/1048576}')"
