#!/usr/bin/env bash
# HTTP throughput and latency of /api/search, two builds of the site side by side in one run, as ratios:
#   bench/http-before-after.sh BEFORE_WEB BEFORE_INDEX AFTER_WEB AFTER_INDEX [ROUNDS=3]
# BEFORE_WEB/AFTER_WEB are published Corpus.Web folders (`dotnet publish src/Corpus.Web -c Release -o DIR` at each
# commit); each serves an index its own build wrote (no corpus, so nothing is ingested; no rate limit). Rounds
# alternate which build goes first. Per round and build: start the site, warm up (10 s at 1 and at 32 connections),
# then wrk over the 200 phrase rows of bench/queries.tsv (every phrase of a row, as load.sh asks them): 15 s at one
# connection and 30 s at 32 connections, then the server's peak RSS. Logs (warnings only) go to each build's folder.
# Prints each round, the medians and after/before.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
before_web=$(realpath "${1:?usage: bench/http-before-after.sh BEFORE_WEB BEFORE_INDEX AFTER_WEB AFTER_INDEX [ROUNDS]}")
before_index=$(realpath "$2")
after_web=$(realpath "$3")
after_index=$(realpath "$4")
rounds=${5:-3}
wrk=${WRK:-wrk}
command -v "$wrk" >/dev/null || { echo "wrk is missing: apt-get install wrk (or WRK=/path/to/wrk)" >&2; exit 2; }
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT
awk -F'\t' '$2 != "fixed"' "$root/bench/queries.tsv" | head -200 \
  | awk -F'\t' '{ q = ""; for (i = 3; i <= NF; i++) if ($i != "") q = q (q == "" ? "" : " ") "\"" $i "\""; print q }' > "$work/queries.txt"
port=5078

run() { # build web index round
  local side=$1 web=$2 index=$3 round=$4
  (cd "$web" && Corpus__IndexPath="$index" Corpus__CorpusPath="" RateLimiting__Disabled=true \
    Serilog__MinimumLevel__Default=Warning \
    exec dotnet Corpus.Web.dll --urls "http://127.0.0.1:$port" >"$work/$side-$round.log" 2>&1) &
  server=$!
  for _ in $(seq 1 180); do curl -fs "http://127.0.0.1:$port/healthz" 2>/dev/null | grep -q -i ready && break; sleep 1; done
  "$wrk" -t1 -c1 -d10s -s "$root/bench/search.lua" "http://127.0.0.1:$port" -- "$work/queries.txt" >/dev/null
  "$wrk" -t2 -c32 -d10s -s "$root/bench/search.lua" "http://127.0.0.1:$port" -- "$work/queries.txt" >/dev/null
  local one many pid
  one=$("$wrk" -t1 -c1 -d15s --latency -s "$root/bench/search.lua" "http://127.0.0.1:$port" -- "$work/queries.txt")
  many=$("$wrk" -t2 -c32 -d30s --latency -s "$root/bench/search.lua" "http://127.0.0.1:$port" -- "$work/queries.txt")
  pid=$(pgrep -f "Corpus.Web.dll --urls http://127.0.0.1:$port" | head -1)
  local rss; rss=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$pid/status")
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  # The many-connection errors: non-2xx answers plus socket errors, from search.lua's summary line.
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$side" \
    "$(echo "$one" | awk '/^p50:/ {print $2}')" "$(echo "$one" | awk '/^p99:/ {print $2}')" \
    "$(echo "$many" | awk '/^Requests\/sec/ {print $2}')" "$(echo "$many" | awk '/^p50:/ {print $2}')" \
    "$(echo "$many" | awk '/^p99:/ {print $2}')" "$(echo "$many" | awk -F'[:,]' '/^non-2xx/ {print $2 + $4}')" "$rss" \
    | tee -a "$work/rounds.tsv"
}

printf 'round\tbuild\tc1_p50_ms\tc1_p99_ms\tc32_req_s\tc32_p50_ms\tc32_p99_ms\tc32_errors\tpeak_rss_mb\n'
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then
    run before "$before_web" "$before_index" "$round"; run after "$after_web" "$after_index" "$round"
  else
    run after "$after_web" "$after_index" "$round"; run before "$before_web" "$before_index" "$round"
  fi
done
python3 - "$work/rounds.tsv" <<'PY'
import statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
names = ["1 conn p50 ms", "1 conn p99 ms", "32 conn req/s", "32 conn p50 ms", "32 conn p99 ms", "32 conn errors", "peak RSS MB"]
med = {side: [statistics.median(float(r[i]) for r in rows if r[1] == side) for i in range(2, 9)] for side in ("before", "after")}
print(f"{'median':16} {'before':>9} {'after':>9} {'after/before':>13}")
for i, name in enumerate(names):
    b, a = med["before"][i], med["after"][i]
    print(f"{name:16} {b:9.1f} {a:9.1f} {(a / b if b else float('nan')):13.2f}")
PY
