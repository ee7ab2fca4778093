#!/usr/bin/env bash
# Load test of finding cases, on one machine: the portal (demo profile) running against the
# generated database, wrk as load generator and pgbench running the same SQL straight in
# PostgreSQL. See bench/README.md. Prints one line per row and a table at the end.
#
#   BASE=http://localhost:8080 PGDATABASE=kundesenter_bench bench/load.sh
#   PGDATABASE=kundesenter_bench bench/load.sh --explain    # only the plans, no load
#
# Environment: BASE, DURATION (s per row, 30), CONNECTIONS (8), PREWARM (s over all rows
# before the first, 300), WARMUP (s per row, 30), ROWS (an extended regular expression: only the
# rows whose name matches it, e.g. ROWS=queue),
# PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE for psql and pgbench.
set -euo pipefail

BASE=${BASE:-http://localhost:8080}
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-8}
PREWARM=${PREWARM:-300}
WARMUP=${WARMUP:-30}
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-kundesenter} PGPASSWORD=${PGPASSWORD:-kundesenter}
export PGDATABASE=${PGDATABASE:-kundesenter_bench}
export PGOPTIONS="-c jit=off"
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in wrk pgbench psql curl; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install wrk postgresql-client curl)" >&2; exit 1; }
done
explain_only=false
[ "${1:-}" = "--explain" ] && explain_only=true
$explain_only || curl -sf "$BASE/actuator/health" >/dev/null || { echo "no portal answers at $BASE" >&2; exit 1; }

sql() { psql -qAtX -v ON_ERROR_STOP=1 -c "$1"; }
kari=$(sql "select id from app_user where username = 'kari'")
lise=$(sql "select id from app_user where username = 'lise'")
lise_org=$(sql "select organization_id from app_user where username = 'lise'")
lookup_id=$(sql "select max(id) from support_case where reporter_id = $kari")
search_word=${SEARCH_WORD:-feriepenger}

. "$here/sessions.sh"

