#!/usr/bin/env bash
# Corpus against the plain Lucene.Net baseline (../shared/bench/baseline), side by side in one run, as ratios:
#   bench/compare.sh [--corpus-index DIR] [--baseline-index DIR] [--docs JSONL] [--raw DIR] [--queries TSV]
#                    [--passes N] [--ingest] [--cli DIR]
# Defaults: the shared 100k set in /work/bench100k (Corpus index idx-main, baseline input n100k/docs.jsonl, LnBench);
# the baseline index is built once into --baseline-index when missing.
# Each pass runs the baseline's query modes and `corpus bench query` over the same queries (every phrase of every
# row; a two-phrase row is both, AND), alternating which goes first; the table gives medians over passes of each
# pass's p50/p95/p99 and the ratio Corpus / baseline. --ingest also indexes afresh with both (a fresh `corpus ingest`
# of the raw corpus against `LnBench index postings 2` of the same texts) and compares MB/s and peak memory.
# The 100k runs hold /work/bench100k/heavy.lock, so they never overlap another heavy job on the machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
set100k=/work/bench100k
corpus_index=$set100k/idx-main
baseline_index=/tmp/bench-lnb-100k
docs=$set100k/n100k/docs.jsonl
raw=$set100k/gen-100k/raw
lnb=$set100k/lnb/LnBench
queries=$root/bench/queries.tsv
passes=3
ingest=false
cli=""
while [ $# -gt 0 ]; do
  case $1 in
    --corpus-index) corpus_index=$2; shift 2 ;;
    --baseline-index) baseline_index=$2; shift 2 ;;
    --docs) docs=$2; shift 2 ;;
    --raw) raw=$2; shift 2 ;;
    --lnb) lnb=$2; shift 2 ;;
    --queries) queries=$2; shift 2 ;;
    --passes) passes=$2; shift 2 ;;
    --ingest) ingest=true; shift ;;
    --cli) cli=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
# Every heavy step holds the shared machine's lock (LOCK= for none, e.g. on a small corpus or a quiet machine).
lock=${LOCK-$set100k/heavy.lock}
heavy() { if [ -n "$lock" ] && [ -e "$lock" ]; then flock "$lock" "$@"; else "$@"; fi; }
work=$(mktemp -d /tmp/bench-compare.XXXXXX)
trap 'rm -rf "$work"' EXIT
if [ -z "$cli" ]; then
  dotnet publish "$root/src/Corpus.Cli" -c Release -o "$work/cli" >"$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }
  cli=$work/cli
fi
if [ ! -f "$baseline_index/segments.gen" ]; then
  echo "building the baseline index in $baseline_index" >&2
  heavy "$lnb" index postings 2 "$docs" "$baseline_index" exact,words >"$work/lnb-index.json"
fi

for pass in $(seq 1 "$passes"); do
  echo "pass $pass of $passes" >&2
  baseline() { heavy "$lnb" query "$baseline_index" "$queries" 1 search,facet,date,hl_ph "$work/lat" >"$work/lnb-$pass.json"; }
  corpus() { heavy "$cli/corpus" bench query --index "$corpus_index" --queries "$queries" --runs 1 --json >"$work/corpus-$pass.json"; }
  if [ $((pass % 2)) -eq 1 ]; then baseline; corpus; else corpus; baseline; fi
done

if $ingest; then
  echo "indexing afresh with both" >&2
  heavy /usr/bin/time -f '%M' -o "$work/lnb-rss" "$lnb" index postings 2 "$docs" "$work/lnb-idx" exact,words >"$work/lnb-ingest.json"
  rm -rf "$work/lnb-idx"
  start=$(date +%s.%N)
  heavy /usr/bin/time -f '%M' -o "$work/corpus-rss" "$cli/corpus" ingest --corpus "$raw" --index "$work/corpus-idx" >/dev/null
  end=$(date +%s.%N)
  rawbytes=$(du -sb "$raw" | cut -f1)
  echo "{\"seconds\": $(echo "$end - $start" | bc), \"bytes\": $rawbytes, \"peak_kb\": $(cat "$work/corpus-rss")}" >"$work/corpus-ingest.json"
  rm -rf "$work/corpus-idx"
fi

python3 - "$work" "$passes" "$corpus_index" "$baseline_index" "$ingest" <<'PY'
import json, os, statistics, sys
work, passes, cidx, lidx, ingest = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5] == "true"
def lnb(p):
    return {d["mode"]: d for d in map(json.loads, open(f"{work}/lnb-{p}.json")) if d.get("phase") == "query"}
def corpus(p):
    return {m["name"]: m for m in json.load(open(f"{work}/corpus-{p}.json"))["modes"]}
L = [lnb(p) for p in range(1, passes + 1)]
C = [corpus(p) for p in range(1, passes + 1)]
def med(rows, mode, key): return statistics.median(r[mode][key] for r in rows)
def size(d): return sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d)) / 1e6
rows = [("search", "search", "search"), ("facets", "facets", "facet"), ("date filter", "date-filter", "date"),
        ("snippets (baseline: PostingsHighlighter)", "snippets", "hl_ph"),
        ("search page request (snippets, facets, date filter, occurrences) vs baseline search", "all", "search"),
        ("search page request vs baseline hl_ph", "all", "hl_ph"), ("/api/search request vs baseline search", "api", "search")]
print(f"{len(C)} passes, medians; Corpus index {cidx}, baseline index {lidx}")
print("| | baseline p50 / p95 / p99 ms | Corpus p50 / p95 / p99 ms | Corpus / baseline |")
print("| --- | ---: | ---: | ---: |")
for label, cm, lm in rows:
    b = [med(L, lm, k) for k in ("p50_ms", "p95_ms", "p99_ms")]
    c = [med(C, cm, k) for k in ("p50Ms", "p95Ms", "p99Ms")]
    print(f"| {label} | {' / '.join(f'{x:.2f}' for x in b)} | {' / '.join(f'{x:.2f}' for x in c)} | {' / '.join(f'{y / x:.2f}' for x, y in zip(b, c))} |")
bq, cq = med(L, "search", "qps"), med(C, "api", "queriesPerSecond")
print(f"| single-thread queries/s (Corpus: /api/search request) | {bq:.0f} | {cq:.0f} | {cq / bq:.2f} |")
bs, cs = size(lidx), size(cidx)
print(f"| index size MB | {bs:,.0f} | {cs:,.0f} | {cs / bs:.2f} |")
if ingest:
    li = [d for d in map(json.loads, open(f"{work}/lnb-ingest.json")) if d.get("phase") == "index"][0]
    ci = json.load(open(f"{work}/corpus-ingest.json"))
    lrss = int(open(f"{work}/lnb-rss").read().split()[-1]) / 1024
    crate, lrate = ci["bytes"] / 1e6 / ci["seconds"], li["mb_per_s"]
    print(f"| indexing MB/s (Corpus: a fresh `corpus ingest`, raw bytes) | {lrate:.2f} | {crate:.2f} | {crate / lrate:.2f} |")
    print(f"| indexing peak memory MB | {lrss:,.0f} | {ci['peak_kb'] / 1024:,.0f} | {ci['peak_kb'] / 1024 / lrss:.2f} |")
PY
