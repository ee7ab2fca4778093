#!/usr/bin/env bash
# Two portal nodes on one PostgreSQL behind HAProxy on loopback (round-robin, no stickiness),
# with an SMTP sink for the notices. Shows, and fails unless:
#   1. a person signs in through one node and goes on through the other (sessions in the database);
#   2. a public reply, on whichever node, gives exactly one mail;
#   3. the draft-cleanup job runs on one node at a time (ShedLock), the notice job sends each
#      notice once (claimed with skip locked);
#   4. stopping one node (SIGTERM) in the middle of load loses no acknowledged request, stores
#      no message twice, and nobody is signed out.
# See docs/operations/nodes-and-faults.md for the figures.
#
#   bench/nodes.sh       # needs the jar (./mvnw package -DskipTests), haproxy, psql, curl, python3
#
# Environment: PGHOST/PGPORT (5434: a cluster of its own, see the report), PGUSER/PGPASSWORD,
# PGDATABASE (kundesenter_nodes: dropped and created again), HEAP (512m), LOAD_SECONDS (40),
# LOAD_WORKERS (8), BALANCER_PORT (18080; the nodes on the next two ports, their management
# ports 11 and 12 above it), SMTP_PORT (2525).
set -euo pipefail

export PGHOST=${PGHOST:-localhost} PGPORT=${PGPORT:-5434} PGUSER=${PGUSER:-kundesenter} PGPASSWORD=${PGPASSWORD:-kundesenter}
export PGDATABASE=${PGDATABASE:-kundesenter_nodes}
LOAD_SECONDS=${LOAD_SECONDS:-40}
LOAD_WORKERS=${LOAD_WORKERS:-8}
work=$(mktemp -d)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/nodes-lib.sh"
trap 'stop_all; if [ -n "${KEEP:-}" ]; then echo "logs in $work"; else rm -rf "$work"; fi' EXIT
for tool in haproxy psql curl python3; do
	command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install haproxy postgresql-client curl python3)" >&2; exit 1; }
done
[ -f "$JAR" ] || { echo "no jar at $JAR: ./mvnw package -DskipTests" >&2; exit 1; }
client() { python3 "$here/portal_client.py" "$@"; }
BASE=http://127.0.0.1:$BALANCER_PORT
MAILS=$work/mails
failures=0
verdict() { if [ "$1" = ok ]; then echo "  -> ok"; else echo "  -> FAILED: $2"; failures=$((failures + 1)); fi; }

# Short intervals so that the script sees the jobs run: notices a second after the reply,
# the draft cleanup every 5 s (its lock is held at least a minute), and ShedLock's own log.
# On SIGTERM a node goes on answering for 3 s after its readiness turned down (the balancer
# takes it out first).
settings=(PORTAL_NOTIFICATIONS_BATCHWINDOW=1s PORTAL_NOTIFICATIONS_POLLINTERVAL=1s PORTAL_WEB_SHUTDOWNDELAY=3s
	PORTAL_ATTACHMENTS_CLEANUPINTERVAL=PT5S PORTAL_ATTACHMENTS_CLEANUPINITIALDELAY=PT5S
	PORTAL_RATELIMITS_CASEREGISTRATIONS_COUNT=1000 LOGGING_LEVEL_NET_JAVACRUMBS_SHEDLOCK=debug)

fresh_database
start_smtp "$MAILS"
started=$(date +%s)
start_node node-a $((BALANCER_PORT + 1)) $((BALANCER_PORT + 11)) "${settings[@]}"
wait_ready node-a
start_node node-b $((BALANCER_PORT + 2)) $((BALANCER_PORT + 12)) "${settings[@]}"
wait_ready node-b
echo "two nodes ready in $(( $(date +%s) - started )) s (node-a migrated the fresh database first)"
start_haproxy node-a node-b

echo
echo "1. one sign-in, then 20 pages through the balancer"
if client signin-across "$BASE" kari 20; then verdict ok; else verdict no "not served by both nodes, or signed out"; fi

echo
echo "2. ten new cases (kari), a public reply on each (siri), through the balancer"
cases=$(client register "$BASE" kari 10)
client replies "$BASE" siri $cases
for _ in $(seq 1 60); do
	[ "$(sql "select count(*) from notice where status = 'SENT'")" -ge 10 ] && break
	sleep 0.5
