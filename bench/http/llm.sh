#!/usr/bin/env bash
# Many model generations at once against a fake provider that answers after a delay:
#
#   flock -x /work/notes/bench.lock bench/http/llm.sh LIMIT REQUESTS [DELAY_MS] [sqlite|postgresql]
#
# Starts the database (default: the benchmarks' PostgreSQL), the fake Anthropic server of module
# llm-fakes answering every call with a valid adjustment after DELAY_MS (default 1000), and
# `parakeet serve` with the model's concurrency limit PARAKEET_LLM_MAX_IN_FLIGHT=LIMIT, its deadline
# PARAKEET_LLM_TIMEOUT_MS 5 s (DELAY_MS + 5 s from a delay of 4 s on), and a
# per-lifter budget too large to matter. Then HttpBurst fires PARAKEET_BENCH_WARMUP_ROUNDS (default
# 30) warm-up bursts of PARAKEET_BENCH_WARMUP (default REQUESTS) requests, then REQUESTS requests at once
# with ?strategy=llm (every session stored) and prints one RESULT line: latency
# percentiles and the counts of statuses, strategies and fallback reasons. JAVA=/path/to/bin/java
# picks the JDK for every process.
set -euo pipefail
source "$(dirname -- "$0")/lib.sh"

limit=${1:?LIMIT}
requests=${2:?REQUESTS}
delay=${3:-1000}
backend=${4:-postgresql}

case "$backend" in
  sqlite) db_url="jdbc:sqlite:$work/parakeet.db" ;;
  postgresql) start_postgres ;;
  *) echo "backend is sqlite or postgresql" >&2; exit 2 ;;
esac
"$java" $fake_java_opts -jar "$fakesjar" --protocol anthropic --port 0 --mode "slow:$delay" > "$work/fake.out" 2> "$work/fake.err" &
fake_pid=$!; pids+=("$fake_pid")
await_line "$work/fake.out" 60 'ANTHROPIC_BASE_URL='
fake_url=$(grep -o 'ANTHROPIC_BASE_URL=[^ ]*' "$work/fake.out" | cut -d= -f2)

# The model's deadline (default 5 s) stays above the fake's delay, so a slow answer is still used.
llm_timeout_ms=$((delay >= 4000 ? delay + 5000 : 5000))
PARAKEET_LLM_TIMEOUT_MS=$llm_timeout_ms \
PARAKEET_LLM_PROVIDER=anthropic ANTHROPIC_BASE_URL=$fake_url ANTHROPIC_API_KEY=sk-ant-fake-key \
PARAKEET_LLM_MAX_IN_FLIGHT=$limit PARAKEET_LLM_CALLS_PER_LIFTER_PER_HOUR=1000000 \
  start_server "$db_url"
machine_state
echo "# server threads before: $(thread_count "$server_pid")"
# Builtins and one sleep per sample: the sampler must not compete with the server for the CPU.
( while [ -e /proc/"$server_pid"/status ]; do thread_count "$server_pid"; sleep 0.2; done ) \
  > "$work/threads" 2>/dev/null &
sampler=$!
overflows() { awk '/^TcpExt:/ {if (!n) {for (i = 1; i <= NF; i++) if ($i == "ListenOverflows") c = i; n = 1} else print $c}' /proc/net/netstat; }
before_overflows=$(overflows)
# CPU seconds of each process during the measured burst only (after the warm-up), from /proc:
# sampled when HttpBurst reports its last warm-up burst (it then pauses 1 s before the next).
db_pid=${postmaster_pid:-}
# The default measures a server that has reached its steady state: on 2 cores the JIT is still
# compiling the per-request path after 10,000 generations and settles after ~25,000 (bench/README).
rounds=${PARAKEET_BENCH_WARMUP_ROUNDS:-30}
# Requests per warm-up burst (other sessions than the measured ones, the same each round).
warmup=${PARAKEET_BENCH_WARMUP:-$requests}
# None once the client has exited (it may, right after its RESULT line): not an error under set -e.
burst_pid() { pgrep -f -- "dev.parakeet.jit.bench.HttpBurst --url $base " | head -n 1 || true; }
cpu_all() {
  local burst; burst=$(burst_pid)
  echo "$(cpu_seconds "$server_pid" "$fake_pid" "${db_pid:--}" "${burst:--}") $(machine_busy_seconds)"
}
/usr/bin/time -f '%U %S' -o "$work/burst.time" timeout 300 "$java" -cp "$benchjar" dev.parakeet.jit.bench.HttpBurst \
  --url "$base" --key "$key" --requests "$requests" --warmup "$warmup" --warmup-rounds "$rounds" \
  --strategy llm --inputs "$inputs" --timeout-s 30 --clients "${PARAKEET_BENCH_CLIENTS:-1}" \
  | while IFS= read -r out; do
      case "$out" in
        "warm-up $rounds:"*) cpu_all > "$work/cpu.before" ;;
        RESULT*) cpu_all > "$work/cpu.after" ;;
      esac
      echo "$out limit=$limit delay_ms=$delay backend=$backend"
    done
if [ -s "$work/cpu.before" ] && [ -s "$work/cpu.after" ]; then
  read -r s0 f0 d0 b0 m0 < "$work/cpu.before"; read -r s1 f1 d1 b1 m1 < "$work/cpu.after"
  b1=$(awk '{print $1 + $2}' "$work/burst.time") # HttpBurst's total, read once it has exited
  echo "# CPU seconds during the measured burst: server $(echo "$s1 - $s0" | bc), fake provider $(echo "$f1 - $f0" | bc)," \
    "database $(echo "$d1 - $d0" | bc), HttpBurst $(echo "$b1 - $b0" | bc), whole machine $(echo "$m1 - $m0" | bc)"
fi
echo "# server threads at most: $(sort -n "$work/threads" | tail -n 1)"
echo "# listen queue overflows during the run (machine-wide): $(($(overflows) - before_overflows))"
echo "# fake provider calls: $(grep -c 'POST' "$work/fake.err" || true)"
grep -i 'exception\|error' "$work/server.err" | sort | uniq -c | sort -rn | head -n 5 | sed 's/^/# server: /' || true
