#!/usr/bin/env bash
# Upload benchmark with each attachment store (not a test): the demo, run from target/classes on
# a fresh database of the local PostgreSQL, once with the S3 store (the tests' s3proxy, in
# memory, as a process of its own: bench/ObjectStore.java) and once with PostgreSQL; 1 MB and
# 20 MB files at concurrency 4 (bench/UploadBenchmark.java).
#   ./mvnw -o test-compile dependency:build-classpath -Dmdep.includeScope=test \
#       -Dmdep.outputFile=target/test-classpath.txt
#   ./mvnw -o dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/classpath.txt
#   bench/object-store-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=$(mktemp -d)
pids=()
cleanup() {
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

$JAVA -cp "target/test-classes:$(cat target/test-classpath.txt)" bench/ObjectStore.java > "$work/s3.log" 2>&1 &
pids+=($!)
until grep -q '^endpoint' "$work/s3.log"; do sleep 1; done
endpoint=$(sed -n 's/^endpoint \([^ ]*\) .*/\1/p' "$work/s3.log")
for store in s3 postgresql; do
	db=kundesenter_bench_store_$store
	su postgres -c "psql -q -c 'drop database if exists $db' -c 'create database $db owner kundesenter'"
	port=$(free_port)
	env SPRING_PROFILES_ACTIVE=demo SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:5432/$db \
		SPRING_DATASOURCE_USERNAME=kundesenter SPRING_DATASOURCE_PASSWORD=kundesenter SERVER_PORT=$port \
		MANAGEMENT_SERVER_PORT= PORTAL_ATTACHMENTS_STORE=$store PORTAL_ATTACHMENTS_S3_BUCKET=kundesenter-test \
		PORTAL_ATTACHMENTS_S3_ENDPOINT=$endpoint PORTAL_ATTACHMENTS_S3_REGION=eu-north-1 PORTAL_ATTACHMENTS_S3_PATHSTYLE=true \
		AWS_ACCESS_KEY_ID=kundesenter-test-access AWS_SECRET_ACCESS_KEY=kundesenter-test-secret-0123456789 \
		$JAVA -Xmx512m -cp "target/classes:$(cat target/classpath.txt)" no.dfo.kundesenter.KundesenterApplication \
		--portal.notifications.sending-enabled=false --portal.rate-limits.uploads.files=100000 \
		--portal.rate-limits.uploads.bytes=100GB > "$work/portal-$store.log" 2>&1 &
	portal=$!
	pids+=($portal)
	until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null 2>&1; do sleep 1; done
	echo "== store $store"
	$JAVA bench/UploadBenchmark.java "http://127.0.0.1:$port" kari 1 8 4 > /dev/null
	$JAVA bench/UploadBenchmark.java "http://127.0.0.1:$port" kari 1 200 4
	$JAVA bench/UploadBenchmark.java "http://127.0.0.1:$port" kari 20 40 4
	kill "$portal"
	wait "$portal" 2>/dev/null || true
	su postgres -c "psql -q -c 'drop database $db'"
done
