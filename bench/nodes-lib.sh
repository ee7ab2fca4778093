# Sourced by bench/nodes.sh, bench/faults.sh and bench/soak.sh: starts portal nodes from the
# jar, an SMTP sink and HAProxy on loopback, and stops them again. Needs work (a temporary
# directory the caller removes) and the PG* environment of the database.
#
# The nodes run the jar as built (no demo equipment in it: no embedded database, mail server or
# OpenID provider) with the demo profile for its form login and demo users only, against a
# real PostgreSQL and a real SMTP server. See docs/operations/nodes-and-faults.md.

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAR=${JAR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/target/kundesenter-0.1.0-SNAPSHOT.jar}
HEAP=${HEAP:-512m}
# Ports away from the 8080 and 18080 of the other benchmarks: the balancer, the nodes on the
# next two ports and their management ports 11 and 12 above it, HAProxy's statistics 99 above.
SMTP_PORT=${SMTP_PORT:-47025}
BALANCER_PORT=${BALANCER_PORT:-47080}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
started_pids=()

# port_free PORT: fails, saying so, when something already listens on the port (a probe
# answered by another program would be taken for the node's).
port_free() {
	if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
		echo "port $1 is in use: choose other ports with BALANCER_PORT and SMTP_PORT" >&2
		return 1
	fi
}

