#!/usr/bin/env bash
# Duplicate grouping on a generated corpus, main against this checkout: `corpus bench ingest` accuracy (split, date,
# venue, kind, duplicate pairs) and the group seconds IngestPipeline logs for each ingest run (median printed).
#   bench/dedupe.sh [RAW_FOLDER TRUTH_JSONL] [BASE_REV]   (default: /work/bench100k/gen-20k, main)
# Run from the repository root. Both builds come from `git archive` into a temporary folder; the index goes there too.
set -euo pipefail
raw=${1:-/work/bench100k/gen-20k/raw}
truth=${2:-/work/bench100k/gen-20k/truth.jsonl}
base=${3:-main}
work=$(mktemp -d /tmp/dedupe-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
# Resolved once, so that a commit made while this runs does not change what is measured.
revs=("$(git rev-parse --short "$base")" "$(git rev-parse --short HEAD)")
for name in "${revs[@]}"; do
  mkdir -p "$work/$name/src"
  git archive "$name" | tar -x -C "$work/$name/src"
  dotnet build "$work/$name/src/src/Corpus.Cli" -c Release -o "$work/$name/cli" > "$work/$name/build.log" 2>&1 || { cat "$work/$name/build.log"; exit 1; }
done
for name in "${revs[@]}"; do
  CORPUS_LOG_LEVEL=Information "$work/$name/cli/corpus" bench ingest --corpus "$raw" --truth "$truth" --index "$work/index" \
    > "$work/$name/bench.out" 2> "$work/$name/bench.log"
  rm -rf "$work/index" "$work/index.cache"
  echo "== $name"
  grep -E "^(split|duplicate pairs|truth)" "$work/$name/bench.out" | sed 's/^/   /'
  grep -o "group [0-9.]* s" "$work/$name/bench.log" | awk '{print $2}' | sort -n \
    | awk '{v[NR]=$1} END {printf "   group seconds: median %.2f of %d ingest runs (", v[int((NR+1)/2)], NR; for (i=1;i<=NR;i++) printf "%s%s", v[i], (i<NR?" ":""); print ")"}'
done
