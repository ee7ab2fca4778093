#!/usr/bin/env bash
# The case page under load: GET /saker/{id} as the reporter and as a caseworker of the
# case's category, each connection signed in with its own session, against a running portal
# (demo profile, so the demo users sign in with "demo"). Prints one line per row.
#
#   BASE=http://localhost:8080 PGDATABASE=kundesenter_bench bench/case-page.sh
#
# Environment: BASE, DURATION (s per row, 20), CONNECTIONS (8), WARMUP (s per row, 20),
# CASE_ID (default: kari's newest payroll case), PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE.
set -euo pipefail

BASE=${BASE:-http://localhost:8080}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-8}
WARMUP=${WARMUP:-20}
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-kundesenter} PGPASSWORD=${PGPASSWORD:-kundesenter}
export PGDATABASE=${PGDATABASE:-kundesenter_bench}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in wrk psql curl; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install wrk postgresql-client curl)" >&2; exit 1; }
done
curl -sf "$BASE/actuator/health" >/dev/null || { echo "no portal answers at $BASE" >&2; exit 1; }

sql() { psql -qAtX -v ON_ERROR_STOP=1 -c "$1"; }
case_id=${CASE_ID:-$(sql "select max(c.id) from support_case c join app_user u on u.id = c.reporter_id where u.username = 'kari' and c.category = 'PAYROLL'")}
messages=$(sql "select count(*) from message where case_id = $case_id")

. "$here/sessions.sh"

printf '%-44s %7s %7s %7s %7s %6s\n' "case $case_id ($messages messages), $CONNECTIONS connections, ${DURATION} s" \
  req/s p50 p95 p99 errors
for row in "reporter|kari" "caseworker of the category|siri"; do
  name=${row%%|*}
  user=${row##*|}
  SESSIONS=$(sessions "$user") wrk -t "$CONNECTIONS" -c "$CONNECTIONS" -d "${WARMUP}s" -s "$here/wrk-sessions.lua" \
    "$BASE/saker/$case_id" >/dev/null
  result=$(SESSIONS=$(sessions "$user") wrk -t "$CONNECTIONS" -c "$CONNECTIONS" -d "${DURATION}s" \
    -s "$here/wrk-sessions.lua" "$BASE/saker/$case_id" | grep '^RESULT')
  read -r _ rps p50 p95 p99 errors _ <<<"$result"
  printf '%-44s %7s %7s %7s %7s %6s\n' "$name" "$rps" "$p50" "$p95" "$p99" "$errors"
done
echo "(latencies in ms)"
