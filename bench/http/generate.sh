#!/usr/bin/env bash
# Formula generations over HTTP, each stored (SPEC §10.3 POST /v1/sessions/{id}/generate):
#
#   flock -x /work/notes/bench.lock bench/http/generate.sh sqlite|postgresql [SECONDS] [CONNECTIONS...]
#
# Starts the database (a SQLite file, or the benchmarks' PostgreSQL 18 with fsync and synchronous
# commit on) and `parakeet serve` with a fresh service key, warms up for 20 s, then runs wrk for
# SECONDS (default 30) at each number of connections (default 16 64), and prints one RESULT line per
# run with the server's and the database's CPU seconds, and the number of sessions recorded.
set -euo pipefail
source "$(dirname -- "$0")/lib.sh"

backend=${1:?sqlite or postgresql}
seconds=${2:-30}
shift $(($# >= 2 ? 2 : 1))
connections=${*:-16 64}

docs=$(documents "${PARAKEET_BENCH_DOCUMENTS:-20000}")
case "$backend" in
  sqlite) db_url="jdbc:sqlite:$work/parakeet.db"; db_pid= ;;
  postgresql) start_postgres; db_pid=$postmaster_pid ;;
  *) echo "backend is sqlite or postgresql" >&2; exit 2 ;;
esac
start_server "$db_url"
export PARAKEET_BENCH_KEY=$key
lua="$root/bench/http/generate.lua"
machine_state

recorded() {
  curl -s -H "Authorization: Bearer $key" "$base/metrics" \
    | awk '/^parakeet_database_seconds_count\{.*operation="record".*outcome="ok"/ {n += $2} END {printf "%d", n}'
}

timeout 60 wrk -t2 -c16 -d20s -s "$lua" "$base" -- "$docs" formula > /dev/null
for c in $connections; do
  before_server=$(cpu_seconds "$server_pid"); before_db=$(cpu_seconds "${db_pid:--}")
  before_rec=$(recorded); before_machine=$(machine_busy_seconds)
  line=$(/usr/bin/time -f 'wrk_cpu_s=%e/%U/%S' -o "$work/wrk.time" timeout $((seconds + 30)) \
    wrk -t2 -c"$c" -d"${seconds}s" --timeout 10s --latency -s "$lua" "$base" -- "$docs" formula | grep '^RESULT')
  after_machine=$(machine_busy_seconds)
  after_server=$(cpu_seconds "$server_pid"); after_db=$(cpu_seconds "${db_pid:--}")
  after_rec=$(recorded)
  echo "$line backend=$backend connections=$c recorded=$((after_rec - before_rec))" \
    "server_cpu_s=$(echo "$after_server - $before_server" | bc) db_cpu_s=$(echo "$after_db - $before_db" | bc)" \
    "wrk_cpu_s=$(awk -F'[=/]' '{print $3 + $4}' "$work/wrk.time") machine_cpu_s=$(echo "$after_machine - $before_machine" | bc)"
done
