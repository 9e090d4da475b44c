#!/usr/bin/env bash
# Downtime during a re-ingest and time until one added file is searchable, against a running site:
#   bench/reingest.sh DOCS [WORK_DIR]        (GEN=path/to/gen_corpus.py, default ../shared/tools/gen_corpus.py)
# 1. a generated corpus of DOCS articles, 90 % of its files ingested with `corpus ingest`;
# 2. the site on that index and corpus folder, probed without pause (/api/search and /healthz/ready);
# 3. a restart with the whole corpus (the startup re-ingest runs behind the served index), then one new file
#    copied into the corpus folder: the seconds until its phrase is found, and every non-200 answer meanwhile.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
docs=${1:?usage: bench/reingest.sh DOCS [WORK_DIR]}
work=${2:-$(mktemp -d)}
gen=${GEN:-$root/../shared/tools/gen_corpus.py}
port=5078
mkdir -p "$work"
[ -d "$work/gen/raw" ] || python3 "$gen" --docs "$docs" --out "$work/gen" >/dev/null
rm -rf "$work/corpus" "$work/index" "$work/probes.txt"
cp -r "$work/gen/raw" "$work/corpus"
mkdir -p "$work/later"
# Every tenth file waits outside the corpus until the restart.
find "$work/corpus" -type f | sort | awk 'NR % 10 == 0' | while read -r f; do
  rel=${f#"$work/corpus/"}; mkdir -p "$work/later/$(dirname "$rel")"; mv "$f" "$work/later/$rel"; done

dotnet publish "$root/src/Corpus.Cli" -c Release -o "$work/cli" >/dev/null
dotnet publish "$root/src/Corpus.Web" -c Release -o "$work/web" >/dev/null
"$work/cli/corpus" ingest --corpus "$work/corpus" --index "$work/index" 2>/dev/null

server=
start_site() {
  (cd "$work/web" && Corpus__IndexPath="$work/index" Corpus__CorpusPath="$work/corpus" RateLimiting__Disabled=true \
    Serilog__WriteTo__File__Args__path="$work/logs/corpus-.log" \
    exec dotnet Corpus.Web.dll --urls "http://127.0.0.1:$port" >>"$work/web.log" 2>&1) &
  server=$!
}
stop_probes() { [ -n "${probes:-}" ] && kill "$probes" 2>/dev/null || true; }
trap 'stop_probes; [ -n "$server" ] && kill $server 2>/dev/null' EXIT
documents() { curl -fs "http://127.0.0.1:$port/api/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])'; }

start_site
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/healthz/ready" >/dev/null && break; sleep 0.2; done
before=$(documents)
# The probe loop: one line per answer, "epoch-seconds status path".
(while true; do
   for path in "/api/search?q=%E4%B8%AD%E5%9B%BD&size=20" "/healthz/ready"; do
     echo "$(date +%s.%N) $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$path") $path"
   done
 done >>"$work/probes.txt") &
probes=$!

echo "== restart with 10 % more files: the old index serves while the new one is built"
kill "$server"; wait "$server" 2>/dev/null || true
cp -r "$work/later/." "$work/corpus/"
restart=$(date +%s.%N)
start_site
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/healthz/ready" >/dev/null && break; sleep 0.1; done
ready=$(date +%s.%N)
while [ "$(documents)" = "$before" ]; do sleep 0.2; done
switched=$(date +%s.%N)
echo "documents $before -> $(documents); process down (restart to ready) $(echo "$ready - $restart" | bc) s;" \
  "re-ingest behind the served index until switched $(echo "$switched - $ready" | bc) s"

echo "== one new file copied into the corpus folder"
phrase=$(python3 -c 'import random; print("独有试验短语" + "".join(random.choice("零一二三四五六七八九") for _ in range(8)))')
mark=$(date +%s.%N)
printf '新增的一篇讲话\n\n2024年5月1日，在北京举行的会议上，%s被多次提到。这是专门为测量而写的一段正文，足够长，能够被切分为一篇文章。\n' "$phrase" \
  > "$work/corpus/zz-added-$$.txt"
encoded=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$phrase")
until curl -fs "http://127.0.0.1:$port/api/search?q=$encoded" | grep -q '"total":1'; do sleep 0.05; done
echo "searchable after $(echo "$(date +%s.%N) - $mark" | bc) s"
stop_probes
echo "== probes while the site was up (restart window excluded: the process itself was down)"
awk -v from="$ready" '$1 >= from { n++; if ($2 != 200) bad++ } END { printf "%d answers after the restart, %d not 200\n", n, bad }' "$work/probes.txt"
