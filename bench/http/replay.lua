-- wrk script: POST /v1/replay with a batch of the app's documents, nothing stored (SPEC §10.3).
--
--   wrk -t1 -c2 -d30s --latency -s bench/http/replay.lua http://127.0.0.1:8080 -- BATCH [STRATEGY]
--
-- BATCH: an NDJSON file (e.g. 1,000 lines of inputs-50k.ndjson.gz, unzipped), sent whole as every
-- request's body with ?strategy=STRATEGY (default formula)&store=false and the service key
-- PARAKEET_BENCH_KEY. Sessions per second = requests per second x lines in BATCH; a request's
-- latency is the whole batch's. Every answer must be a 200, and every 10th (the first included) is
-- counted: it must have as many lines as the batch (else SHORT on stderr). Counting the lines of
-- every ~1 MB answer in Lua cost the client as much CPU as the server's sessions.

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
  answers = 0
end

function request()
  return wrk.format("POST", path, headers, body)
end

function response(status, headers, answer)
  answers = answers + 1
  local out = lines
  if status ~= 200 or answers % 10 == 1 then
    out = select(2, answer:gsub("\n", "\n"))
  end
  if (status ~= 200 or out ~= lines) and short < 5 then
    short = short + 1
    io.stderr:write(string.format("SHORT status %d: %d lines out of %d\n", status, out, lines))
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
