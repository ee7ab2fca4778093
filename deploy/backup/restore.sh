#!/usr/bin/env bash
# Restores a dump (pg_dump -Fc, see backup.sh) into a fresh database on the local PostgreSQL,
# starts the portal on it with the attachment keys from the environment, and has it read every
# stored file before it reports ready (portal.attachments.check-files). Prints the figures; exits
# non-zero unless the portal started and every file could be read.
#
#   PORTAL_ATTACHMENTS_ENCRYPTION_CURRENTKEY=k1 PORTAL_ATTACHMENTS_ENCRYPTION_KEYS_K1=… \
#       deploy/backup/restore.sh FILE.dump [DATABASE]
#
# DATABASE must not exist yet (default kundesenter_restore_<time>); it is created as the
# postgres user (su postgres), owned by DB_OWNER, and kept afterwards. The dump's roles must exist
# in the cluster (they are not in a database dump: pg_dumpall --roles-only).
# The portal gets only these of the caller's settings: PORTAL_ATTACHMENTS_* (keys, store, S3
# bucket), AWS_* (the object store's credentials) and SPRING_PROFILES_ACTIVE; it runs as
# DB_USER/DB_PASSWORD (kundesenter/kundesenter) and sends no mail. PORTAL_COMMAND is how the
# portal is started (default: $JAVA_HOME/bin/java -jar target/kundesenter-*.jar).
set -euo pipefail
dump=${1:?usage: restore.sh FILE.dump [DATABASE]}
db=${2:-kundesenter_restore_$(date -u +%Y%m%d%H%M%S)}
owner=${DB_OWNER:-kundesenter}
user=${DB_USER:-kundesenter}
password=${DB_PASSWORD:-kundesenter}
host=${PGHOST:-localhost}
port=${PGPORT:-5432}
command=${PORTAL_COMMAND:-${JAVA_HOME:+$JAVA_HOME/bin/}java -jar $(ls target/kundesenter-*.jar | head -1)}
[[ $db =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "database name must be [a-z_][a-z0-9_]*: $db" >&2; exit 2; }
[[ -r $dump ]] || { echo "no dump at $dump" >&2; exit 2; }
env | grep -q '^PORTAL_ATTACHMENTS_ENCRYPTION_KEYS_' ||
	echo "warning: no PORTAL_ATTACHMENTS_ENCRYPTION_KEYS_* in the environment: files cannot be read" >&2

work=$(mktemp -d)
chmod 755 "$work"
portal_pid=
cleanup() {
	if [[ -n $portal_pid ]] && kill -0 "$portal_pid" 2>/dev/null; then
		kill "$portal_pid"
		wait "$portal_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT
as_postgres() { su postgres -c "$1"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
seconds() { echo "$2 - $1" | bc -l | xargs printf '%.1f'; }

# The postgres user reads the dump from a place of its own.
cp "$dump" "$work/restore.dump"
chmod 644 "$work/restore.dump"
as_postgres "psql -q -v ON_ERROR_STOP=1 -p $port -c 'create database $db owner $owner'"
start=$(date +%s.%N)
as_postgres "pg_restore --exit-on-error --jobs=2 -p $port -d $db $work/restore.dump"
restored=$(date +%s.%N)
echo "restore: $(stat -c %s "$dump") bytes into $db in $(seconds "$start" "$restored") s;" \
	"$(as_postgres "psql -Atc 'select pg_database_size(current_database()) / 1000000' -p $port $db") MB;" \
	"stored files: $(as_postgres "psql -Atc 'select count(*) from attachment_blob' -p $port $db 2> /dev/null" || echo none)"

http=$(free_port)
management=$(free_port)
log=$work/portal.log
(
	# Only the settings named above reach the portal.
	for name in $(env | sed -n 's/^\(\(SPRING\|PORTAL\|MANAGEMENT\|SERVER\|LOGGING\)_[A-Z0-9_]*\)=.*/\1/p'); do
		case $name in
		PORTAL_ATTACHMENTS_* | SPRING_PROFILES_ACTIVE) ;;
		*) unset "$name" ;;
		esac
	done
	export SPRING_DATASOURCE_URL="jdbc:postgresql://$host:$port/$db" SPRING_DATASOURCE_USERNAME=$user \
		SPRING_DATASOURCE_PASSWORD=$password SPRING_MAIL_HOST=localhost SERVER_PORT=$http \
		MANAGEMENT_SERVER_PORT=$management LOGGING_STRUCTURED_FORMAT_CONSOLE= PORTAL_ATTACHMENTS_CHECKFILES=true
	# A restored copy sends no notices, and deletes nothing: not expired drafts, and above all no
	# objects of a shared bucket that its older rows do not know.
	exec $command --portal.notifications.sending-enabled=false --portal.attachments.cleanup-initial-delay=P3650D \
		--portal.attachments.s3.sweep-initial-delay=P3650D --portal.channels.fetching-enabled=false
) > "$log" 2>&1 &
portal_pid=$!
started=$(date +%s.%N)
ready=
for _ in $(seq 1 600); do
	if curl -sf "http://127.0.0.1:$management/actuator/health/readiness" > /dev/null 2>&1; then
		ready=yes
		break
	fi
	kill -0 "$portal_pid" 2>/dev/null || break
	sleep 1
done
if [[ -z $ready ]]; then
	echo "the portal did not become ready on the restored database:" >&2
	tail -40 "$log" >&2
	exit 1
fi
up=$(date +%s.%N)
check=$(grep -o 'Checked [0-9]* stored files.*' "$log" | tail -1)
echo "portal: ready in $(seconds "$started" "$up") s (readiness UP, Flyway at version" \
	"$(as_postgres "psql -Atc 'select max(version::int) from flyway_schema_history where version is not null' -p $port $db"))"
echo "check: $check"
grep -o 'Stored file [0-9a-f-]* .*' "$log" | head -5 || true
files=$(sed -n 's/^Checked \([0-9]*\) stored files.*/\1/p' <<< "$check")
readable=$(sed -n 's/.*: \([0-9]*\) readable.*/\1/p' <<< "$check")
without=$(sed -n 's/.* \([0-9]*\) attachments without content/\1/p' <<< "$check")
if [[ -z $files || $files != "$readable" || $without != 0 ]]; then
	echo "RESTORE FAILED: not every file of $db can be read with the keys given" >&2
	exit 1
fi
echo "RESTORE OK: $db, $files of $files files readable"
