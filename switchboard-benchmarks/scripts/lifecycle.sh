#!/bin/bash
# Start, memory and stop of the packaged server on the embedded default (H2 + bundled sandbox), N rounds.
# Usage: lifecycle.sh [rounds=3] [port=18680] [sandbox-port=18690] [data-dir=/tmp/switchboard-lifecycle] [extra JVM/app args...]
# Round 0 seeds a fresh data dir (first start, not counted); each later round is a second start on that data:
#   ready_s   launch → /actuator/health/readiness answers UP
#   cpu_s     CPU seconds (user + system, all threads) the JVM had used when it was ready: on shared, busy cores the
#             figure that load moves least; main and jit, the main thread's (its name is "java") and the JIT
#             compiler threads' part of it (on 2 idle cores ready takes at least the larger of main and cpu/2, ADR 0034)
#   rss_mb    resident memory 20 s after ready (idle); threads, the JVM's thread count then
#   archives  the class archives / AOT caches the JVM has mapped ("none": it runs without one; a JVM refuses an
#             archive made for another JDK or class path with only a warning in the server log)
#   stop_s    SIGTERM → process gone, with one /api/calling/events SSE stream open (curl, as the agent)
# Each line also gives the 1-minute load average at launch.
# JAR=path runs that jar instead (with only the JVM flags given). Prints one line per round and a JSON summary line (medians) last.
set -u
rounds=${1:-3}; port=${2:-18680}; sport=${3:-18690}; data=${4:-/tmp/switchboard-lifecycle}
shift $(( $# < 4 ? $# : 4 ))
# Without JAR: the README's start command, i.e. the launcher in the layout `./mvnw install` leaves in
# switchboard-server/target/switchboard (extracted jar + the start-up cache install recorded on its JDK, ADR 0036), on
# the JDK the launcher picks ($JAVA_HOME, else java on the PATH), extra -X/-D flags through JAVA_OPTS; the packaged exec
# jar if there is no layout.
target=$(realpath "$(dirname "$0")/../../switchboard-server/target")
launcher=; jvm_args=(); app_args=()
if [ -n "${JAR:-}" ]; then jar=$JAR
elif [ -x "$target/switchboard/switchboard" ]; then launcher=$target/switchboard/switchboard
else jar=$target/switchboard-server-0.1.0-SNAPSHOT-exec.jar; echo "no $target/switchboard (./mvnw install makes it): the exec jar alone"
fi
for a in "$@"; do if [[ $a == -X* || $a == -D* ]]; then jvm_args+=("$a"); else app_args+=("$a"); fi; done
rm -rf "$data"; mkdir -p "$data"
now() { date +%s.%N; }
start_server() {
  local run=(env JAVA_OPTS="${JAVA_OPTS:-} ${jvm_args[*]}" "$launcher")
  [ -z "$launcher" ] && run=(java -XX:+ExitOnOutOfMemoryError "${jvm_args[@]}" -jar "$jar")
  (cd "$data" && exec "${run[@]}" --server.port=$port \
     --switchboard.webex.sandbox.port=$sport --switchboard.webex.base-url=http://localhost:$sport/v1 "${app_args[@]}" \
     > "$data/server-$1.log" 2>&1) &
  pid=$!
}
wait_ready() {
  for _ in $(seq 1 1200); do
    if curl -sf -o /dev/null localhost:$port/actuator/health/readiness; then return 0; fi
    kill -0 $pid 2>/dev/null || return 1; sleep 0.1
  done; return 1
}
readies=(); cpus=(); rsss=(); stops=()
for round in $(seq 0 "$rounds"); do
  load=$(cut -d' ' -f1 /proc/loadavg); t0=$(now); start_server $round; java_pid() { pgrep -P $pid java || echo $pid; }
  wait_ready || { echo "round $round: not ready (see $data/server-$round.log)"; kill $pid 2>/dev/null; exit 1; }
  ready=$(echo "$(now) - $t0" | bc)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' /proc/$(java_pid)/stat)
  main_jit=$(for t in /proc/$(java_pid)/task/*; do printf '%s\t%s\n' "$(cat $t/comm)" "$(sed 's/.*) //' $t/stat)"; done 2>/dev/null |
    awk -F'\t' -v hz="$(getconf CLK_TCK)" '{split($2, f, " "); c = f[12] + f[13]} $1 == "java" {m += c} $1 ~ /^C[12] CompilerThre/ {j += c}
      END {printf "main %.1f s  jit %.1f s", m / hz, j / hz}')
  sleep 20
  jpid=$(java_pid); rss=$(( $(awk '/VmRSS/{print $2}' /proc/$jpid/status) / 1024 ))
  threads=$(awk '/^Threads/{print $2}' /proc/$jpid/status)
  archives=$(grep -oE '[^/ ]+\.(jsa|aot)$' /proc/$jpid/maps | sort -u | paste -sd, -)
  curl -s -N -u agent@switchboard.test:switchboard -H 'Accept: text/event-stream' localhost:$port/api/calling/events > "$data/sse-$round.out" &
  curl_pid=$!; sleep 2
  grep -q connected "$data/sse-$round.out" || echo "round $round: SSE stream did not connect"
  t1=$(now); kill -TERM $jpid
  while kill -0 $jpid 2>/dev/null; do sleep 0.05; done
  stop=$(echo "$(now) - $t1" | bc)
  kill $curl_pid 2>/dev/null; wait $curl_pid 2>/dev/null
  printf 'round %d%s: ready %.2f s  cpu %.1f s (%s)  rss %d MB  threads %d  stop %.2f s  archives %s  (load %s)\n' $round \
    "$([ $round = 0 ] && echo ' (first start, seeds)')" $ready $cpu "$main_jit" $rss $threads $stop "${archives:-none}" $load
  if [ $round -gt 0 ]; then readies+=($ready); cpus+=($cpu); rsss+=($rss); stops+=($stop); fi
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
printf '{"ready_s":%s,"cpu_s":%s,"rss_mb":%s,"stop_s":%s,"rounds":%d}\n' $(median "${readies[@]}") $(median "${cpus[@]}") $(median "${rsss[@]}") \
  $(median "${stops[@]}") $rounds
