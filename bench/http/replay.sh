#!/usr/bin/env bash
# Formula sessions through POST /v1/replay with store=false (nothing stored), in batches:
#
#   flock -x /work/notes/bench.lock bench/http/replay.sh [SECONDS] [LINES] [CONNECTIONS...]
#
# Starts `parakeet serve` (SQLite file, untouched by store=false) with a fresh service key, warms up
# for 20 s, then runs wrk for SECONDS (default 30) at each number of connections (default 1 2 4),
# every request a batch of LINES documents (default 1000). Prints one RESULT line per run with
# sessions/s and the server's and wrk's CPU seconds.
set -euo pipefail
source "$(dirname -- "$0")/lib.sh"

seconds=${1:-30}
lines=${2:-1000}
shift $(($# >= 2 ? 2 : $#))
connections=${*:-1 2 4}

batch=$(documents "$lines")
start_server "jdbc:sqlite:$work/parakeet.db"
export PARAKEET_BENCH_KEY=$key
lua="$root/bench/http/replay.lua"
machine_state

# One answer counted in full (every line an output, none missing), before and after the runs.
check_answer() {
  local got
  got=$(curl -s -H "Authorization: Bearer $key" -H 'Content-Type: application/x-ndjson' --data-binary "@$batch" \
    "$base/v1/replay?strategy=formula&store=false" | grep -c '"sessionId"' || true)
  echo "# $1: one answer has $got session lines for $lines input lines"
  [ "$got" -eq "$lines" ] || { echo "short answer" >&2; exit 1; }
}
check_answer before
timeout 60 wrk -t1 -c2 -d20s -s "$lua" "$base" -- "$batch" formula > /dev/null
for c in $connections; do
  before_server=$(cpu_seconds "$server_pid"); before_machine=$(machine_busy_seconds)
  line=$(/usr/bin/time -f 'wrk_cpu_s=%e/%U/%S' -o "$work/wrk.time" timeout $((seconds + 60)) \
    wrk -t1 -c"$c" -d"${seconds}s" --timeout 30s --latency -s "$lua" "$base" -- "$batch" formula | grep '^RESULT')
  after_machine=$(machine_busy_seconds); after_server=$(cpu_seconds "$server_pid")
  rps=$(echo "$line" | grep -o 'rps=[0-9.]*' | cut -d= -f2)
  server_cpu=$(echo "$after_server - $before_server" | bc)
  echo "$line connections=$c lines=$lines sessions_per_s=$(echo "$rps * $lines" | bc)" \
    "server_cpu_s=$server_cpu wrk_cpu_s=$(awk -F'[=/]' '{print $3 + $4}' "$work/wrk.time")" \
    "machine_cpu_s=$(echo "$after_machine - $before_machine" | bc)"
done
check_answer after