# The statements the portal runs for each page (Hibernate's SQL, values filled in).
cat > "$work/own.sql" <<SQL
select count(c1_0.id) from support_case c1_0 where (c1_0.reporter_id=$kari) and c1_0.reporter_id=$kari and 1=1;
select c1_0.id,c1_0.subject,c1_0.category,c1_0.status,c1_0.channel,(select o.name from organization o where o.id = c1_0.organization_id),(select u.full_name from app_user u where u.id = c1_0.reporter_id),c1_0.created_at,c1_0.updated_at,c1_0.centre_replied_at,c1_0.status_changed_at from support_case c1_0 where (c1_0.reporter_id=$kari) and c1_0.reporter_id=$kari and 1=1 order by 9 desc,1 desc offset 0 rows fetch first 25 rows only;
SQL
# A fagbruker's list: their own cases outside the agency part (merged in), then the agency part.
cat > "$work/agency.sql" <<SQL
select c1_0.id,c1_0.subject,c1_0.category,c1_0.status,c1_0.channel,(select o.name from organization o where o.id = c1_0.organization_id),(select u.full_name from app_user u where u.id = c1_0.reporter_id),c1_0.created_at,c1_0.updated_at,c1_0.centre_replied_at,c1_0.status_changed_at from support_case c1_0 where c1_0.reporter_id=$lise and not(c1_0.organization_id=$lise_org and c1_0.category='PAYROLL') and c1_0.status in ('ACTIVE','IN_PROGRESS') order by 8 desc,1 desc offset 0 rows fetch first 51 rows only;
select count(c1_0.id) from support_case c1_0 where c1_0.organization_id=$lise_org and c1_0.category='PAYROLL' and c1_0.status in ('ACTIVE','IN_PROGRESS');
select c1_0.id,c1_0.subject,c1_0.category,c1_0.status,c1_0.channel,(select o.name from organization o where o.id = c1_0.organization_id),(select u.full_name from app_user u where u.id = c1_0.reporter_id),c1_0.created_at,c1_0.updated_at,c1_0.centre_replied_at,c1_0.status_changed_at from support_case c1_0 where c1_0.organization_id=$lise_org and c1_0.category='PAYROLL' and c1_0.status in ('ACTIVE','IN_PROGRESS') order by 8 desc,1 desc offset 0 rows fetch first 27 rows only;
SQL
# A fagbruker's first page: every case they may see, the latest update first (own cases outside
# the agency part merged in, as above).
lise_outside=$(sql "select count(*) from (select 1 from support_case where reporter_id = $lise and not (organization_id = $lise_org and category = 'PAYROLL') limit 51) s")
cat > "$work/agency-first.sql" <<SQL
select c1_0.id,c1_0.subject,c1_0.category,c1_0.status,c1_0.channel,(select o.name from organization o where o.id = c1_0.organization_id),(select u.full_name from app_user u where u.id = c1_0.reporter_id),c1_0.created_at,c1_0.updated_at,c1_0.centre_replied_at,c1_0.status_changed_at from support_case c1_0 where c1_0.reporter_id=$lise and not(c1_0.organization_id=$lise_org and c1_0.category='PAYROLL') order by 9 desc,1 desc offset 0 rows fetch first 51 rows only;
select count(c1_0.id) from support_case c1_0 where c1_0.organization_id=$lise_org and c1_0.category='PAYROLL';
select c1_0.id,c1_0.subject,c1_0.category,c1_0.status,c1_0.channel,(select o.name from organization o where o.id = c1_0.organization_id),(select u.full_name from app_user u where u.id = c1_0.reporter_id),c1_0.created_at,c1_0.updated_at,c1_0.centre_replied_at,c1_0.status_changed_at from support_case c1_0 where c1_0.organization_id=$lise_org and c1_0.category='PAYROLL' order by 9 desc,1 desc offset 0 rows fetch first $((25 + lise_outside)) rows only;
SQL
# What is new (decision 0076), where the portal keeps it: the viewer's openings of the page's
# cases, one lookup by primary key, and the menu's count of cases with news.
news=$(sql "select to_regclass('case_opened') is not null")
news_sql() { # user, condition for the page's cases in the list's order, cases the user sees
  [ "$news" = t ] || return 0
  local ids
  ids=$(sql "select string_agg(id::text, ',') from (select c1_0.id from support_case c1_0 where $2 order by c1_0.updated_at desc, c1_0.id desc limit 25) s")
  echo "select o1_0.case_id,o1_0.opened_at from case_opened o1_0 where o1_0.user_id=$1 and o1_0.case_id in (${ids:-0});"
  if [ "$news_flags" != t ]; then
    echo "select count(o1_0.user_id) from case_opened o1_0,support_case c1_0 where o1_0.user_id=$1 and c1_0.id=o1_0.case_id and (c1_0.centre_replied_at>o1_0.opened_at or c1_0.status_changed_at>o1_0.opened_at) and ($3);"
    return 0
  fi
  # The openings flagged as having news (V34), then those of them the user still sees, if any.
  local flagged
  flagged=$(sql "select string_agg(case_id::text, ',') from case_opened where user_id = $1 and news")
  echo "select o1_0.case_id from case_opened o1_0 where o1_0.user_id=$1 and o1_0.news;${flagged:+ select count(c1_0.id) from support_case c1_0 where c1_0.id in ($flagged) and ($3);}"
}
news_flags=$(sql "select exists (select 1 from information_schema.columns where table_name = 'case_opened' and column_name = 'news')")
lise_sees="c1_0.reporter_id=$lise or (c1_0.organization_id=$lise_org and c1_0.category='PAYROLL')"
news_sql "$kari" "c1_0.reporter_id=$kari" "c1_0.reporter_id=$kari" >> "$work/own.sql"
news_sql "$lise" "($lise_sees)" "$lise_sees" >> "$work/agency-first.sql"
news_sql "$lise" "($lise_sees) and c1_0.status in ('ACTIVE','IN_PROGRESS')" "$lise_sees" >> "$work/agency.sql"
# A page that reads nothing but the menu's count.
{ news_sql "$kari" "false" "c1_0.reporter_id=$kari" | tail -n 1; [ "$news" = t ] || echo "select 1;"; } > "$work/menu.sql"
# A search: count the first 201 matches in the list's order, read the page, mark the snippets.
# Agency users see a case's last update in updated_at, caseworkers in activity_at (decision 0063).
search_sql() { # file, access condition, match condition, internal notes seen (true/false), last update[, own cases outside it]
  local rows="c1_0.id,c1_0.subject,c1_0.category,c1_0.status,c1_0.channel,(select o.name from organization o where o.id = c1_0.organization_id),(select u.full_name from app_user u where u.id = c1_0.reporter_id),c1_0.created_at,c1_0.$5"
  [ "$5" = updated_at ] && rows="$rows,c1_0.centre_replied_at,c1_0.status_changed_at"
  local ids messages="not m.internal"
  ids=$(sql "select string_agg(id::text, ',') from (select c1_0.id from support_case c1_0 where $2 and $3 order by c1_0.$5 desc, c1_0.id desc limit 25) s")
  [ "$4" = true ] && messages="(not m.internal or m.case_id in (${ids:-0}))"
  { [ -n "${6:-}" ] && echo "select $rows from support_case c1_0 where $6 and 1=1 and $3 order by 9 desc,1 desc offset 0 rows fetch first 51 rows only;"
  cat <<SQL
select c1_0.id from support_case c1_0 where $2 and 1=1 and $3 order by c1_0.$5 desc,1 desc fetch first 201 rows only;
select $rows from support_case c1_0 where $2 and 1=1 and $3 order by 9 desc,1 desc offset 0 rows fetch first 25 rows only;
select distinct on (m.case_id) m.case_id, ts_headline('norwegian', translate(m.body, chr(1) || chr(2), ''), q, 'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=25, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "') from message m, cast(replace(cast(plainto_tsquery('norwegian', '$search_word') as text), ' & ', ' | ') as tsquery) q where m.case_id in (${ids:-0}) and $messages and to_tsvector('norwegian', m.body) @@ q order by m.case_id, m.id;
SQL
  } > "$1"
}
public_match="((c1_0.search_public @@ plainto_tsquery('norwegian', '$search_word')) or (c1_0.subject ilike '%$search_word%' escape '!'))"
all_match="((c1_0.search_public @@ plainto_tsquery('norwegian', '$search_word')) or (c1_0.search_internal @@ plainto_tsquery('norwegian', '$search_word')) or (c1_0.subject ilike '%$search_word%' escape '!'))"
search_sql "$work/search.sql" "c1_0.organization_id=$lise_org and c1_0.category='PAYROLL'" \
  "$public_match" false updated_at "c1_0.reporter_id=$lise and not(c1_0.organization_id=$lise_org and c1_0.category='PAYROLL')"
