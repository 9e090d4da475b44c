#!/usr/bin/env bash
# Load test of /api/search: starts the site on an existing index and runs wrk with 32 connections for 30 s,
# cycling through the 200 phrase queries of the shared benchmark file.
#   bench/load.sh INDEX_DIR [QUERIES_TSV]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
index=${1:?usage: bench/load.sh INDEX_DIR [QUERIES_TSV]}
tsv=${2:-$root/../shared/bench/queries.tsv}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
queries=$(mktemp)
# The 200 phrase queries: the random and two-phrase rows (the fixed common terms are left out).
awk -F'\t' '$2 != "fixed" { print $3 }' "$tsv" | head -200 > "$queries"
dotnet publish "$root/src/Corpus.Web" -c Release -o "$root/artifacts/web" >/dev/null
port=5077
Corpus__IndexPath="$index" Corpus__CorpusPath="" RateLimiting__Disabled=true Serilog__MinimumLevel__Default=Warning \
  dotnet "$root/artifacts/web/Corpus.Web.dll" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/healthz" | grep -q ready && break; sleep 1; done
wrk -t2 -c32 -d5s -s "$root/bench/search.lua" "http://127.0.0.1:$port" -- "$queries" >/dev/null   # warm-up
wrk -t2 -c32 -d30s --latency -s "$root/bench/search.lua" "http://127.0.0.1:$port" -- "$queries"
