# Shared by the HTTP load scripts (sourced): start PostgreSQL, the server and a fake provider,
# read processes' CPU time, stop everything this script started (by process id) on exit.
# shellcheck shell=bash

root=$(CDPATH= cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
jar=${PARAKEET_JAR:-$root/server/target/parakeet.jar}
# The other two jars can be taken from elsewhere too (an A/B run compares copies of whole builds).
benchjar=${PARAKEET_BENCH_JAR:-$root/bench/target/benchmarks.jar}
fakesjar=${PARAKEET_FAKES_JAR:-$root/llm-fakes/target/parakeet-llm-fakes-server.jar}
inputs=${PARAKEET_BENCH_INPUTS:-$root/../../shared/bench/inputs-50k.ndjson.gz}
[ -f "$inputs" ] || inputs=/work/shared/bench/inputs-50k.ndjson.gz
java=${JAVA:-java}
work=$(mktemp -d /tmp/parakeet-http-XXXXXX)
pids=()

cleanup() {
  # Newest first: the server before its database.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill -TERM "${pids[i]}" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "${pids[i]}" 2>/dev/null || break; sleep 0.1; done
  done
  [ -n "${PARAKEET_BENCH_KEEP:-}" ] && echo "# kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

for f in "$jar" "$benchjar" "$fakesjar"; do
  [ -f "$f" ] || { echo "missing $f: ./mvnw -B -pl server,bench,llm-fakes -am package -DskipTests" >&2; exit 1; }
done

# The first N documents of the input file, unzipped (wrk's Lua reads plain lines).
documents() {
  zcat "$inputs" | head -n "$1" > "$work/docs.ndjson"
  echo "$work/docs.ndjson"
}

# Waits (up to $2 s) until file $1 holds a line matching $3.
await_line() {
  for _ in $(seq 1 $(($2 * 10))); do
    grep -q "$3" "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "timed out waiting for '$3' in $1:" >&2; cat "$1" >&2; return 1
}

# Starts the benchmarks' PostgreSQL 18 (fsync and synchronous_commit on); sets db_url, pg_pid.
start_postgres() {
  "$java" -cp "$benchjar" dev.parakeet.jit.bench.PostgresMain > "$work/pg.out" 2> "$work/pg.err" &
  pg_pid=$!; pids+=("$pg_pid")
  await_line "$work/pg.out" 120 '^jdbc:'
  db_url=$(head -n 1 "$work/pg.out")
  # pg_ctl daemonises the postmaster (its parent is init): find it by its port.
  local port=${db_url#jdbc:postgresql://localhost:}; port=${port%%/*}
  postmaster_pid=$(pgrep -f -- "bin/postgres -D .* -p $port( |$)" | head -n 1)
}

# The JVM options of the measured server (SERVER_JAVA_OPTS replaces them) and of the fake provider
# (FAKE_JAVA_OPTS): a fixed heap, touched once at start. A server that has run for a while has
# touched every page of its heap; a JVM a minute old has not, and its young collections then copy
# survivors into never-used pages, paying a kernel page fault for each (that doubled their pauses,
# 33-180 ms instead of 17-50 ms, and made the fake's CPU per burst swing 3x: bench/README).
touched_heap="-Xms1g -Xmx1g -XX:+AlwaysPreTouch"
server_java_opts=${SERVER_JAVA_OPTS:-$touched_heap}
fake_java_opts=${FAKE_JAVA_OPTS:-$touched_heap}

# Starts `parakeet serve` on a free port with a fresh service key; sets base, key, server_pid.
# Extra environment (PARAKEET_LLM_*, provider URLs) is passed through by the caller.
start_server() {
  key=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  local hash port
  hash=$(printf %s "$key" | sha256sum | cut -d' ' -f1)
  port=${PARAKEET_BENCH_PORT:-18080}
  PARAKEET_SERVICE_KEY_HASHES=$hash PARAKEET_HTTP_PORT=$port \
    "$java" $server_java_opts -jar "$jar" serve --db "$1" \
    > "$work/access.log" 2> "$work/server.err" &
  server_pid=$!; pids+=("$server_pid")
  await_line "$work/server.err" 120 'listening on'
  base="http://127.0.0.1:$port"
}

# CPU seconds (user + system) used so far by each process given and, recursively, its children:
# one number per argument, in order ("-" stands for no process and counts 0). One awk pass over /proc, no
# process per pid: the measuring must not take the CPU it measures (the old per-pid pgrep/bc
# recursion took most of a core for a second at every sample, with PostgreSQL's backends). The
# files go through cat: a process that exits between the glob and the read is skipped (mawk, the
# Debian awk, stops at a file it cannot open and printed nothing: a client that exits right after
# its RESULT line lost the whole sample).
cpu_seconds() {
  cat /proc/[0-9]*/stat 2>/dev/null | awk -v want="$*" '
    {
      line = $0; pid = $1; sub(/^[0-9]+ \(.*\) /, "", line); split(line, f, " ")
      parent[pid] = f[2]; ticks[pid] = f[12] + f[13]
    }
    function total(p,   t, c) { t = ticks[p]; for (c in parent) if (parent[c] == p && c != p) t += total(c); return t }
    END { n = split(want, w, " "); out = ""; for (i = 1; i <= n; i++) out = out (i > 1 ? " " : "") total(w[i]) / 100; print out }
  '
}

# The number of threads of process $1, read with shell builtins only.
thread_count() {
  local key value
  while read -r key value; do
    [ "$key" = Threads: ] && { echo "$value"; return; }
  done < "/proc/$1/status"
}

# What else runs on the machine: load and the busiest processes.
machine_state() {
  echo "# $(date -u +%FT%TZ) $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# java: $("$java" -version 2>&1 | head -n 1)"
  ps -eo pcpu,comm --sort=-pcpu | sed -n 2,6p | sed 's/^/# busy: /'
}

# CPU seconds the whole machine has been busy (all cores, user + system + irq), from /proc/stat.
machine_busy_seconds() {
  awk '/^cpu / {print ($2 + $3 + $4 + $7 + $8) / 100}' /proc/stat
}