news_sql "$lise" "($lise_sees) and $public_match" "$lise_sees" >> "$work/search.sql"
search_sql "$work/centre-search.sql" "(c1_0.category='PAYROLL')" "$all_match" true activity_at
# A caseworker's list of their category, not searched (only with --explain).
cat > "$work/centre.sql" <<SQL
select count(c1_0.id) from support_case c1_0 where (c1_0.category='PAYROLL') and 1=1;
select c1_0.id,c1_0.subject,c1_0.category,c1_0.status,c1_0.channel,(select o.name from organization o where o.id = c1_0.organization_id),(select u.full_name from app_user u where u.id = c1_0.reporter_id),c1_0.created_at,c1_0.activity_at from support_case c1_0 where (c1_0.category='PAYROLL') and 1=1 order by 9 desc,1 desc offset 0 rows fetch first 25 rows only;
SQL
# The caseworker's queue: a count of the view and its first page, the earliest due first.
queue_sql() { # file, the view's condition
  cat > "$1" <<SQL
select count(c1_0.id) from support_case c1_0 where (c1_0.category='PAYROLL') and $2;
select c1_0.id,c1_0.subject,c1_0.category,c1_0.status,c1_0.channel,(select o.name from organization o where o.id = c1_0.organization_id),(select u.full_name from app_user u where u.id = c1_0.reporter_id),c1_0.created_at,c1_0.activity_at,(select u.full_name from app_user u where u.id = c1_0.assignee_id),c1_0.last_customer_message_at,c1_0.next_due from support_case c1_0 where (c1_0.category='PAYROLL') and $2 order by c1_0.next_due,c1_0.id offset 0 rows fetch first 25 rows only;
SQL
}
queue_sql "$work/queue.sql" "c1_0.status<>'CLOSED' and c1_0.assignee_id is null"
queue_sql "$work/queue-open.sql" "c1_0.status<>'CLOSED'"
cat > "$work/lookup.sql" <<SQL
select 1 from support_case c1_0 where (c1_0.reporter_id=$kari) and c1_0.id=$lookup_id fetch first 1 rows only;
SQL

if $explain_only; then
  for script in own agency agency-first menu search lookup centre-search centre queue queue-open; do
    echo "== $script"
    while IFS= read -r statement; do
      echo "${statement:0:160}..."
      psql -qAtX -c "explain (analyze, buffers) ${statement%;}"
      echo
    done < "$work/$script.sql"
  done
  exit 0
fi

