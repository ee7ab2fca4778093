# Sourced by the benchmarks: samples the heap of the portal JVM $PID with jstat every 0.1 s
# while it runs, and prints the peaks with heap_peaks. Without $PID it does nothing.
JSTAT=${JAVA_HOME:+$JAVA_HOME/bin/}jstat
peak_file=$(mktemp)
echo "0 0" > "$peak_file"
sampler() {
	local peak=0 old_peak=0 line used old
	while kill -0 "$PID" 2>/dev/null; do
		# From jstat -gc (KB): S0U+S1U+EU+OU is the heap in use, garbage included;
		# OU, the old generation, is what survived collections.
		line=$($JSTAT -gc "$PID" 2>/dev/null | awk 'NR==2 {printf "%d %d", $3+$4+$6+$8, $8}') || true
		if [ -n "$line" ]; then
			used=${line% *}
			old=${line#* }
			[ "$used" -gt "$peak" ] && peak=$used
			[ "$old" -gt "$old_peak" ] && old_peak=$old
			echo "$peak $old_peak" > "$peak_file"
		fi
		sleep 0.1
	done
}
if [ -n "$PID" ]; then
	sampler &
	SAMPLER=$!
	trap 'kill $SAMPLER 2>/dev/null || true' EXIT
fi

# The peaks so far, in KB: "peak old_peak".
heap_peaks() {
	cat "$peak_file"
}
