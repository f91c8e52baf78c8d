#!/usr/bin/env bash
# End-to-end scale runs: generates corpora of 1k, 10k and 100k articles
# (override with SIZES="1000 10000"), checks each with /usr/bin/time -v and
# prints a table: articles, MB, sentences, candidate pairs, seconds, MB/s,
# peak RSS, and raw unicode-segmentation MB/s over the same bytes: in
# memory, and reading every file as well (both single-threaded).
# Then times `check NEW --index` against the largest corpus, and scores
# recall at 10k against the generator's ground truth.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 10000 100000"}
WORK=${WORK:-$(mktemp -d)}
cargo build --release --quiet --bin gainsay --example gen_corpus --example stages
bin=target/release
printf '%-9s %-8s %-10s %-12s %-9s %-8s %-10s %-10s %-10s\n' articles MB sentences pairs seconds MB/s peakRSS-MB raw-MB/s raw+read
for n in $SIZES; do
  dir="$WORK/corpus-$n"
  [ -d "$dir" ] || "$bin/examples/gen_corpus" --articles "$n" --seed 42 --out "$dir" 2>/dev/null
  /usr/bin/time -v "$bin/gainsay" check "$dir" --no-config --format json --fail-on never \
    >"$WORK/findings-$n.json" 2>"$WORK/time-$n.txt"
  stats=$("$bin/examples/stages" "$dir")
  get() { echo "$stats" | awk -v k="$1" '$1 == k { print $2 }'; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$WORK/time-$n.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$WORK/time-$n.txt")
  mb=$(get megabytes)
  printf '%-9s %-8s %-10s %-12s %-9s %-8s %-10s %-10s %-10s\n' "$n" "$mb" "$(get sentences)" "$(get candidate_pairs)" \
    "$wall" "$(awk -v m="$mb" -v s="$wall" 'BEGIN { printf "%.2f", m / s }')" "$rss" "$(get raw_unicode_segmentation_mb_per_s)" \
    "$(get raw_read_and_segment_mb_per_s)"
done
largest=$(echo "$SIZES" | tr ' ' '\n' | sort -n | tail -1)
dir="$WORK/corpus-$largest"
new="$WORK/new-article.md"
# A report with a planted contradiction, so the check has findings to give.
report=$(python3 -c 'import json, sys; t = json.load(open(sys.argv[1])); print(next(p["files"][0] for p in t["planted"] if p["rule"] == "origin-vs-denial"))' "$dir/ground-truth.json")
cp "$dir/$report" "$new"
"$bin/gainsay" index "$dir" --no-config -o "$WORK/index-$largest" 2>/dev/null
for run in 1 2 3; do
  /usr/bin/time -f '%e s, %M KB' "$bin/gainsay" check "$new" --no-config --index "$WORK/index-$largest" --format concise \
    --fail-on never >"$WORK/index-findings.txt" 2>"$WORK/index-time.txt"
  echo "check NEW --index against $largest articles, run $run: $(tail -1 "$WORK/index-time.txt"); $(tail -1 "$WORK/index-findings.txt")"
done
if [ -f "$WORK/findings-10000.json" ]; then
  echo "recall at 10k:"
  python3 benches/score.py "$WORK/corpus-10000" "$WORK/findings-10000.json"
fi
echo "work folder: $WORK"
