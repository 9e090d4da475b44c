#!/usr/bin/env bash
# HTTP load test of /api/search against the in-process figures for the same queries and the same request:
#   bench/load.sh INDEX_DIR [QUERIES_TSV]
# 1. `corpus bench query` on the 200 phrase queries (single thread, in process; the "api" mode is /api/search's request),
#    once with every search on one core (--parts 1) and once as a lone search runs (on every core);
# 2. the site on that index (no ingest, no rate limit), wrk with 1 connection (latency) and with 32 connections for 30 s
#    (throughput), cycling through the same queries;
# 3. with MINUTES=N (e.g. MINUTES=10), N more minutes at 32 connections, one line per minute (requests/s, p99, errors,
#    server RSS), to see that throughput does not decay nor memory grow over a long run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
index=$(cd "${1:?usage: bench/load.sh INDEX_DIR [QUERIES_TSV]}" && pwd)
tsv=${2:-$root/bench/queries.tsv}
wrk=${WRK:-wrk}
command -v "$wrk" >/dev/null || { echo "wrk is missing: apt-get install wrk (or WRK=/path/to/wrk)" >&2; exit 2; }
work=$(mktemp -d)
# The 200 phrase queries: the random and two-phrase rows (the fixed common terms are left out), each with every
# phrase of its row, quoted (a two-phrase row asks for both), as `corpus bench query` reads them.
awk -F'\t' '$2 != "fixed"' "$tsv" | head -200 > "$work/queries.tsv"
awk -F'\t' '{ q = ""; for (i = 3; i <= NF; i++) if ($i != "") q = q (q == "" ? "" : " ") "\"" $i "\""; print q }' \
  "$work/queries.tsv" > "$work/queries.txt"

dotnet publish "$root/src/Corpus.Cli" -c Release -o "$work/cli" >/dev/null
dotnet publish "$root/src/Corpus.Web" -c Release -o "$work/web" >/dev/null
# One core (--parts 1): the reference for the throughput of both cores under load; then as a lone query runs.
echo "== in process, single thread, one core per search"
"$work/cli/corpus" bench query --index "$index" --queries "$work/queries.tsv" --runs 3 --parts 1
echo "== in process, single thread, a lone search on every core"
"$work/cli/corpus" bench query --index "$index" --queries "$work/queries.tsv" --runs 3

port=5077
(cd "$work/web" && Corpus__IndexPath="$index" Corpus__CorpusPath="" RateLimiting__Disabled=true \
  Serilog__MinimumLevel__Default=Warning Serilog__WriteTo__File__Args__path="$work/logs/corpus-.log" \
  exec dotnet Corpus.Web.dll --urls "http://127.0.0.1:$port" >"$work/web.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/healthz" | grep -q ready && break; sleep 1; done
# Warm-up: tiered compilation settles and the index pages are cached before anything is measured.
"$wrk" -t1 -c1 -d10s -s "$root/bench/search.lua" "http://127.0.0.1:$port" -- "$work/queries.txt" >/dev/null
"$wrk" -t2 -c32 -d10s -s "$root/bench/search.lua" "http://127.0.0.1:$port" -- "$work/queries.txt" >/dev/null
# One connection: the latency HTTP adds to a request (compare p50 with the in-process "api" p50).
echo "== HTTP, one connection: wrk -t1 -c1 -d15s"
"$wrk" -t1 -c1 -d15s --latency -s "$root/bench/search.lua" "http://127.0.0.1:$port" -- "$work/queries.txt"
# 32 connections: throughput with both cores busy (compare requests/s with the in-process "api" queries/s).
echo "== HTTP, wrk -t2 -c32 -d30s"
"$wrk" -t2 -c32 -d30s --latency -s "$root/bench/search.lua" "http://127.0.0.1:$port" -- "$work/queries.txt"
pid=$(pgrep -f "Corpus.Web.dll --urls http://127.0.0.1:$port" | head -1)
echo "server peak RSS: $(awk '/VmHWM/ {print int($2/1024)}' /proc/$pid/status) MB"
if [ "${MINUTES:-0}" -gt 0 ]; then
  echo "== HTTP, 32 connections for ${MINUTES} minutes, one line per minute"
  echo "minute requests/s p99_ms errors rss_mb"
  for minute in $(seq 1 "$MINUTES"); do
    out=$("$wrk" -t2 -c32 -d60s --latency -s "$root/bench/search.lua" "http://127.0.0.1:$port" -- "$work/queries.txt")
    rps=$(echo "$out" | awk '/^Requests\/sec/ {print $2}')
    p99=$(echo "$out" | awk '/^p99:/ {print $2}')
    errors=$(echo "$out" | awk -F'[:,]' '/^non-2xx/ {print $2 + $4}')
    echo "$minute $rps $p99 $errors $(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)"
  done
  echo "server peak RSS: $(awk '/VmHWM/ {print int($2/1024)}' /proc/$pid/status) MB"
fi
