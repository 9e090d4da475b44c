#!/bin/sh
# Issue 14's figures: pattern search page and filler table latency (p50/p95/p99, single thread after warm-up) over an
# index of generated articles, e.g. one built by
#   python3 ../shared/tools/gen_corpus.py --docs 100000 --out /tmp/gen-100k
#   corpus ingest --corpus /tmp/gen-100k/raw --index /tmp/idx-100k
# Usage (from the repository root): bench/patterns.sh INDEX [RUNS]
set -eu
index=${1:?usage: bench/patterns.sh INDEX [RUNS]}
runs=${2:-5}
dotnet build src/Corpus.Cli -c Release -v quiet -nologo >/dev/null
dotnet src/Corpus.Cli/bin/Release/net10.0/corpus.dll bench patterns --index "$index" --queries bench/queries.tsv --runs "$runs"
