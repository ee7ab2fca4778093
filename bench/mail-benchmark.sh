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
JSTAT=${JAVA_HOME:+$JAVA_HOME/bin/}jstat
CP=$(find ~/.m2/repository/jakarta/mail/jakarta.mail-api ~/.m2/repository/org/eclipse/angus/angus-mail \
	~/.m2/repository/jakarta/activation/jakarta.activation-api ~/.m2/repository/org/eclipse/angus/angus-activation \
	-name '*.jar' ! -name '*sources*' | sort -V | tr '\n' ':')

peak_file=$(mktemp)
echo "0 0" > "$peak_file"
sampler() {
	local peak=0 old_peak=0 line used old
	while kill -0 "$PID" 2>/dev/null; do
		line=$($JSTAT -gc "$PID" 2>/dev/null | awk 'NR==2 {printf "%d %d", $3+$4+$6+$8, $8}') || true
		if [ -n "$line" ]; then
			used=${line% *}
			old=${line#* }
			[ "$used" -gt "$peak" ] && peak=$used
			[ "$old" -gt "$old_peak" ] && old_peak=$old
			echo "$peak $old_peak" > "$peak_file"
		fi
		sleep 0.1
	done
}
if [ -n "$PID" ]; then
	sampler &
	SAMPLER=$!
	trap 'kill $SAMPLER 2>/dev/null || true' EXIT
fi
$JAVA -cp "$CP" bench/MailBenchmark.java "${BENCH_IMAP_PORT:-3143}" "$COUNT" "$FROM"
if [ -n "$PID" ]; then
	read -r peak old_peak < "$peak_file"
	echo "portal heap in use, peak: $((peak / 1024)) MB (old generation: $((old_peak / 1024)) MB)"
fi
