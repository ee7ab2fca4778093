#!/usr/bin/env bash
# A soak: MINUTES minutes (10) of wrk at CONNECTIONS (16) against a running portal (demo profile,
# on the million-case database), over a mix of pages: innmeldere's lists, case pages, searches
# and messages, a fagbruker's agency list and search, a caseworker's queue. Prints one line a
# minute: requests, errors, latencies, messages posted, heap in use after a full collection,
# the connection pool and the database's connections.
#
#   PID=<portal pid> BASE=http://localhost:8080 MANAGEMENT=http://localhost:8081 \
#     PGDATABASE=kundesenter_bench_nodes bench/soak.sh
#
# Environment: BASE, MANAGEMENT (the portal's management port: /actuator/prometheus), PID (the
# portal's JVM: jcmd forces a full collection at the end of each minute, so the heap figure is
# what survives; without it the heap is read as it is), MINUTES (10), CONNECTIONS (16: half
# kari, a quarter lise, a quarter siri), SEARCH_WORD (feriepenger), PGHOST/PGPORT/PGUSER/
# PGPASSWORD/PGDATABASE.
set -euo pipefail

BASE=${BASE:-http://localhost:8080}
MANAGEMENT=${MANAGEMENT:-http://localhost:8081}
MINUTES=${MINUTES:-10}
CONNECTIONS=${CONNECTIONS:-16}
export SEARCH_WORD=${SEARCH_WORD:-feriepenger}
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-kundesenter} PGPASSWORD=${PGPASSWORD:-kundesenter}
export PGDATABASE=${PGDATABASE:-kundesenter_bench}
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in wrk psql curl; do
	command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }
done
curl -sf "$MANAGEMENT/actuator/health/readiness" >/dev/null || { echo "no portal ready at $MANAGEMENT" >&2; exit 1; }

sql() { psql -qAtX -v ON_ERROR_STOP=1 -c "$1"; }
. "$here/sessions.sh"

# A signed-in session and the CSRF token of its pages: "session:token".
person() {
	local session token
	session=$(login "$1")
	token=$(curl -sf -b "SESSION=$session" "$BASE/saker" | grep -o 'name="_csrf" value="[^"]*"' | head -1 |
		sed 's/.*value="//;s/"$//')
	echo "$session:$token"
}
kari_cases=$(sql "select string_agg(id::text, ',') from (select c.id from support_case c join app_user u on u.id = c.reporter_id where u.username = 'kari' order by c.id desc limit 300) s")
lise_cases=$(sql "select string_agg(id::text, ',') from (select c.id from support_case c join app_user u on u.username = 'lise' where c.organization_id = u.organization_id and c.category = 'PAYROLL' order by random() limit 300) s")
siri_cases=$(sql "select string_agg(id::text, ',') from (select id from support_case where category = 'PAYROLL' order by random() limit 300) s")
people=""
for i in $(seq 1 "$CONNECTIONS"); do
	if [ $((i % 4)) -eq 1 ] || [ $((i % 4)) -eq 3 ]; then
		people="$people kari:$(person kari):$kari_cases"
	elif [ $((i % 4)) -eq 2 ]; then
		people="$people lise:$(person lise):$lise_cases"
	else
		people="$people siri:$(person siri):$siri_cases"
	fi
done
export PEOPLE=$people
database=$PGDATABASE

metric() { # name and label filter -> the sum of the matching series
	awk -v name="$1" -v filter="${2:-}" 'index($0, name) == 1 && (filter == "" || index($0, filter)) { sum += $NF } END { printf "%.0f", sum }' "$work/metrics"
}
pool_sample() { # in the middle of a minute: active and idle pool connections, the database's
	sleep 30
	curl -sf "$MANAGEMENT/actuator/prometheus" > "$work/metrics" || true
	echo "$(metric hikaricp_connections_active) $(metric hikaricp_connections_idle) $(metric hikaricp_connections_pending) $(sql "select count(*) from pg_stat_activity where datname = '$database'")" > "$work/pool"
}

printf '%-6s %8s %7s %7s %7s %7s %6s %6s | %9s %9s | %6s %4s %4s %4s\n' minute requests req/s p50 p95 p99 errors posts \
	"heap MB" "after GC" "active" "idle" "wait" "pg"
total_errors=0
for minute in $(seq 1 "$MINUTES"); do
	pool_sample &
	sampler=$!
	read -r _ rps p50 p95 p99 errors requests posts < <(wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d60s --timeout 30s \
		-s "$here/soak.lua" "$BASE/saker" | grep '^RESULT')
	wait "$sampler" || true
	read -r active idle pending pg < "$work/pool"
	curl -sf "$MANAGEMENT/actuator/prometheus" > "$work/metrics"
	heap=$(( $(metric jvm_memory_used_bytes 'area="heap"') / 1048576 ))
	after=-
	if [ -n "${PID:-}" ]; then
		"$JCMD" "$PID" GC.run >/dev/null
		curl -sf "$MANAGEMENT/actuator/prometheus" > "$work/metrics"
		after=$(( $(metric jvm_memory_used_bytes 'area="heap"') / 1048576 ))
	fi
	printf '%-6s %8s %7s %7s %7s %7s %6s %6s | %9s %9s | %6s %4s %4s %4s\n' "$minute" "$requests" "$rps" "$p50" "$p95" "$p99" \
		"$errors" "$posts" "$heap" "$after" "$active" "$idle" "$pending" "$pg"
	total_errors=$((total_errors + errors))
done
echo "(latencies in ms; heap MB: in use at the end of the minute, after GC: after a full collection"
echo " forced with jcmd; active/idle/wait: the portal's Hikari pool 30 s into the minute; pg: the"
echo " database's connections in pg_stat_activity then)"
[ "$total_errors" = 0 ] || { echo "$total_errors errors" >&2; exit 1; }
