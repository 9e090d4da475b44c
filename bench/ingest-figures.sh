#!/usr/bin/env bash
# Ingest figures for the closing note of issue 10: for each real-text fixture folder and for a generated corpus,
# characters dropped by reason, merges, documents per file, field coverage (stated / inferred / unknown) and layout
# blocks given back, read from `corpus ingest --report`.
#   bench/ingest-figures.sh [GENERATED_RAW_FOLDER ...]     (default: /work/bench100k/gen-20k/raw if present)
# Run from the repository root; builds the CLI once into a temporary folder.
set -euo pipefail
work=$(mktemp -d /tmp/ingest-figures.XXXXXX)
trap 'rm -rf "$work"' EXIT
dotnet build src/Corpus.Cli -c Release -o "$work/cli" > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
folders=(tests/data/realtext/corpus/*/ tests/data/realtext/corpus corpus)
if [ $# -gt 0 ]; then folders+=("$@"); elif [ -d /work/bench100k/gen-20k/raw ]; then folders+=(/work/bench100k/gen-20k/raw); fi
for folder in "${folders[@]}"; do
  folder=${folder%/}
  rm -rf "$work/index"
  "$work/cli/corpus" ingest --corpus "$folder" --index "$work/index" --report "$work/report.json" > /dev/null 2> "$work/ingest.log" \
    || { echo "$folder: ingest failed"; tail -3 "$work/ingest.log"; continue; }
  python3 - "$folder" "$work/report.json" <<'PY'
import collections, json, sys
folder, path = sys.argv[1], sys.argv[2]
r = json.load(open(path))
docs = r["documents"]
per_file = collections.Counter(s["file"] for d in docs for s in d["sources"] if not s["duplicate"])
spread = collections.Counter(per_file.values())
merged = sum(len(d["sources"]) - 1 for d in docs)
loss = r["loss"]
f = r["fields"]
cov = ", ".join(f"{k} {v['stated']}/{v['inferred']}/{v['unknown']}" for k, v in f.items() if isinstance(v, dict))
print(f"== {folder}")
print(f"   files {r['files']}, skipped {len(r['skipped'])}, documents {len(docs)}, appearances merged {merged}, "
      f"documents with copies {sum(1 for d in docs if d['copies'])}")
print(f"   documents per file (giving the text): " + ", ".join(f"{n}:{c} files" for n, c in sorted(spread.items())))
print(f"   dropped {loss['droppedCharacters']} of {loss['decodedCharacters']} characters ({loss['droppedShare']:.3%}): "
      + (", ".join(f"{k} {v}" for k, v in loss["droppedByReason"].items()) or "nothing") + f"; unaccounted {len(loss['unaccounted'])}")
print(f"   fields stated/inferred/unknown: {cov}; month and day without year {f.get('dateMonthDayOnly', 0)}")
print(f"   kinds: " + ", ".join(f"{k or '不详'} {v}" for k, v in collections.Counter(d["kind"] for d in docs).most_common())
      + f"; speakers: {sum(1 for d in docs if d['speaker'])}; layout blocks given back: {len(r.get('moved') or [])}")
PY
done
