-- wrk script: each connection (one per thread: run with -t N -c N) is signed in with its
-- own session, as N people would be. SESSIONS holds the session ids, space-separated.
-- Prints one machine-readable line: RESULT req/s p50 p95 p99 (ms) errors requests.
local sessions = {}
for s in string.gmatch(os.getenv("SESSIONS") or "", "%S+") do
  table.insert(sessions, s)
end
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("session", sessions[(threads - 1) % #sessions + 1])
end

function init(args)
  wrk.headers["Cookie"] = "SESSION=" .. session
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.1f %.1f %.1f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout + e.status, summary.requests))
end
