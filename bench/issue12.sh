#!/bin/bash
# Issue 12's figures at 100k: the research views (corpus bench views) and the search page's request with title
# matching and Traditional/Simplified folding (this build) against the build before both features (commit 5786c77,
# its own index of the same corpus), alternated in one run. Single thread after warm-up, bench/queries.tsv.
#   bench/issue12.sh [INDEX] [RUNS]     INDEX: an index of gen-100k written by this build (default /work/bench100k/idx-main)
set -euo pipefail
cd "$(dirname "$0")/.."
INDEX=${1:-/work/bench100k/idx-main}
RUNS=${2:-3}
WORK=${WORK:-/tmp/issue12-bench}
CORPUS=${CORPUS:-/work/bench100k/gen-100k/raw}
LOCK=${LOCK:-/work/bench100k/heavy.lock}
BEFORE=5786c77
mkdir -p "$WORK"
dotnet build -c Release src/Corpus.Cli -o "$WORK/after" > "$WORK/after-build.log"
if [ ! -x "$WORK/before/cli/corpus" ]; then
  rm -rf "$WORK/before" && mkdir -p "$WORK/before"
  git archive "$BEFORE" | tar -x -C "$WORK/before"
  (cd "$WORK/before" && dotnet build -c Release src/Corpus.Cli -o "$WORK/before/cli" > "$WORK/before-build.log")
fi
if [ ! -f "$WORK/before-index/segments.gen" ] && ! ls "$WORK/before-index"/segments_* > /dev/null 2>&1; then
  flock "$LOCK" "$WORK/before/cli/corpus" ingest --corpus "$CORPUS" --index "$WORK/before-index" > "$WORK/before-ingest.log"
fi
flock "$LOCK" "$WORK/after/corpus" bench views --index "$INDEX" --runs "$RUNS" --queries bench/queries.tsv
echo
echo "search page request (mode api: snippets, facets, occurrences; mode all: the same with a date filter), before -> after:"
for round in $(seq "$RUNS"); do
  flock "$LOCK" "$WORK/before/cli/corpus" bench query --index "$WORK/before-index" --runs 1 --queries bench/queries.tsv | grep -E '^\| (api|all) ' | sed "s/^/round $round before /"
  flock "$LOCK" "$WORK/after/corpus" bench query --index "$INDEX" --runs 1 --queries bench/queries.tsv | grep -E '^\| (api|all) ' | sed "s/^/round $round after  /"
done
