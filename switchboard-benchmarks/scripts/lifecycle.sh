#!/bin/bash
# Start, memory and stop of the packaged server on the embedded default (H2 + bundled sandbox), N rounds.
# Usage: lifecycle.sh [rounds=3] [port=18680] [sandbox-port=18690] [data-dir=/tmp/switchboard-lifecycle] [extra JVM/app args...]
# Round 0 seeds a fresh data dir (first start, not counted); each later round is a second start on that data:
#   ready_s   launch → /actuator/health/readiness answers UP
#   rss_mb    resident memory 20 s after ready (idle)
#   stop_s    SIGTERM → process gone, with one /api/calling/events SSE stream open (curl, as the agent)
# JAR=path overrides the packaged server jar. Prints one line per round and a JSON summary line (medians) last.
set -u
rounds=${1:-3}; port=${2:-18680}; sport=${3:-18690}; data=${4:-/tmp/switchboard-lifecycle}
shift $(( $# < 4 ? $# : 4 ))
jar=${JAR:-$(realpath "$(dirname "$0")/../../switchboard-server/target/switchboard-server-0.1.0-SNAPSHOT-exec.jar")}
jvm_args=(); app_args=()
for a in "$@"; do if [[ $a == -X* || $a == -D* ]]; then jvm_args+=("$a"); else app_args+=("$a"); fi; done
rm -rf "$data"; mkdir -p "$data"
now() { date +%s.%N; }
start_server() {
  (cd "$data" && exec java -XX:+ExitOnOutOfMemoryError "${jvm_args[@]}" -jar "$jar" --server.port=$port \
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
readies=(); rsss=(); stops=()
for round in $(seq 0 "$rounds"); do
  t0=$(now); start_server $round; java_pid() { pgrep -P $pid java || echo $pid; }
  wait_ready || { echo "round $round: not ready (see $data/server-$round.log)"; kill $pid 2>/dev/null; exit 1; }
  ready=$(echo "$(now) - $t0" | bc)
  sleep 20
  jpid=$(java_pid); rss=$(( $(awk '/VmRSS/{print $2}' /proc/$jpid/status) / 1024 ))
  curl -s -N -u agent@switchboard.test:switchboard -H 'Accept: text/event-stream' localhost:$port/api/calling/events > "$data/sse-$round.out" &
  curl_pid=$!; sleep 2
  grep -q connected "$data/sse-$round.out" || echo "round $round: SSE stream did not connect"
  t1=$(now); kill -TERM $jpid
  while kill -0 $jpid 2>/dev/null; do sleep 0.05; done
  stop=$(echo "$(now) - $t1" | bc)
  kill $curl_pid 2>/dev/null; wait $curl_pid 2>/dev/null
  printf 'round %d%s: ready %.2f s  rss %d MB  stop %.2f s\n' $round "$([ $round = 0 ] && echo ' (first start, seeds)')" $ready $rss $stop
  if [ $round -gt 0 ]; then readies+=($ready); rsss+=($rss); stops+=($stop); fi
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
printf '{"ready_s":%s,"rss_mb":%s,"stop_s":%s,"rounds":%d}\n' $(median "${readies[@]}") $(median "${rsss[@]}") $(median "${stops[@]}") $rounds
