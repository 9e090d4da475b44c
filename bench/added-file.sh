#!/usr/bin/env bash
# Time until one added file is searchable (issue 11's target at 100k: <= 5 s), CLI and site, median of 3 additions:
#   bench/added-file.sh RAW_CORPUS [INDEX] [WORK_DIR]
# RAW_CORPUS is hard-linked into WORK_DIR/corpus (never written; new files are added beside the links). INDEX (and
# INDEX.cache, its processing cache), when given, are copied in as the starting point; an index or cache of another
# build is rewritten once by the first `corpus ingest` (minutes at 100k), which is not timed.
# CLI=path/to/corpus WEB=path/to/web-folder take published builds instead of publishing this worktree.
#   100k: flock /work/bench100k/heavy.lock bench/added-file.sh /work/bench100k/gen-100k /tmp/idx-new /tmp/added-100k
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
raw=${1:?usage: bench/added-file.sh RAW_CORPUS [INDEX] [WORK_DIR]}
source_index=${2:-}
work=${3:-$(mktemp -d)}
port=${PORT:-5079}
mkdir -p "$work"
rm -rf "$work/corpus" "$work/index" "$work/index.cache" "$work/logs" "$work/web.log"
cp -al "$raw" "$work/corpus"
if [ -n "$source_index" ]; then
  cp -r "$source_index" "$work/index"
  [ -d "$source_index.cache" ] && cp -r "$source_index.cache" "$work/index.cache"
fi
cli=${CLI:-}
web=${WEB:-}
if [ -z "$cli" ]; then dotnet publish "$root/src/Corpus.Cli" -c Release -o "$work/cli" >/dev/null; cli=$work/cli/corpus; fi
if [ -z "$web" ]; then dotnet publish "$root/src/Corpus.Web" -c Release -o "$work/web" >/dev/null; web=$work/web; fi

now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# A new speech holding a phrase no other file holds; prints the phrase, writes the file at $1.
new_file() {
  local phrase
  phrase=$(python3 -c 'import random; print("独有试验短语" + "".join(random.choice("零一二三四五六七八九") for _ in range(8)))')
  printf '新增的一篇讲话\n\n2024年5月1日，在北京举行的会议上，%s被多次提到。这是专门为测量而写的一段正文，足够长，能够被切分为一篇文章。\n' \
    "$phrase" >"$1"
  echo "$phrase"
}

echo "== corpus ingest, to bring the index and cache up to this build (not timed)"
"$cli" ingest --corpus "$work/corpus" --index "$work/index" 2>&1 | grep -v '^read:\|^index:\|^dedupe:\|^commit:' | tail -2

echo "== CLI: corpus ingest after one added file (seconds until committed, i.e. searchable)"
cli_times=()
for n in 1 2 3; do
  phrase=$(new_file "$work/added.tmp")
  mv "$work/added.tmp" "$work/corpus/zz-cli-added-$n-$$.txt"
  mark=$(now)
  "$cli" ingest --corpus "$work/corpus" --index "$work/index" >"$work/cli-$n.log" 2>&1
  took=$(echo "$(now) - $mark" | bc)
  "$cli" search --index "$work/index" "\"$phrase\"" --json | grep -Eq '"total": ?1,' || { echo "addition $n not found"; exit 1; }
  echo "addition $n: $took s ($(grep -o '[0-9]* processed' "$work/cli-$n.log" | head -1))"
  cli_times+=("$took")
done
echo "CLI median: $(printf '%s\n' "${cli_times[@]}" | median) s"

echo "== site: one file copied into the corpus folder of the running site (seconds until /api/search finds it)"
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null' EXIT
(cd "$web" && Corpus__IndexPath="$work/index" Corpus__CorpusPath="$work/corpus" RateLimiting__Disabled=true \
  Serilog__WriteTo__File__Args__path="$work/logs/corpus-.log" \
  exec dotnet Corpus.Web.dll --urls "http://127.0.0.1:$port" >>"$work/web.log" 2>&1) &
server=$!
for _ in $(seq 1 6000); do curl -fs "http://127.0.0.1:$port/healthz/ready" >/dev/null && break; sleep 0.1; done
# The site checks the corpus at start (the index is current); let that end before timing.
until grep -aq "is current with\|Ingested .* documents from .* files" "$work"/logs/corpus-*.log 2>/dev/null; do sleep 0.5; done
site_times=()
for n in 0 1 2 3; do
  phrase=$(new_file "$work/added.tmp")
  encoded=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "\"$phrase\"")
  mark=$(now)
  mv "$work/added.tmp" "$work/corpus/zz-site-added-$n-$$.txt"
  until curl -fs "http://127.0.0.1:$port/api/search?q=$encoded" | grep -q '"total":1'; do sleep 0.05; done
  took=$(echo "$(now) - $mark" | bc)
  if [ "$n" = 0 ]; then
    echo "first addition after start (fills the site's memory from the cache on disk): $took s"
  else
    echo "addition $n: $took s"
    site_times+=("$took")
  fi
  sleep 3
done
echo "site median: $(printf '%s\n' "${site_times[@]}" | median) s"
grep -a "Processed .* files\|Ingested .* documents from\|Committed" "$work"/logs/corpus-*.log | tail -3 | cut -c1-300