# start_smtp DIRECTORY [DELAY]: the SMTP sink, each mail a file in DIRECTORY.
start_smtp() {
	port_free "$SMTP_PORT" || return 1
	python3 "$here/smtp-sink.py" --port "$SMTP_PORT" --dir "$1" --delay "${2:-0}" &
	SMTP_PID=$!
	started_pids+=("$SMTP_PID")
	for _ in $(seq 1 50); do
		(exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null && return 0
		sleep 0.1
	done
	echo "the SMTP sink did not start" >&2
	return 1
}

stop_smtp() {
	kill "$SMTP_PID" 2>/dev/null || true
	wait "$SMTP_PID" 2>/dev/null || true
}

# start_node NAME PORT MANAGEMENT_PORT [SETTING=VALUE...]: a portal node from the jar, its log
# in $work/NAME.log and its pid in NODE_PID[NAME]. Extra settings go to its environment.
declare -A NODE_PID NODE_PORT NODE_MANAGEMENT
start_node() {
	local name=$1 port=$2 management=$3
	shift 3
	port_free "$port" && port_free "$management" || return 1
	env -u SPRING_PROFILES_ACTIVE \
		SPRING_PROFILES_ACTIVE=demo \
		SPRING_DATASOURCE_URL="jdbc:postgresql://${PGHOST:-localhost}:${PGPORT:-5432}/$PGDATABASE" \
		SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="$PGPASSWORD" \
		SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$SMTP_PORT" \
		SERVER_PORT="$port" MANAGEMENT_SERVER_PORT="$management" PORTAL_NODENAME="$name" \
		LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs \
		"$@" \
		"$JAVA" -Xmx"$HEAP" -XX:+UseParallelGC -jar "$JAR" ${PORTAL_ARGS:-} > "$work/$name.log" 2>&1 &
	NODE_PID[$name]=$!
	NODE_PORT[$name]=$port
	NODE_MANAGEMENT[$name]=$management
	started_pids+=("$!")
}

# wait_ready NAME: until the node's readiness probe says UP (READY_TIMEOUT seconds, 600: a node
# starts in 20 s on a quiet machine, in minutes when other work shares its 2 cores).
wait_ready() {
	local name=$1
	for _ in $(seq 1 $((2 * ${READY_TIMEOUT:-600}))); do
		kill -0 "${NODE_PID[$name]}" 2>/dev/null || { echo "node $name stopped:" >&2; tail -20 "$work/$name.log" >&2; return 1; }
		curl -sf "http://127.0.0.1:${NODE_MANAGEMENT[$name]}/actuator/health/readiness" 2>/dev/null | grep -q '"UP"' && return 0
		sleep 0.5
	done
	echo "node $name not ready after ${READY_TIMEOUT:-600} s" >&2
	return 1
}

# stop_node NAME [SIGNAL]: TERM by default (graceful shutdown); waits until it has exited.
stop_node() {
	local pid=${NODE_PID[$1]}
	kill -"${2:-TERM}" "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}

# start_haproxy NAME...: HAProxy from Debian on 127.0.0.1:$BALANCER_PORT in front of the
# named nodes, round-robin, no stickiness. Its log (one line a request) is $work/haproxy.log.
#
# Retries (retries 3, each on another node: option redispatch 1): a request that could not be
# sent to a node at all (connection refused, "conn-failure") is safe to send to another node
# whatever its method, so every request is retried on that. GET and HEAD are retried on every
# retryable error (all-retryable-errors: also a connection closed without an answer, a timeout,
# junk, 500, 502, 503, 504): the portal's GETs change nothing but the session's time of access
# (a confirmation link confirms the same address again), so a GET sent twice does no harm. A
# POST (a message, an upload, a sign-in, a status change) is never sent again once it may have
# reached a node: the node may have stored it before it died or failed, and the portal has no
# idempotency key, so a replay could store a message twice. A POST that failed that way gets
# the error page, and the person sends it again knowingly (decision 0082).
# Health: the readiness probe on each node's management port, every second.
start_haproxy() {
	local servers="" name
	port_free "$BALANCER_PORT" && port_free $((BALANCER_PORT + 99)) || return 1
	for name in "$@"; do
		servers="$servers    server $name 127.0.0.1:${NODE_PORT[$name]} check port ${NODE_MANAGEMENT[$name]}
"
	done
	cat > "$work/haproxy.cfg" <<CFG
global
    maxconn 4096
    pidfile $work/haproxy.pid

defaults
    mode http
    log stdout format raw local0
    option httplog
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout http-request 30s
    option forwardfor
    retries 3
    option redispatch 1

listen stats
    bind 127.0.0.1:$((BALANCER_PORT + 99))
    stats enable
    stats uri /stats

frontend portal
    bind 127.0.0.1:$BALANCER_PORT
    unique-id-format %{+X}o\ %ci:%cp_%fi:%fp_%Ts_%rt
    http-request set-header X-Request-Id %[unique-id]
    http-response set-header X-Served-By %[srv_name]
    acl safe method GET HEAD
    use_backend reads if safe
    default_backend writes

backend reads
    balance roundrobin
    retry-on all-retryable-errors
    option httpchk
    http-check send meth GET uri /actuator/health/readiness
    default-server inter 1s fall 2 rise 2
$servers
backend writes
    balance roundrobin
    retry-on conn-failure
    option httpchk
    http-check send meth GET uri /actuator/health/readiness
    default-server inter 1s fall 2 rise 2
$servers
CFG
	haproxy -f "$work/haproxy.cfg" > "$work/haproxy.log" 2>&1 &
	HAPROXY_PID=$!
	started_pids+=("$HAPROXY_PID")
	for _ in $(seq 1 50); do
		curl -s -o /dev/null "http://127.0.0.1:$BALANCER_PORT/login" && break
		sleep 0.2
	done
	# Until every node's check has passed.
	sleep 3
}

# balancer_stats: per backend, requests, retries, redispatches and 5xx answers (HAProxy's CSV).
balancer_stats() {
	curl -s "http://127.0.0.1:$((BALANCER_PORT + 99))/stats;csv" | awk -F, '$2 == "BACKEND" && $1 != "stats" {
		printf "%s: %d requests, %d retries, %d redispatched, %d answered 5xx; ", $1, $49, $16, $17, $44 }'
	echo
}

# Everything this script started, by pid.
stop_all() {
	local pid
	for pid in "${started_pids[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${started_pids[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
}

# fresh_database: drops and creates $PGDATABASE, owned by $PGUSER, on the cluster at $PGPORT
# (as the postgres superuser through su); the first node migrates it and adds the demo data.
fresh_database() {
	su postgres -c "unset PGUSER PGPASSWORD PGHOST PGDATABASE; dropdb -p ${PGPORT:-5432} --if-exists --force $PGDATABASE && createdb -p ${PGPORT:-5432} -O $PGUSER $PGDATABASE"
}

sql() { psql -qAtX -v ON_ERROR_STOP=1 -c "$1"; }

# mail_count CASE: how many mails in $MAILS are notices for the case (by their Message-ID,
# <kundesenter.notice.N.case.CASE@...>).
mail_count() {
	cat "$MAILS"/*.eml 2>/dev/null | grep -ci "^Message-ID: <kundesenter\.notice\.[0-9]*\.case\.$1@" || true
}

# mail_summary: mails, distinct notices among them, and the notices that came more than once.
mail_summary() {
	cat "$MAILS"/*.eml 2>/dev/null | grep -io '^Message-ID: <kundesenter\.notice\.[0-9]*\.' | sort | uniq -c |
		awk '{ mails += $1; notices++; if ($1 > 1) twice++ } END { printf "%d mails, %d notices, %d sent more than once\n", mails, notices, twice }'
}
