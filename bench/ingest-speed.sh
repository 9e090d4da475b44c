#!/usr/bin/env bash
# First full ingest (empty index, empty processing cache) of a raw corpus folder: main's CLI against this worktree's,
# interleaved in the same run. Prints per run the wall time, CPU seconds (user+sys), MB/s, peak RSS, and the peaks of
# its anonymous (heap) and file-backed parts sampled every 0.2 s (the index is memory-mapped, so pages of segments read
# while merging count in RSS as file cache), then medians and new/base ratios.
#   bench/ingest-speed.sh CORPUS_FOLDER [RUNS=3] [BASE_REF=main]
# Run from the repository root. At 100k wrap it in `flock /work/bench100k/heavy.lock` on the shared machine.
# Set KEEP=1 to keep the work folder (reports and logs of each run) for a look afterwards.
set -euo pipefail
corpus=$(realpath "${1:?usage: bench/ingest-speed.sh CORPUS_FOLDER [RUNS] [BASE_REF]}")
runs=${2:-3}
base_ref=${3:-main}
work=$(mktemp -d /tmp/ingest-speed.XXXXXX)
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
git archive "$base_ref" | (mkdir -p "$work/base-src" && tar -x -C "$work/base-src")
echo "building base ($base_ref $(git rev-parse --short "$base_ref")) and new ($(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo '+changes'))" >&2
(cd "$work/base-src" && dotnet publish src/Corpus.Cli -c Release -o "$work/cli-base" > "$work/build-base.log" 2>&1) \
  || { tail -20 "$work/build-base.log"; exit 1; }
dotnet publish src/Corpus.Cli -c Release -o "$work/cli-new" > "$work/build-new.log" 2>&1 || { tail -20 "$work/build-new.log"; exit 1; }
bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
echo "corpus $corpus: $(find "$corpus" -type f | wc -l) files, $((bytes / 1000000)) MB; $runs runs each, interleaved" >&2
printf '%-5s %3s %9s %9s %7s %9s %9s %9s\n' cli run wall_s cpu_s MB/s rss_MB anon_MB file_MB
for run in $(seq 1 "$runs"); do
  for cli in base new; do
    out="$work/$cli-$run"
    rm -rf "$out" "$out.cache"
    CORPUS_LOG_LEVEL=Information /usr/bin/time -v "$work/cli-$cli/corpus" ingest --corpus "$corpus" --index "$out" --report "$out.json" \
      > "$out.out" 2> "$out.err" &
    timed=$!
    anon=0; file=0
    while kill -0 "$timed" 2>/dev/null; do
      if pid=$(pgrep -P "$timed" | head -1) && [ -n "$pid" ]; then
        read -r a f < <(awk '/RssAnon/ {a=$2} /RssFile/ {f=$2} END {print a+0, f+0}' "/proc/$pid/status" 2>/dev/null || echo "0 0")
        [ "${a:-0}" -gt "$anon" ] && anon=$a
        [ "${f:-0}" -gt "$file" ] && file=$f
      fi
      sleep 0.2
    done
    wait "$timed" || { echo "$cli run $run failed"; tail -5 "$out.err"; exit 1; }
    wall=$(grep 'Elapsed (wall' "$out.err" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    cpu=$(awk '/User time|System time/ {s+=$NF} END {print s}' "$out.err")
    rss=$(awk '/Maximum resident/ {print int($NF/1024)}' "$out.err")
    printf '%-5s %3s %9.1f %9.1f %7.2f %9d %9d %9d\n' "$cli" "$run" "$wall" "$cpu" "$(echo "$bytes / 1000000 / $wall" | bc -l)" "$rss" \
      $((anon / 1024)) $((file / 1024)) | tee -a "$work/results"
    rm -rf "$out" "$out.cache"
  done
done
python3 - "$work/results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
med = {cli: [statistics.median(float(r[i]) for r in rows if r[0] == cli) for i in (2, 3, 4, 5, 6, 7)] for cli in ("base", "new")}
print("median   wall_s   cpu_s    MB/s  rss_MB anon_MB file_MB")
for cli in ("base", "new"):
    m = med[cli]
    print(f"{cli:6} {m[0]:8.1f} {m[1]:7.1f} {m[2]:7.2f} {m[3]:7.0f} {m[4]:7.0f} {m[5]:7.0f}")
b, n = med["base"], med["new"]
print(f"new/base: wall {n[0]/b[0]:.2f}, cpu {n[1]/b[1]:.2f}, MB/s {n[2]/b[2]:.2f}, peak RSS {n[3]/b[3]:.2f}, peak anonymous {n[4]/b[4]:.2f}")
PY
