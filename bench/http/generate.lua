-- wrk script: POST /v1/sessions/{sessionId}/generate with the app's documents (SPEC §10.3).
--
--   wrk -t2 -c16 -d30s --latency -s bench/http/generate.lua http://127.0.0.1:8080 -- DOCS [STRATEGY]
--
-- DOCS: one JitInput per line (e.g. the first 20,000 lines of inputs-50k.ndjson.gz, unzipped);
-- STRATEGY: the ?strategy= of every request (default formula). The credential is the environment's
-- PARAKEET_BENCH_KEY (a service key), or, when PARAKEET_BENCH_TOKENS names a file of lifter JWTs
-- (one per line), document i is sent with token i mod n, so a session always has the same owner.
-- Each wrk thread starts at its own offset in the file and walks it in order, wrapping around: a
-- session is generated again only after every other document, as an app regenerates them.

local threads = {}
local counter = 0

function setup(thread)
  thread:set("offset", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local file = args[1] or error("usage: -- DOCS [STRATEGY]")
  local strategy = args[2] or "formula"
  docs, paths = {}, {}
  for line in io.lines(file) do
    local id = line:match('"sessionId"%s*:%s*"([^"]+)"') or error("a document without sessionId")
    docs[#docs + 1] = line
    paths[#paths + 1] = "/v1/sessions/" .. id .. "/generate?strategy=" .. strategy
  end
  local key = os.getenv("PARAKEET_BENCH_KEY")
  local tokenFile = os.getenv("PARAKEET_BENCH_TOKENS")
  auth = {}
  if tokenFile and tokenFile ~= "" then
    for token in io.lines(tokenFile) do
      auth[#auth + 1] = "Bearer " .. token
    end
  elseif key and key ~= "" then
    auth[1] = "Bearer " .. key
  else
    error("set PARAKEET_BENCH_KEY or PARAKEET_BENCH_TOKENS")
  end
  -- Threads start evenly spread over the file.
  index = math.floor(offset * #docs / 8) % #docs
  headers = { ["Content-Type"] = "application/json" }
end

function request()
  index = index % #docs + 1
  headers["Authorization"] = auth[(index - 1) % #auth + 1]
  return wrk.format("POST", paths[index], headers, docs[index])
end

function done(summary, latency, requests)
  local s = summary
  io.write(string.format(
    "RESULT requests=%d duration_s=%.2f rps=%.0f non2xx=%d errors_connect=%d errors_read=%d errors_write=%d errors_timeout=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    s.requests, s.duration / 1e6, s.requests / (s.duration / 1e6), s.errors.status, s.errors.connect,
    s.errors.read, s.errors.write, s.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
