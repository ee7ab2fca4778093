#!/usr/bin/env bash
# The whole round trip on the local PostgreSQL, with the demo (the jar does not carry it, so the
# demo runs from target/classes): a database with cases whose files are uploaded through the
# portal under a key of its own, its dump (backup.sh), and the dump restored into a fresh database
# (restore.sh), once with that key and once without it. Removes its databases afterwards.
#   ./mvnw -o compile && deploy/backup/demo-round-trip.sh [CASES]
set -euo pipefail
cd "$(dirname "$0")/../.."
cases=${1:-10}
src=kundesenter_backup_demo
work=$(mktemp -d)
chmod 755 "$work"
demo_pid=
cleanup() {
	if [[ -n $demo_pid ]] && kill -0 "$demo_pid" 2>/dev/null; then
		kill "$demo_pid"
		wait "$demo_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

if [[ ! -s target/classpath.txt ]]; then
	./mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/classpath.txt
fi
export PORTAL_COMMAND="${JAVA_HOME:+$JAVA_HOME/bin/}java -cp target/classes:$(cat target/classpath.txt) no.dfo.kundesenter.KundesenterApplication"
export SPRING_PROFILES_ACTIVE=demo
# The files' key: not the demo's, and only in the environment, as in real use.
PORTAL_ATTACHMENTS_ENCRYPTION_KEYS_BACKUP=$(openssl rand -base64 32)
export PORTAL_ATTACHMENTS_ENCRYPTION_KEYS_BACKUP PORTAL_ATTACHMENTS_ENCRYPTION_CURRENTKEY=backup

su postgres -c "psql -q -c 'drop database if exists $src' -c 'create database $src owner kundesenter'"
http=$(free_port)
SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:5432/$src SPRING_DATASOURCE_USERNAME=kundesenter \
	SPRING_DATASOURCE_PASSWORD=kundesenter SERVER_PORT=$http MANAGEMENT_SERVER_PORT= \
	$PORTAL_COMMAND --portal.notifications.sending-enabled=false > "$work/demo.log" 2>&1 &
demo_pid=$!
base=http://127.0.0.1:$http
for _ in $(seq 1 300); do
	curl -sf "$base/actuator/health/readiness" > /dev/null 2>&1 && break
	kill -0 "$demo_pid" || { tail -30 "$work/demo.log"; exit 1; }
	sleep 1
done
jar=$work/cookies
csrf() { curl -sf -c "$jar" -b "$jar" "$base/$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode username=kari --data-urlencode password=demo \
	--data-urlencode "_csrf=$(csrf login)" "$base/login"
uploaded=0
bytes=0
for i in $(seq 1 "$cases"); do
	args=()
	for j in 1 2 3; do
		size=$(( (RANDOM * 32768 + RANDOM) % (4 * 1024 * 1024) + 1000 ))
		head -c $(( size * 3 / 4 )) /dev/urandom | base64 -w 76 > "$work/bilag-$i-$j.txt"
		args+=(-F "files=@$work/bilag-$i-$j.txt;type=text/plain")
		bytes=$(( bytes + $(stat -c %s "$work/bilag-$i-$j.txt") ))
		uploaded=$(( uploaded + 1 ))
	done
	# A multipart form carries its CSRF token in its action's query string.
	token=$(csrf saker/ny | python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.stdin.read().strip(), safe=""))')
	status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" -F category=ACCOUNTING \
		-F "subject=Bilag $i" -F "message=Bilag til regnskapet, del $i." "${args[@]}" "$base/saker?_csrf=$token")
	[[ $status == 302 ]] || { echo "registering case $i answered $status" >&2; exit 1; }
done
echo "source: $src, $cases cases with $uploaded files ($bytes bytes) uploaded as kari under key 'backup'"
kill "$demo_pid"
wait "$demo_pid" 2>/dev/null || true
demo_pid=

deploy/backup/backup.sh "$src" "$work/$src.dump"
echo "--- restore with the key"
deploy/backup/restore.sh "$work/$src.dump" kundesenter_restore_demo_ok
echo "--- restore without the key (only the demo's own)"
(
	unset PORTAL_ATTACHMENTS_ENCRYPTION_KEYS_BACKUP PORTAL_ATTACHMENTS_ENCRYPTION_CURRENTKEY
	deploy/backup/restore.sh "$work/$src.dump" kundesenter_restore_demo_nokey
) && { echo "without the key the restore should have failed" >&2; exit 1; } || echo "(failed, as it must)"
for db in "$src" kundesenter_restore_demo_ok kundesenter_restore_demo_nokey; do
	su postgres -c "psql -q -c 'drop database if exists $db'"
done
