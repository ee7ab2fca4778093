#!/usr/bin/env bash
# E-mail intake benchmark (not a test): 1,000 mails from kari put in the demo's lønn mailbox
# at once, then how fast the running portal (demo profile, its in-process mail server on
# localhost:3143) turns them into cases, and the portal JVM's peak heap while it did.
#
#   PORTAL_CHANNELS_NEWCASESPERSENDERPERHOUR=100000 PORTAL_CHANNELS_POLLINTERVAL=1s ./mvnw spring-boot:run
#   bench/mail-benchmark.sh [COUNT] [PORTAL_PID]
#
# Needs a JDK 21+ (java runs the client from source with Jakarta Mail from ~/.m2) and jstat.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-1000}
PID=${2:-$(pgrep -f "KundesenterApplication" | head -1 || true)}
FROM=${BENCH_FROM:-kari.nordmann@testetaten.no}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
CP=$(find ~/.m2/repository/jakarta/mail/jakarta.mail-api ~/.m2/repository/org/eclipse/angus/angus-mail \
	~/.m2/repository/jakarta/activation/jakarta.activation-api ~/.m2/repository/org/eclipse/angus/angus-activation \
	-name '*.jar' ! -name '*sources*' | sort -V | tr '\n' ':')

. bench/heap-sampler.sh
$JAVA -cp "$CP" bench/MailBenchmark.java "${BENCH_IMAP_PORT:-3143}" "$COUNT" "$FROM"
if [ -n "$PID" ]; then
	read -r peak old_peak < <(heap_peaks)
	echo "portal heap in use, peak: $((peak / 1024)) MB (old generation: $((old_peak / 1024)) MB)"
fi
