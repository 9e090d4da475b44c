#!/usr/bin/env bash
# Downtime during a re-ingest and time until one added file is searchable, against a running site:
#   bench/reingest.sh DOCS [WORK_DIR]     a corpus generated with GEN (default ../shared/tools/gen_corpus.py)
#   RAW=/path/to/raw bench/reingest.sh - [WORK_DIR]   an existing raw corpus folder instead (hard-linked, never changed)
# 1. 90 % of the corpus's files ingested with `corpus ingest` (which also fills the processing cache beside the index);
# 2. the site on that index and corpus folder, probed without pause (/api/search and /healthz/ready);
# 3. the other 10 % copied into the folder while the site runs: the folder watch re-ingests behind the served index;
#    every answer that is not 200 meanwhile, and the seconds until the new documents are served;
# 4. one new file copied into the folder: the seconds until its phrase is found (the target at 100k: 5 s);
# 5. a restart on the unchanged corpus: the seconds the process is down (start, verifying every index file).
# Wrap 100k runs in `flock /work/bench100k/heavy.lock`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
docs=${1:?usage: bench/reingest.sh DOCS [WORK_DIR]}
work=${2:-$(mktemp -d)}
gen=${GEN:-$root/../shared/tools/gen_corpus.py}
port=${PORT:-5078}
mkdir -p "$work"
rm -rf "$work/corpus" "$work/later" "$work/index" "$work/index.cache" "$work/probes.txt" "$work/logs"
if [ -n "${RAW:-}" ]; then
  # Hard links: the script only adds, renames and deletes files, so the shared folder is never written.
  cp -al "$RAW" "$work/corpus"
else
  [ -d "$work/gen/raw" ] || python3 "$gen" --docs "$docs" --out "$work/gen" >/dev/null
  cp -r "$work/gen/raw" "$work/corpus"
fi
mkdir -p "$work/later"
# Every tenth file waits outside the corpus until the site runs.
find "$work/corpus" -type f | sort | awk 'NR % 10 == 0' | while read -r f; do
  rel=${f#"$work/corpus/"}; mkdir -p "$work/later/$(dirname "$rel")"; mv "$f" "$work/later/$rel"; done

dotnet publish "$root/src/Corpus.Cli" -c Release -o "$work/cli" >/dev/null
dotnet publish "$root/src/Corpus.Web" -c Release -o "$work/web" >/dev/null
echo "== corpus ingest of 90 % of the files"
/usr/bin/time -f "%e s, peak %M KB" "$work/cli/corpus" ingest --corpus "$work/corpus" --index "$work/index" 2>&1 | grep -v '^read:\|^index:\|^dedupe:\|^commit:'

server=
start_site() {
  (cd "$work/web" && Corpus__IndexPath="$work/index" Corpus__CorpusPath="$work/corpus" RateLimiting__Disabled=true \
    Serilog__WriteTo__File__Args__path="$work/logs/corpus-.log" \
    exec dotnet Corpus.Web.dll --urls "http://127.0.0.1:$port" >>"$work/web.log" 2>&1) &
  server=$!
}
stop_probes() { [ -n "${probes:-}" ] && kill "$probes" 2>/dev/null || true; }
trap 'stop_probes; [ -n "$server" ] && kill $server 2>/dev/null' EXIT
now() { date +%s.%N; }
documents() { curl -fs "http://127.0.0.1:$port/api/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])'; }
wait_ready() { for _ in $(seq 1 6000); do curl -fs "http://127.0.0.1:$port/healthz/ready" >/dev/null && return; sleep 0.1; done; echo "never ready"; exit 1; }
# The probe loop: one line per answer, "epoch-seconds status path".
start_probes() {
  (while true; do
     for path in "/api/search?q=%E4%B8%AD%E5%9B%BD&size=20" "/?q=%E5%8F%91%E5%B1%95" "/healthz/ready"; do
       echo "$(now) $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$path") $path"
     done
   done >>"$work/probes.txt") &
  probes=$!
}
count_bad() { awk -v from="$1" -v to="$2" '$1 >= from && $1 <= to { n++; if ($2 != 200) bad++ } END { printf "%d answers, %d not 200\n", n, bad }' "$work/probes.txt"; }

start_site
wait_ready
before=$(documents)
start_probes

echo "== 10 % more files copied into the folder of the running site: re-ingested behind the served index"
mark=$(now)
cp -r "$work/later/." "$work/corpus/"
while [ "$(documents)" = "$before" ]; do sleep 0.2; done
switched=$(now)
echo "documents $before -> $(documents): served after $(echo "$switched - $mark" | bc) s; probes meanwhile: $(count_bad "$mark" "$switched")"

echo "== one new file copied into the corpus folder"
sleep 2
phrase=$(python3 -c 'import random; print("独有试验短语" + "".join(random.choice("零一二三四五六七八九") for _ in range(8)))')
encoded=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$phrase")
printf '新增的一篇讲话\n\n2024年5月1日，在北京举行的会议上，%s被多次提到。这是专门为测量而写的一段正文，足够长，能够被切分为一篇文章。\n' "$phrase" \
  > "$work/added.tmp"
mark=$(now)
mv "$work/added.tmp" "$work/corpus/zz-added-$$.txt"
until curl -fs "http://127.0.0.1:$port/api/search?q=$encoded" | grep -q '"total":1'; do sleep 0.05; done
found=$(now)
echo "searchable after $(echo "$found - $mark" | bc) s; probes meanwhile: $(count_bad "$mark" "$found")"
grep -a "Processed .* files\|Ingested .* documents from\|Committed\|Searches see" "$work"/logs/corpus-*.log | tail -4 | cut -c1-260
echo "site memory now: $(awk '/VmRSS|VmHWM/ { printf "%s %d MB  ", $1, $2 / 1024 }' "/proc/$server/status")"

echo "== restart on the unchanged corpus (the process is down until it has verified the index)"
stop_probes
kill "$server"; wait "$server" 2>/dev/null || true
mark=$(now)
start_site
wait_ready
echo "process down (stop to ready) $(echo "$(now) - $mark" | bc) s"
echo "== every probe while the site was up"
count_bad 0 "$mark"