# name | user | path | sql | target p95 (ms)
rows=(
  "own list (innmelder)|kari|/saker|own|25"
  "first page, all cases seen (fagbruker, largest agency)|lise|${FIRST_PAGE:-/saker}|agency-first|50"
  "agency list, status filter, by created (fagbruker, largest agency)|lise|/saker?omfang=virksomhet&status=ACTIVE&status=IN_PROGRESS&sort=-opprettet|agency|50"
  "free-text search '$search_word' (fagbruker, largest agency)|lise|/saker?omfang=virksomhet&q=$search_word|search|150"
  "case number lookup (redirect to the case)|kari|/saker?q=$lookup_id|lookup|25"
  "free-text search '$search_word' (caseworker, all payroll cases)|siri|/saker?q=$search_word|centre-search|150"
  "queue, Ufordelt (caseworker, all payroll cases)|siri|/saksbehandling|queue|50"
  "queue, Alle åpne (caseworker, all payroll cases)|siri|/saksbehandling?visning=alle|queue-open|50"
  "a page with nothing but the menu's count (innmelder)|kari|/tilgjengelighet|menu|25"
)
if [ -n "${ROWS:-}" ]; then
  chosen=()
  for row in "${rows[@]}"; do [[ "${row%%|*}" =~ $ROWS ]] && chosen+=("$row"); done
  rows=("${chosen[@]}")
fi

percentiles() { # latency log (µs in column 3) -> "p50 p95 p99" in ms
  awk '{ print $3 }' "$@" | sort -n | awk '{ v[NR] = $1 } END {
    printf "%.1f %.1f %.1f\n", v[int(NR * 0.50) + 1] / 1000, v[int(NR * 0.95) + 1] / 1000, v[int(NR * 0.99) + 1] / 1000 }'
}

# The JVM compiles the hot paths for minutes on 2 cores; measure it warm, as it runs in
# production: every row's page in turn until PREWARM seconds have passed.
if [ "$PREWARM" -gt 0 ]; then
  echo "warming up the portal for ${PREWARM} s" >&2
  per_row=$(( PREWARM / (2 * ${#rows[@]}) + 1 ))
  for round in 1 2; do
    for row in "${rows[@]}"; do
      IFS='|' read -r _ user path _ _ <<<"$row"
      SESSIONS=$(sessions "$user") wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"${per_row}s" -s "$here/wrk-sessions.lua" \
        "$BASE$path" >/dev/null
    done
  done
fi

results=()
for row in "${rows[@]}"; do
  IFS='|' read -r name user path script target <<<"$row"
  export SESSIONS
  SESSIONS=$(sessions "$user")
  wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$here/wrk-sessions.lua" "$BASE$path" >/dev/null
  read -r _ rps p50 p95 p99 errors requests < <(wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"${DURATION}s" \
    -s "$here/wrk-sessions.lua" "$BASE$path" | grep '^RESULT')
  (cd "$work" && rm -f pgb.* && pgbench -n -c "$CONNECTIONS" -j 2 -T "$DURATION" -f "$script.sql" -l --log-prefix=pgb \
    > pgbench.out 2>&1) || { cat "$work/pgbench.out" >&2; exit 1; }
  tps=$(awk '/^tps/ { printf "%.1f", $3; exit }' "$work/pgbench.out")
  read -r dp50 dp95 dp99 < <(percentiles "$work"/pgb.*)
  ratio=$(awk -v a="$p95" -v d="$dp95" 'BEGIN { printf "%.1f", (d > 0) ? a / d : 0 }')
  verdict=$(awk -v a="$p95" -v t="$target" -v e="$errors" 'BEGIN { print (a <= t && e == 0) ? "ok" : "MISSED" }')
  line=$(printf '%-68s %7s %7s %7s %7s %6s %5s | %7s %6s %6s %6s | %5s | %4s %s' "$name" "$rps" "$p50" "$p95" "$p99" \
    "$errors" "" "$tps" "$dp50" "$dp95" "$dp99" "$ratio" "$target" "$verdict")
  echo "$line"
  results+=("$line")
done

echo
printf '%-68s %7s %7s %7s %7s %6s %5s | %7s %6s %6s %6s | %5s | %s\n' "row ($CONNECTIONS connections, ${DURATION} s)" \
  "req/s" "p50" "p95" "p99" "errors" "" "db tx/s" "p50" "p95" "p99" "app/db" "target p95"
printf '%s\n' "${results[@]}"
echo "(latencies in ms; app = portal over HTTP with a signed-in session; db = the page's SQL in pgbench;"
echo " app/db = ratio of the p95 latencies)"
