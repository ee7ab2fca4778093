#!/usr/bin/env bash
# Dumps the portal's database in PostgreSQL's custom format (pg_dump -Fc: compressed, restored in
# parallel by pg_restore) and prints its size and how long it took. The attachment keys are not
# in it: keep them apart (README, "Backup and restore").
#   deploy/backup/backup.sh DATABASE [FILE]
# Connects as PGUSER (kundesenter) with PGPASSWORD (kundesenter) to PGHOST:PGPORT (localhost:5432).
set -euo pipefail
db=${1:?usage: backup.sh DATABASE [FILE]}
file=${2:-$db-$(date -u +%Y%m%dT%H%M%SZ).dump}
export PGHOST=${PGHOST:-localhost} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-kundesenter}
export PGPASSWORD=${PGPASSWORD:-kundesenter}
start=$(date +%s.%N)
pg_dump --format=custom --file="$file" "$db"
end=$(date +%s.%N)
files=$(psql -Atc "select count(*), coalesce(sum(size_bytes), 0) from attachment_blob" "$db" 2> /dev/null || echo "none, none")
printf 'dump: %s, %s bytes (%.1f MB) in %.1f s; database %s MB; stored files, bytes: %s\n' "$file" \
	"$(stat -c %s "$file")" "$(echo "$(stat -c %s "$file") / 1000000" | bc -l)" "$(echo "$end - $start" | bc -l)" \
	"$(psql -Atc "select pg_database_size(current_database()) / 1000000" "$db")" "${files//|/, }"
