-- wrk script: POST /v1/replay with a batch of the app's documents, nothing stored (SPEC §10.3).
--
--   wrk -t1 -c2 -d30s --latency -s bench/http/replay.lua http://127.0.0.1:8080 -- BATCH [STRATEGY]
--
-- BATCH: an NDJSON file (e.g. 1,000 lines of inputs-50k.ndjson.gz, unzipped), sent whole as every
-- request's body with ?strategy=STRATEGY (default formula)&store=false and the service key
-- PARAKEET_BENCH_KEY. Sessions per second = requests per second x lines in BATCH; a request's
-- latency is the whole batch's. Every answer must be a 200 (wrk counts the others, non2xx). With
-- PARAKEET_BENCH_CHECK_LINES=1 every answer is also counted: as many lines as the batch, else SHORT
-- on stderr. That costs the client as much CPU as the server's sessions (wrk hands each ~1 MB
-- answer to Lua), so replay.sh counts one answer's lines with curl before and after the runs instead.

function init(args)
  local file = args[1] or error("usage: -- BATCH [STRATEGY]")
  local strategy = args[2] or "formula"
  local f = assert(io.open(file, "rb"))
  body = f:read("*a")
  f:close()
  lines = select(2, body:gsub("\n", "\n"))
  path = "/v1/replay?strategy=" .. strategy .. "&store=false"
  headers = {
    ["Content-Type"] = "application/x-ndjson",
    ["Authorization"] = "Bearer " .. (os.getenv("PARAKEET_BENCH_KEY") or error("set PARAKEET_BENCH_KEY")),
  }
  short = 0
end

function request()
  return wrk.format("POST", path, headers, body)
end

if os.getenv("PARAKEET_BENCH_CHECK_LINES") == "1" then
  function response(status, headers, answer)
    local out = select(2, answer:gsub("\n", "\n"))
    if (status ~= 200 or out ~= lines) and short < 5 then
      short = short + 1
      io.stderr:write(string.format("SHORT status %d: %d lines out of %d\n", status, out, lines))
    end
  end
end

function done(summary, latency, requests)
  local s = summary
  io.write(string.format(
    "RESULT requests=%d duration_s=%.2f rps=%.1f non2xx=%d errors_read=%d errors_timeout=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    s.requests, s.duration / 1e6, s.requests / (s.duration / 1e6), s.errors.status, s.errors.read,
    s.errors.timeout, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
