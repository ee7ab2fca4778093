#!/usr/bin/env bash
# Faults, with figures: two portal nodes on one PostgreSQL behind HAProxy (as bench/nodes.sh),
# then one fault after another, each with what the people saw and what the database holds:
#   pg-restart    PostgreSQL restarted under load: failed requests, seconds to recover, every
#                 acknowledged message stored (once)
#   kill-upload   kill -9 of the node an attachment is being uploaded to, in the middle of the
#                 body and just after it: no attachment without all of its content, every
#                 acknowledged upload stored whole
#   kill-notices  kill -9 of a node in the middle of sending notices (and of taking replies):
#                 every acknowledged reply stored, every notice sent at least once
#   smtp-outage   the SMTP server away for SMTP_OUTAGE seconds (600): the notices go out after
#   sigterm       SIGTERM of a node under load and in the middle of a slow upload: in-flight
#                 requests complete, then the node stops
# See docs/operations/nodes-and-faults.md for the figures and what they mean.
#
#   bench/faults.sh                          # all of them, about 25 minutes
#   SMTP_OUTAGE=120 bench/faults.sh smtp-outage sigterm
#
# The pg-restart fault restarts the whole PostgreSQL cluster PG_CLUSTER ("15 nodes", port 5434):
# give the script a cluster of its own (pg_createcluster 15 nodes -p 5434), never one that other
# work uses. Environment as bench/nodes.sh, and SMTP_OUTAGE, PG_CLUSTER, LOAD_WORKERS (8),
# SHUTDOWN_DELAY (3s: PORTAL_WEB_SHUTDOWNDELAY of the nodes; 0s shows the window it closes).
set -euo pipefail

