-- wrk script: formula generations over HTTP, each request a new session id (so every one is stored
-- as a first revision). Usage (server started with a service key whose SHA-256 is configured):
--   PARAKEET_BENCH_KEY=... wrk -t2 -c64 -d30s --latency -s bench/http/generate.lua http://127.0.0.1:8080
local key = os.getenv("PARAKEET_BENCH_KEY") or ""
local counter = 0
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

function request()
  counter = counter + 1
  local id = "bench-" .. (tid or 0) .. "-" .. counter .. "-" .. math.random(1, 1e9)
  local body = '{"sessionId":"' .. id .. '","weekNumber":1,"blockNumber":1,"primaryLift":"squat",'
    .. '"intensityType":"heavy","oneRmKg":140,"activeAuxiliaries":["Pause Squat","Box Squat"]}'
  return wrk.format("POST", "/v1/sessions/" .. id .. "/generate?strategy=formula", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. key,
  }, body)
end

function response(status, headers, body)
  if status ~= 200 then
    io.stderr:write("status " .. status .. "\n")
  end
end