done
sleep 3 # a second mail, if one were coming, would come within a poll or two
one_each=ok
for case in $cases; do
	n=$(mail_count "$case")
	[ "$n" = 1 ] || { one_each=no; echo "  case $case: $n mails"; }
done
echo "  $(mail_summary); notices: $(sql "select string_agg(status || ' ' || n || ' (attempts ' || attempts || ')', ', ') from (select status, attempts, count(*) n from notice group by 1, 2) s")"
echo "  replies taken by: $(grep -h '"POST /saker/[0-9]*/meldinger' "$work/haproxy.log" | awk '{ print $4 }' | sort | uniq -c | tr '\n' ' ')"
verdict "$one_each" "a case got no mail or more than one"

echo
echo "3. the draft cleanup under ShedLock: an expired draft, and who ran the job"
sql "insert into attachment_blob (id, key_id, wrapped_key, size_bytes, chunk_count) values ('00000000-0000-0000-0000-00000000d1af', 'x', '\\x00', 0, 0);
     insert into attachment (id, case_id, message_id, file_name, content_type, size_bytes, added_by, created_at, added_at)
     select '00000000-0000-0000-0000-00000000d1af', null, null, 'utløpt.pdf', 'application/pdf', 1, id,
            now() - interval '3 days', now() - interval '3 days' from app_user where username = 'kari'" >/dev/null
# The lock is held at least a minute after each run: wait for the next run on either node.
for _ in $(seq 1 150); do
	[ "$(sql "select count(*) from attachment where id = '00000000-0000-0000-0000-00000000d1af'")" = 0 ] && break
	sleep 0.5
done
runs_a=$(grep -c "Locked 'attachments-draft-cleanup'" "$work/node-a.log" || true)
runs_b=$(grep -c "Locked 'attachments-draft-cleanup'" "$work/node-b.log" || true)
skips_a=$(grep -c "Not executing 'attachments-draft-cleanup'" "$work/node-a.log" || true)
skips_b=$(grep -c "Not executing 'attachments-draft-cleanup'" "$work/node-b.log" || true)
deleted=$(grep -l "Deleted 1 draft attachments" "$work"/node-*.log | xargs -r -n1 basename | tr '\n' ' ')
echo "  ran: node-a $runs_a, node-b $runs_b; skipped (locked elsewhere): node-a $skips_a, node-b $skips_b; the draft deleted by: ${deleted:-nobody}"
echo "  $(sql "select 'lock ' || name || ' last taken by ' || locked_by || ' at ' || to_char(locked_at, 'HH24:MI:SS') || ', held until ' || to_char(lock_until, 'HH24:MI:SS') from shedlock where name = 'attachments-draft-cleanup'")"
window=$(( $(date +%s) - started ))
if [ -n "$deleted" ] && [ "$(echo "$deleted" | wc -w)" = 1 ] && [ $((runs_a + runs_b)) -le $((window / 60 + 1)) ]; then
	verdict ok
else
	verdict no "the draft was not deleted, or the job ran more often than once a minute in ${window} s"
fi

echo
echo "4. $LOAD_WORKERS people (kari) for $LOAD_SECONDS s through the balancer; node-b gets SIGTERM after 15 s"
client load "$BASE" "$LOAD_SECONDS" "$LOAD_WORKERS" "$work/load.jsonl" $cases &
load=$!
sleep 15
stopped_at=$(date +%s.%N)
stop_node node-b TERM
echo "  node-b exited after $(awk -v a="$stopped_at" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s: $(grep -o 'Graceful shutdown complete\|Graceful shutdown aborted[^"]*' "$work/node-b.log" | sort | uniq -c | tr -s ' ' | tr '\n' ' ')"
wait "$load"
if client check-load "$work/load.jsonl" "$stopped_at"; then
	lost=$(python3 -c "import json,sys; print(sum(1 for l in open(sys.argv[1]) if not json.loads(l)['ok'] or json.loads(l)['out']))" "$work/load.jsonl")
	if [ "$lost" = 0 ]; then verdict ok; else verdict no "$lost requests failed or were signed out"; fi
else
	verdict no "an acknowledged message is missing or stored twice"
fi
echo "  balancer: $(balancer_stats)"

echo
if [ "$failures" = 0 ]; then echo "all four held"; else echo "$failures of four FAILED"; exit 1; fi