export PGHOST=${PGHOST:-localhost} PGPORT=${PGPORT:-5434} PGUSER=${PGUSER:-kundesenter} PGPASSWORD=${PGPASSWORD:-kundesenter}
export PGDATABASE=${PGDATABASE:-kundesenter_faults}
PG_CLUSTER=${PG_CLUSTER:-15 nodes}
SMTP_OUTAGE=${SMTP_OUTAGE:-600}
LOAD_WORKERS=${LOAD_WORKERS:-8}
faults=("$@")
[ ${#faults[@]} -gt 0 ] || faults=(pg-restart kill-upload kill-notices smtp-outage sigterm)
work=$(mktemp -d)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/nodes-lib.sh"
trap 'stop_all; if [ -n "${KEEP:-}" ]; then echo "logs in $work"; else rm -rf "$work"; fi' EXIT
for tool in haproxy psql curl python3 pg_ctlcluster; do
	command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }
done
[ -f "$JAR" ] || { echo "no jar at $JAR: ./mvnw package -DskipTests" >&2; exit 1; }
client() { python3 "$here/portal_client.py" "$@"; }
BASE=http://127.0.0.1:$BALANCER_PORT
MAILS=$work/mails
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
problems=0
verdict() { if [ "$1" = ok ]; then echo "  -> ok"; else echo "  -> FAILED: $2"; problems=$((problems + 1)); fi; }

# Notices a second after a reply, polled every second; a claim of a node that died is taken
# over after 30 s (5 minutes by default). Retries keep their defaults: 30 s, doubling, at most
# an hour apart, 12 attempts.
# On SIGTERM a node goes on answering for 3 s after its readiness turned down, so that
# HAProxy (a check a second, two failures) takes it out before it stops listening.
settings=(PORTAL_NOTIFICATIONS_BATCHWINDOW=1s PORTAL_NOTIFICATIONS_POLLINTERVAL=1s
	PORTAL_NOTIFICATIONS_CLAIMTIMEOUT=30s PORTAL_WEB_SHUTDOWNDELAY=${SHUTDOWN_DELAY:-3s}
	PORTAL_RATELIMITS_CASEREGISTRATIONS_COUNT=10000
	PORTAL_RATELIMITS_UPLOADS_FILES=10000 PORTAL_RATELIMITS_UPLOADS_BYTES=100GB)
# The nodes' ports follow the balancer's: node-a on BALANCER_PORT + 1 (management + 11), node-b
# on + 2 (+ 12).
node_a() { start_node node-a $((BALANCER_PORT + 1)) $((BALANCER_PORT + 11)) "${settings[@]}"; }
node_b() { start_node node-b $((BALANCER_PORT + 2)) $((BALANCER_PORT + 12)) "${settings[@]}"; }

fresh_database
start_smtp "$MAILS"
node_a
wait_ready node-a
node_b
wait_ready node-b
start_haproxy node-a node-b
cases=$(client register "$BASE" kari 20)
echo "two nodes behind HAProxy, 20 cases of kari's for the load"

# The database's view of the attachments: rows without content, content with chunks missing,
# content nobody points at.
attachment_check() {
	sql "select 'attachments ' || (select count(*) from attachment)
	     || ', without content ' || (select count(*) from attachment a where not exists (select 1 from attachment_blob b where b.id = a.id))
	     || ', content with chunks missing ' || (select count(*) from attachment_blob b where b.chunk_count <> (select count(*) from attachment_chunk c where c.blob_id = b.id))
	     || ', content without attachment ' || (select count(*) from attachment_blob b where not exists (select 1 from attachment a where a.id = b.id))"
}
attachments_whole() { # no attachment without content, no content with chunks missing
	[ "$(sql "select (select count(*) from attachment a where not exists (select 1 from attachment_blob b where b.id = a.id))
	               + (select count(*) from attachment_blob b where b.chunk_count <> (select count(*) from attachment_chunk c where c.blob_id = b.id))")" = 0 ]
}
stored_upload() { # name bytes -> whether an attachment of that name and size is stored whole
	[ "$(sql "select count(*) from attachment a join attachment_blob b on b.id = a.id
	          where a.file_name = '$1' and a.size_bytes = $2 and b.size_bytes = $2
	            and b.chunk_count = (select count(*) from attachment_chunk c where c.blob_id = b.id)")" = 1 ]
}
json_field() { # JSON text, field -> the field's value, or nothing
	python3 -c "import json,sys
try: print(json.loads(sys.argv[1]).get(sys.argv[2], ''))
except ValueError: print('')" "$1" "$2"
}

fault_pg_restart() {
	echo
	echo "== PostgreSQL restarted under load ($LOAD_WORKERS people through the balancer, 60 s; restart after 15 s)"
	client load "$BASE" 60 "$LOAD_WORKERS" "$work/pg.jsonl" $cases &
	local load=$! at took
	sleep 15
	at=$(now)
	pg_ctlcluster --skip-systemctl-redirect $PG_CLUSTER restart -m fast
	took=$(since "$at")
	echo "  pg_ctlcluster restart -m fast took $took s"
	wait "$load"
	if client check-load "$work/pg.jsonl" "$at"; then verdict ok; else verdict no "an acknowledged message is missing or stored twice"; fi
	echo "  balancer: $(balancer_stats)"
	for name in node-a node-b; do
		echo "  $name: $(grep -c '"level":"ERROR"' "$work/$name.log" || true) ERROR log lines, $(grep -c 'Connection is not available\|An I/O error occurred\|terminating connection' "$work/$name.log" || true) about lost connections"
	done
}

fault_kill_upload() {
	echo
	echo "== kill -9 of the node an upload goes to"
	local case=${cases%% *} round outcome status name bytes delay mb seconds moment what stored
	# round: megabytes, seconds the body takes, the moment (body: its first byte is sent, sent: its
	# last), seconds after that moment the node is killed
	for round in "20 6 body 3 in the middle of the body" "20 0 sent 0.1 while the node stores it" \
		"20 0 sent 0.6 while the node stores it"; do
		read -r mb seconds moment delay what <<<"$round"
		rm -f "$work/mark"
		UPLOAD_MARK=$work/mark client upload "http://127.0.0.1:$((BALANCER_PORT + 1))" kari "$case" "$mb" "$seconds" > "$work/upload.json" &
		local up=$!
		# The sign-in comes first, and takes seconds on a node that has just started.
		for _ in $(seq 1 12000); do
			grep -qx "$moment" "$work/mark" 2>/dev/null && break
			kill -0 "$up" 2>/dev/null || break
			sleep 0.01
		done
		sleep "$delay"
		stop_node node-a KILL
		wait "$up" || true
		outcome=$(cat "$work/upload.json")
		status=$(json_field "$outcome" status)
		name=$(json_field "$outcome" name)
		bytes=$(json_field "$outcome" bytes)
		if [ "$status" = 302 ]; then
			if stored_upload "$name" "$bytes"; then stored="acknowledged and stored whole"; else stored="ACKNOWLEDGED BUT NOT STORED WHOLE"; fi
		else
			stored="not acknowledged ($status $(json_field "$outcome" error)), $(sql "select count(*) from attachment where file_name = '$name'") row(s) of it"
		fi
		echo "  ${mb} MB, killed ${delay} s after the body's $([ "$moment" = body ] && echo first || echo last) byte ($what): $stored; $(attachment_check)"
		node_a
		wait_ready node-a
	done
	if attachments_whole; then verdict ok; else verdict no "an attachment without its whole content"; fi
}

fault_kill_notices() {
	echo
	echo "== kill -9 of a node in the middle of sending notices (the mail server takes 0.3 s a mail)"
	# The replies go in while the mail server is away, so that their notices wait for their
	# second attempt (30 s) and come due together: a node then claims a batch of them and sends
	# one after the other. The node connected to the mail server is killed in the middle of it.
	stop_smtp
	local fresh at victim pid name
	fresh=$(client register "$BASE" kari 60)
	ACKNOWLEDGED=$work/acknowledged client replies "$BASE" siri $fresh &
	local replies=$!
	sleep 5
	start_smtp "$MAILS" 0.3
	for _ in $(seq 1 600); do
		[ "$(sql "select count(*) from notice where status = 'SENDING'")" -gt 5 ] &&
			[ "$(sql "select count(*) from notice where status = 'SENT'")" -gt 2 ] && break
		sleep 0.2
	done
	victim=
	for pid in $(ss -tnpH "( dport = :$SMTP_PORT )" | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u); do
		for name in node-a node-b; do [ "${NODE_PID[$name]}" = "$pid" ] && victim=$name; done
	done
	victim=${victim:-node-a}
	at=$(now)
	stop_node "$victim" KILL
	echo "  $victim killed while sending, with $(sql "select count(*) from notice where status = 'SENDING'") notices claimed and $(sql "select count(*) from notice where status = 'SENT'") sent"
	wait "$replies" || true
	if [ "$victim" = node-a ]; then node_a; else node_b; fi
	for _ in $(seq 1 240); do
		[ "$(sql "select count(*) from notice where status in ('PENDING', 'SENDING')")" = 0 ] && break
		sleep 0.5
	done
	echo "  all notices out $(since "$at") s after the kill; notices: $(sql "select string_agg(status || ' ' || n, ', ') from (select status, count(*) n from notice group by 1) s"); events not yet handed to their listener: $(sql "select count(*) from event_publication where completion_date is null")"
	wait_ready "$victim"
	local acknowledged missing_reply=0 no_mail=0 c
	acknowledged=$(cat "$work/acknowledged")
	for c in $acknowledged; do
		[ "$(sql "select count(*) from message where case_id = $c and body like 'Svar fra saksbehandler%'")" = 1 ] || missing_reply=$((missing_reply + 1))
		[ "$(mail_count "$c")" -ge 1 ] || no_mail=$((no_mail + 1))
	done
	echo "  replies acknowledged $(echo "$acknowledged" | wc -w) of 60; of those not stored exactly once: $missing_reply; without a mail: $no_mail; $(mail_summary)"
	stop_smtp
	start_smtp "$MAILS"
	if [ "$missing_reply" = 0 ] && [ "$no_mail" = 0 ]; then verdict ok; else verdict no "a reply lost or a notice not sent"; fi
}

fault_smtp_outage() {
	echo
	echo "== the SMTP server away for $SMTP_OUTAGE s"
	stop_smtp
	local fresh at back c no_mail=0 delivered
	fresh=$(client register "$BASE" kari 10)
	at=$(now)
	client replies "$BASE" siri $fresh
	local half=$((SMTP_OUTAGE / 2))
	sleep "$half"
	echo "  after $half s: backlog $(curl -s "http://127.0.0.1:$((BALANCER_PORT + 11))/actuator/prometheus" | awk '/^portal_notices_backlog/ { print $NF }'), attempts so far $(sql "select string_agg(distinct attempts::text, ',') from notice where status in ('PENDING', 'SENDING')")"
	sleep $((SMTP_OUTAGE - half))
	start_smtp "$MAILS"
	back=$(now)
	for _ in $(seq 1 $((4 * 3600))); do
		[ "$(sql "select count(*) from notice where status in ('PENDING', 'SENDING')")" = 0 ] && break
		sleep 1
	done
	delivered=$(since "$back")
	for c in $fresh; do [ "$(mail_count "$c")" -ge 1 ] || no_mail=$((no_mail + 1)); done
	echo "  the mail server back after $(awk -v a="$at" -v b="$back" 'BEGIN { printf "%.0f", b - a }') s; every notice out $delivered s later; attempts: $(sql "select string_agg(a || ' attempts: ' || n, ', ') from (select attempts a, count(*) n from notice where case_id in ($(echo "$fresh" | tr ' ' ',')) group by 1 order by 1) s"); failed $(sql "select count(*) from notice where status = 'FAILED'"); cases without a mail: $no_mail"
	if [ "$no_mail" = 0 ]; then verdict ok; else verdict no "notices not sent after the outage"; fi
}

fault_sigterm() {
	echo
	echo "== SIGTERM of node-b under load and in the middle of a slow upload to it"
	local case=${cases%% *} at took outcome name bytes
	client load "$BASE" 40 "$LOAD_WORKERS" "$work/term.jsonl" $cases &
	local load=$!
	sleep 10
	rm -f "$work/mark"
	UPLOAD_MARK=$work/mark client upload "http://127.0.0.1:$((BALANCER_PORT + 2))" kari "$case" 10 8 > "$work/upload.json" &
	local up=$!
	for _ in $(seq 1 12000); do
		grep -qx body "$work/mark" 2>/dev/null && break
		kill -0 "$up" 2>/dev/null || break
		sleep 0.01
	done
	sleep 3
	at=$(now)
	stop_node node-b TERM
	took=$(since "$at")
	wait "$up" || true
	outcome=$(cat "$work/upload.json")
	name=$(json_field "$outcome" name)
	bytes=$(json_field "$outcome" bytes)
	echo "  node-b stopped $took s after SIGTERM: $(grep -o 'Graceful shutdown complete\|Graceful shutdown aborted[^"]*' "$work/node-b.log" | sort | uniq -c | tr -s ' ' | tr '\n' ' ')"
	echo "  the upload in flight (10 MB over 8 s, SIGTERM 3 s into its body): status $(json_field "$outcome" status) after $(json_field "$outcome" seconds) s; $(if stored_upload "$name" "$bytes"; then echo stored whole; else echo NOT STORED; fi)"
	wait "$load"
	local ok=ok
	client check-load "$work/term.jsonl" "$at" || ok=no
	[ "$(json_field "$outcome" status)" = 302 ] && stored_upload "$name" "$bytes" || ok=no
	python3 -c "import json,sys; sys.exit(any(not json.loads(l)['ok'] for l in open(sys.argv[1])))" "$work/term.jsonl" || ok=no
	verdict "$ok" "a request failed, or the upload in flight did not complete"
	node_b
	wait_ready node-b
}

for fault in "${faults[@]}"; do
	"fault_${fault//-/_}"
done
echo
if [ "$problems" = 0 ]; then echo "every fault held"; else echo "$problems fault(s) FAILED"; exit 1; fi
