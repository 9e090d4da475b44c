#!/bin/bash
# The search page's request with title matching and Traditional/Simplified folding (this commit) against the build
# just before both features landed (5786c77, the parent of e01fb09), in one run: each build is published from its
# commit, ingests the corpus into its own index, then `corpus bench query` runs alternately on both (--runs 1 per
# round, single thread: --parts 1 on this build, whose searches can otherwise split over cores; the older build has
# no such option). Prints each round and then, per mode, the medians over rounds and the ratio after/before.
#   bench/before-after.sh CORPUS [ROUNDS]     e.g. bench/before-after.sh /work/bench100k/gen-20k/raw 5
# Env: WORK (default /tmp/before-after-<corpus folder>), AFTER (commit to compare, default HEAD), LOCK (a flock file
# for the ingests and rounds, default none: set LOCK=/work/bench100k/heavy.lock on the shared 100k machine).
# Indexes and published builds in WORK are reused when present (the summary names the commits they were published
# from); delete WORK to start again.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:?usage: bench/before-after.sh CORPUS [ROUNDS]}
ROUNDS=${2:-5}
BEFORE=5786c77
AFTER=${AFTER:-$(git rev-parse --short HEAD)}
WORK=${WORK:-/tmp/before-after-$(basename "$(dirname "$(realpath "$CORPUS")")")}
# The 200 one-phrase rows: the build before reads only a row's first phrase, so two-phrase rows would differ.
QUERIES=$WORK/one-phrase-queries.tsv
locked() { if [ -n "${LOCK:-}" ]; then flock "$LOCK" "$@"; else "$@"; fi; }
mkdir -p "$WORK"
awk -F'\t' 'NF == 3' bench/queries.tsv > "$QUERIES"

for side in before after; do
  commit=$([ "$side" = before ] && echo "$BEFORE" || echo "$AFTER")
  if [ ! -x "$WORK/$side/cli/corpus" ]; then
    rm -rf "$WORK/$side" && mkdir -p "$WORK/$side/src"
    git archive "$commit" | tar -x -C "$WORK/$side/src"
    echo "publishing $side ($commit)" >&2
    dotnet publish -c Release "$WORK/$side/src/src/Corpus.Cli" -o "$WORK/$side/cli" > "$WORK/$side/publish.log"
    echo "$commit" > "$WORK/$side/commit"
  fi
  if ! ls "$WORK/$side/index"/segments_* > /dev/null 2>&1; then
    echo "ingesting $CORPUS with $side" >&2
    locked "$WORK/$side/cli/corpus" ingest --corpus "$CORPUS" --index "$WORK/$side/index" > "$WORK/$side/ingest.log" 2>&1
  fi
done

: > "$WORK/rounds.tsv"
for round in $(seq "$ROUNDS"); do
  for side in before after; do
    parts=$([ "$side" = after ] && echo "--parts 1" || true)
    # shellcheck disable=SC2086
    locked "$WORK/$side/cli/corpus" bench query --index "$WORK/$side/index" --runs 1 --queries "$QUERIES" $parts \
      | awk -v side="$side" -v round="$round" -F' *\\| *' '/^\| [a-z-]+ \|/ && $2 != "mode" && $2 != "---" {print round "\t" side "\t" $2 "\t" $3 "\t" $4 "\t" $5}' \
      | tee -a "$WORK/rounds.tsv"
  done
done

python3 - "$WORK/rounds.tsv" "$(cat "$WORK/before/commit")" "$(cat "$WORK/after/commit")" <<'PY'
import statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
modes = [m for m in dict.fromkeys(r[2] for r in rows) if {r[1] for r in rows if r[2] == m} == {"before", "after"}]
print(f"\nmedians over {len({r[0] for r in rows})} rounds, ms (before {sys.argv[2]}, after {sys.argv[3]}); ratio after/before")
print("| mode | p50 before | p50 after | p50 ratio | p95 ratio | p99 before | p99 after | p99 ratio |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for mode in modes:
    med = {(side, k): statistics.median(float(r[3 + k]) for r in rows if r[1] == side and r[2] == mode)
           for side in ("before", "after") for k in range(3)}
    ratio = lambda k: med[("after", k)] / med[("before", k)] if med[("before", k)] else float("nan")
    print(f"| {mode} | {med[('before', 0)]:.2f} | {med[('after', 0)]:.2f} | {ratio(0):.2f} | {ratio(1):.2f} "
          f"| {med[('before', 2)]:.2f} | {med[('after', 2)]:.2f} | {ratio(2):.2f} |")
PY
echo "(all: the search page's request, snippets + facets + date filter (before: 2021-2023, after: 2018-2020, the baseline's range), plus on 'after' the occurrence total it shows; api: the same without the date filter)"
