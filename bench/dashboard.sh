#!/usr/bin/env bash
# Load test of the centre's dashboard (/saksbehandling/oversikt) against the generated
# database, as bench/load.sh does for the lists: wrk with signed-in sessions, one row per
# viewer. See bench/README.md.
#
#   BASE=http://localhost:18080 PGDATABASE=kundesenter_bench bench/dashboard.sh
#   PGDATABASE=kundesenter_bench bench/dashboard.sh --sql   # the counts straight in psql, no cache
#
# Environment: BASE, DURATION (s per row, 30), CONNECTIONS (8), WARMUP (s per row, 30),
# PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE for psql.
set -euo pipefail

BASE=${BASE:-http://localhost:8080}
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-8}
WARMUP=${WARMUP:-30}
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-kundesenter} PGPASSWORD=${PGPASSWORD:-kundesenter}
export PGDATABASE=${PGDATABASE:-kundesenter_bench}
export PGOPTIONS="-c jit=off"
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ "${1:-}" = "--sql" ]; then
  # The statements DashboardQueries runs for the payroll caseworker, each timed over 5 runs
  # (the best and the worst), as the page costs when its minute in the cache has run out.
  since="date_trunc('week', now() at time zone 'Europe/Oslo' - interval '11 weeks') at time zone 'Europe/Oslo'"
  statements=(
    "open by status|select status, count(*) from support_case where category = any('{PAYROLL}') and status <> 'CLOSED' group by status"
    "new per week|select date_trunc('week', created_at at time zone 'Europe/Oslo')::date, count(*) from support_case where category = any('{PAYROLL}') and created_at >= $since and created_at <= now() group by 1"
    "closed per week|select date_trunc('week', s.changed_at at time zone 'Europe/Oslo')::date, count(distinct s.case_id) from status_change s join support_case c on c.id = s.case_id where s.to_status = 'CLOSED' and s.changed_at >= $since and s.changed_at <= now() and c.category = any('{PAYROLL}') group by 1"
    "first answer per week|select week, percentile_cont(0.5) within group (order by hours), percentile_cont(0.9) within group (order by hours) from (select date_trunc('week', c.created_at at time zone 'Europe/Oslo')::date as week, extract(epoch from (select min(m.created_at) from message m where m.case_id = c.id and m.author_side = 'CENTRE' and not m.internal) - c.created_at) / 3600.0 as hours from support_case c where c.category = any('{PAYROLL}') and c.created_at >= $since and c.created_at <= now()) a where hours is not null group by week"
    "backlog age|select count(*) filter (where created_at <= now() and created_at > now() - interval '1 day'), count(*) filter (where created_at <= now() - interval '1 day' and created_at > now() - interval '3 days'), count(*) filter (where created_at <= now() - interval '3 days' and created_at > now() - interval '7 days'), count(*) filter (where created_at <= now() - interval '7 days' and created_at > now() - interval '30 days'), count(*) filter (where created_at <= now() - interval '30 days') from support_case where category = any('{PAYROLL}') and status <> 'CLOSED'"
    "per channel|select channel, count(*) from support_case where category = any('{PAYROLL}') and created_at >= $since and created_at <= now() group by channel"
    "top agencies|select o.name, t.open from (select organization_id, count(*) as open from support_case where category = any('{PAYROLL}') and status <> 'CLOSED' group by organization_id order by count(*) desc, organization_id limit 10) t join organization o on o.id = t.organization_id order by t.open desc, o.name"
  )
  total_best=0
  for entry in "${statements[@]}"; do
    name=${entry%%|*}
    statement=${entry#*|}
    times=$(for _ in 1 2 3 4 5; do
      psql -qAtX -c "explain (analyze, timing off, summary on) $statement" | awk '/Execution Time/ { print $3 }'
    done | sort -n)
    best=$(echo "$times" | head -1)
    worst=$(echo "$times" | tail -1)
    total_best=$(awk -v a="$total_best" -v b="$best" 'BEGIN { print a + b }')
    printf '%-24s best %8.1f ms  worst %8.1f ms\n' "$name" "$best" "$worst"
  done
  printf '%-24s best %8.1f ms\n' "all seven" "$total_best"
  exit 0
fi

for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install wrk curl)" >&2; exit 1; }
done
curl -sf "$BASE/actuator/health" >/dev/null || { echo "no portal answers at $BASE" >&2; exit 1; }
. "$here/sessions.sh"

# name | user | target p95 (ms)
rows=(
  "dashboard, payroll caseworker|siri|200"
  "dashboard, accounting caseworker|sverre|200"
  "dashboard, administrator (all categories)|admin|200"
)
results=()
for row in "${rows[@]}"; do
  IFS='|' read -r name user target <<<"$row"
  export SESSIONS
  SESSIONS=$(sessions "$user")
  wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$here/wrk-sessions.lua" "$BASE/saksbehandling/oversikt" >/dev/null
  read -r _ rps p50 p95 p99 errors requests < <(wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"${DURATION}s" \
    -s "$here/wrk-sessions.lua" "$BASE/saksbehandling/oversikt" | grep '^RESULT')
  verdict=$(awk -v a="$p95" -v t="$target" -v e="$errors" 'BEGIN { print (a <= t && e == 0) ? "ok" : "MISSED" }')
  results+=("$(printf '%-44s %8s %7s %7s %7s %6s | %4s %s' "$name" "$rps" "$p50" "$p95" "$p99" "$errors" "$target" "$verdict")")
  echo "${results[-1]}"
done
echo
printf '%-44s %8s %7s %7s %7s %6s | %s\n' "row ($CONNECTIONS connections, ${DURATION} s)" "req/s" "p50" "p95" "p99" "errors" "target p95"
printf '%s\n' "${results[@]}"
echo "(latencies in ms; the page is counted at most once a minute per set of categories and language)"
