-- wrk script: cycle through phrase queries read from a file (one query per line), URL-encoded, on /api/search.
-- Usage: wrk -t2 -c32 -d30s -s bench/search.lua http://127.0.0.1:5000 -- QUERIES_FILE
local queries = {}
local counter = 0

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- Requests are formatted once, so the client spends no time per request on building them.
function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then queries[#queries + 1] = wrk.format("GET", "/api/search?q=" .. urlencode(line)) end
  end
  counter = math.random(#queries)
end

function request()
  counter = counter % #queries + 1
  return queries[counter]
end

-- No response() callback: wrk would hand every response to Lua, adding client time to each latency; the summary
-- already counts non-2xx answers.
function done(summary, latency)
  io.write(string.format("non-2xx: %d, socket errors: %d\n", summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("p%s: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
