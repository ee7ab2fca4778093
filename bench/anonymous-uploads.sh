#!/usr/bin/env bash
# Fires N parallel anonymous multipart POSTs of SIZE MB at a running portal (the demo is fine) and
# prints, per request, the status, the seconds until it was answered and how much of the body
# the portal let the client send; then the same figures summed up, the answer times of the
# login page during the flood, and the files left in Tomcat's temporary directories.
#
#   bench/anonymous-uploads.sh [base-url] [parallel] [size-mb]
#   bench/anonymous-uploads.sh http://localhost:8080 50 190
set -euo pipefail
base=${1:-http://localhost:8080}
parallel=${2:-50}
size=${3:-190}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A multipart body of the given size: one file part of zeros.
boundary=bench-boundary
{
	printf -- '--%s\r\nContent-Disposition: form-data; name="files"; filename="skanning.pdf"\r\nContent-Type: application/pdf\r\n\r\n' "$boundary"
	head -c $((size * 1024 * 1024)) /dev/zero
	printf -- '\r\n--%s--\r\n' "$boundary"
} > "$work/body"

temp_files() {
	find /tmp -maxdepth 3 -path '/tmp/tomcat.*' -type f 2>/dev/null | wc -l
}
before=$(temp_files)

upload() {
	local path=$1
	curl -s -o /dev/null -H 'Expect:' -H 'Accept: text/html' \
		-H "Content-Type: multipart/form-data; boundary=$boundary" \
		--data-binary @"$work/body" -w '%{http_code} %{time_total} %{size_upload}\n' \
		"$base$path" || true
}
export -f upload
export base work boundary

# The login page, answered while the flood is on.
( for i in $(seq 1 20); do curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$base/login"; sleep 0.1; done ) \
	> "$work/login" &
seq 1 "$parallel" | sed 's#.*#/saker#' | xargs -P "$parallel" -I{} bash -c 'upload {}' > "$work/uploads"
wait

echo "status seconds bytes-sent (each of $parallel anonymous ${size} MB uploads)"
sort -k2 -n "$work/uploads"
awk '{ n++; if ($2 > max) max = $2; sum += $2; sent += $3; codes[$1]++ }
	END { printf "\n%d requests: slowest answer %.3f s, mean %.3f s; %.1f MB sent in all of %d MB offered\n", n, max, sum / n, sent / 1048576, n * '"$size"';
	      for (c in codes) printf "  status %s: %d\n", c, codes[c] }' "$work/uploads"
awk '{ if ($2 > max) max = $2; codes[$1]++ } END { printf "login page during the flood: %d answers, slowest %.3f s", NR, max;
	for (c in codes) printf ", status %s: %d", c, codes[c]; print "" }' "$work/login"
echo "files in Tomcat's temporary directories: $before before, $(temp_files) after"
