#!/usr/bin/env bash
# API benchmark (not a test): registers cases through POST /api/v1/saker at a given concurrency
# against a running portal in the demo profile, with a token from the demo's Maskinporten, and
# prints cases per second and the latencies. Start the portal with a fixed port for its OpenID
# provider and an API limit above the run, on a database of its own, for example:
#
#   PORTAL_DEMO_OPENIDPROVIDER_PORT=8089 PORTAL_RATELIMITS_API_REQUESTS=1000000 \
#   SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:5432/kundesenter_bench_api \
#   SPRING_DATASOURCE_USERNAME=kundesenter SPRING_DATASOURCE_PASSWORD=kundesenter \
#   java -XX:+UseParallelGC -jar target/kundesenter-0.1.0-SNAPSHOT.jar --spring.profiles.active=demo
#   (or ./mvnw spring-boot:run with the same variables)
#
#   bench/api.sh [BASE_URL] [ISSUER] [CASES] [CONCURRENCY]
#
# Needs a JDK 21+ (java runs the client from source) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:-http://localhost:8080}
ISSUER=${2:-http://localhost:8089/maskinporten}
CASES=${3:-1000}
CONCURRENCY=${4:-8}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
TOKEN=$(curl -sf -d grant_type=client_credentials -d client_id=testetaten -d client_secret=demo \
	-d scope=dfo:kundesenter.saker "$ISSUER/token" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
$JAVA bench/ApiBenchmark.java "$BASE" "$TOKEN" 50 "$CONCURRENCY" >/dev/null # warm-up
$JAVA bench/ApiBenchmark.java "$BASE" "$TOKEN" "$CASES" "$CONCURRENCY"
