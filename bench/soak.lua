-- wrk script for bench/soak.sh: each connection (run with -t N -c N) is one signed-in person
-- with a mix of pages for their role. PEOPLE holds one entry a connection, separated by
-- spaces: role:session:csrf:case,case,... with role kari (an innmelder: her list, her cases,
-- a search, and one request in ten a message on one of her cases), lise (a fagbruker: the
-- agency list and search, the agency's cases) or siri (a caseworker: the queue, a search,
-- cases of her category).
-- Counts as an error what wrk counts (connection errors, timeouts, status >= 400) and also a
-- page that is not 200 or a message that is not answered by a redirect to its case (so a
-- redirect to the login page is an error). Prints one line:
-- RESULT req/s p50 p95 p99 (ms) errors requests posts
local people = {}
for entry in string.gmatch(os.getenv("PEOPLE") or "", "%S+") do
  table.insert(people, entry)
end
local search = os.getenv("SEARCH_WORD") or "feriepenger"
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("person", people[(#threads - 1) % #people + 1])
  thread:set("bad", 0)
  thread:set("posts", 0)
end

local role, session, csrf
local cases = {}
local expect_post = false
local serial = 0

function init(args)
  local fields = {}
  for f in string.gmatch(person, "[^:]+") do table.insert(fields, f) end
  role, session, csrf = fields[1], fields[2], fields[3]
  for id in string.gmatch(fields[4] or "", "%d+") do table.insert(cases, id) end
  wrk.headers["Cookie"] = "SESSION=" .. session
  math.randomseed(os.time() + #cases + string.byte(session, 1))
end

local function case_id()
  return cases[math.random(#cases)]
end

local function get(path)
  expect_post = false
  return wrk.format("GET", path)
end

function request()
  local r = math.random()
  if role == "kari" then
    if r < 0.10 then
      expect_post = true
      serial = serial + 1
      posts = posts + 1
      local body = "_csrf=" .. csrf .. "&body=Melding+fra+soak+nummer+" .. serial
      return wrk.format("POST", "/saker/" .. case_id() .. "/meldinger",
        -- wrk.format takes these headers instead of wrk.headers: the cookie goes along.
        { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = "SESSION=" .. session }, body)
    elseif r < 0.40 then return get("/saker")
    elseif r < 0.75 then return get("/saker/" .. case_id())
    else return get("/saker?q=" .. search) end
  elseif role == "lise" then
    if r < 0.40 then return get("/saker?omfang=virksomhet&status=ACTIVE&status=IN_PROGRESS")
    elseif r < 0.70 then return get("/saker?omfang=virksomhet&q=" .. search)
    else return get("/saker/" .. case_id()) end
  else
    if r < 0.35 then return get("/saksbehandling")
    elseif r < 0.60 then return get("/saker?q=" .. search)
    else return get("/saker/" .. case_id()) end
  end
end

function response(status, headers, body)
  if expect_post then
    local location = headers["Location"] or headers["location"] or ""
    if status ~= 302 or not string.find(location, "/saker/%d+") then bad = bad + 1 end
  elseif status ~= 200 then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local extra, posted = 0, 0
  for _, thread in ipairs(threads) do
    extra = extra + thread:get("bad")
    posted = posted + thread:get("posts")
  end
  -- wrk counts status >= 400 itself; "bad" counts those too, so take the larger.
  local errors = e.connect + e.read + e.write + e.timeout + math.max(e.status, extra)
  io.write(string.format("RESULT %.1f %.1f %.1f %.1f %d %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors, summary.requests, posted))
end
