#!/usr/bin/env bash
# The ingest on text its rules were not shaped on: Debian's Chinese man pages (manpages-zh, Simplified and
# Traditional) and fortunes (fortunes-zh), kept out of the fixtures and of tuning for this check (issue 10).
#   bench/holdout.sh [WORK_DIR]
# Downloads both packages with `apt-get download`, renders each man page to plain text (groff -mandoc, `col -bx`),
# copies the fortune files as they are, ingests each folder with this build, and prints from the ingest report:
# files, documents, documents per file, merges (with the files merged), kinds and speakers assigned, dates stated
# and inferred, and characters dropped by reason. Nothing here is committed: the texts stay in WORK_DIR.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(realpath -m "${1:-/tmp/holdout}")
mkdir -p "$work/deb" "$work/man-cn" "$work/man-tw" "$work/fortunes"
(cd "$work/deb" && { ls manpages-zh_*.deb >/dev/null 2>&1 || apt-get download manpages-zh >/dev/null; } \
  && { ls fortunes-zh_*.deb >/dev/null 2>&1 || apt-get download fortunes-zh >/dev/null; } \
  && for deb in *.deb; do dpkg -x "$deb" x; done)
render() { # man folder -> text folder
  find "$work/deb/x/usr/share/man/$1" -type f -name '*.gz' | sort | while read -r page; do
    name=$(basename "$page" .gz)
    zcat "$page" | LANG=C.UTF-8 groff -k -Tutf8 -mandoc -rLL=80n -P-c 2>/dev/null | col -bx > "$2/$name.txt" || rm -f "$2/$name.txt"
    [ -s "$2/$name.txt" ] || rm -f "$2/$name.txt"
  done
}
[ -n "$(ls -A "$work/man-cn")" ] || render zh_CN "$work/man-cn"
[ -n "$(ls -A "$work/man-tw")" ] || render zh_TW "$work/man-tw"
[ -n "$(ls -A "$work/fortunes")" ] || find "$work/deb/x/usr/share/games/fortunes" -type f ! -name '*.dat' ! -name '*.u8' -exec cp {} "$work/fortunes/" \; 2>/dev/null || true
[ -n "$(ls -A "$work/fortunes")" ] || find "$work/deb/x/usr/share/games/fortunes" -type f ! -name '*.dat' -exec cp {} "$work/fortunes/" \;
dotnet build "$root/src/Corpus.Cli" -c Release -o "$work/cli" > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
for folder in man-cn man-tw fortunes; do
  rm -rf "$work/index-$folder" "$work/index-$folder.cache"
  "$work/cli/corpus" ingest --corpus "$work/$folder" --index "$work/index-$folder" --report "$work/$folder.json" \
    > "$work/$folder.out" 2> "$work/$folder.log" || { echo "$folder: ingest failed"; tail -3 "$work/$folder.log"; continue; }
  python3 - "$folder" "$work/$folder.json" <<'PY'
import collections, json, sys
folder, path = sys.argv[1], sys.argv[2]
r = json.load(open(path))
docs = r["documents"]
per_file = collections.Counter(s["file"] for d in docs for s in d["sources"] if not s["duplicate"])
merges = [d for d in docs if len(d["sources"]) > 1]
kinds = collections.Counter(d.get("kind") or "unknown" for d in docs)
speakers = collections.Counter(d["speaker"] for d in docs if d.get("speaker"))
dated = sum(1 for d in docs if d.get("date"))
inferred = sum(1 for d in docs if d.get("date") and d.get("dateInferred"))
print(f"== {folder}: {r['files']} files, {len(r['skipped'])} skipped, {len(docs)} documents")
print(f"   documents per file: {dict(sorted(collections.Counter(per_file.values()).items()))}")
print(f"   merged documents: {len(merges)}")
for d in merges[:20]:
    print(f"     {d['title'][:30]!r}: " + ", ".join(s["file"] for s in d["sources"]))
print(f"   kinds: {dict(kinds)}; speakers: {sum(speakers.values())} {dict(speakers.most_common(8))}")
print(f"   dated: {dated} (inferred {inferred})")
loss = r["loss"]
print(f"   decoded characters {loss['decodedCharacters']}, dropped by reason {loss['droppedByReason']}, "
      f"sentences unaccounted {len(loss['unaccounted'])}")
print("   fields stated/inferred/unknown: " + ", ".join(
    f"{k} {v['stated']}/{v['inferred']}/{v['unknown']}" for k, v in r["fields"].items() if isinstance(v, dict)))
PY
done
