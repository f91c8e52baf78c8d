#!/usr/bin/env bash
# Short coverage-guided fuzz runs for CI: each target under fuzz/ for
# FUZZ_SECONDS (default 60), seeded from the test fixtures and rule packs.
# A crash fails the script and leaves its input in fuzz/artifacts/TARGET/;
# turn it into a test in tests/fuzz_regressions.rs before fixing it.
#
# libFuzzer (cargo fuzz) needs compiler flags that only nightly accepts; the
# stable compiler accepts them with RUSTC_BOOTSTRAP=1. Where that does not
# work, or cargo-fuzz cannot be installed, the script says why and skips
# (exit 0). The targets are built without a sanitizer (-s none): gainsay
# forbids unsafe code, so AddressSanitizer would only slow the runs.
#
# Long runs: FUZZ_SECONDS=600 ci/fuzz.sh, or one target with
#   cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -O -s none ingest -- -max_total_time=600
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
targets=(ingest check_pair rule_pack)

skip() {
  echo "fuzz: skipped: $*"
  exit 0
}

command -v cargo >/dev/null 2>&1 || skip "cargo is not installed"
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz from crates.io"
  cargo install cargo-fuzz --locked --quiet >/dev/null 2>&1 || skip "cargo-fuzz could not be installed"
fi

export RUSTC_BOOTSTRAP=1
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
echo "pub fn probe() {}" >"$probe/probe.rs"
if ! rustc -Zunstable-options -Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
  -Cllvm-args=-sanitizer-coverage-inline-8bit-counters --crate-type=lib --emit=obj --out-dir "$probe" "$probe/probe.rs" >/dev/null 2>&1; then
  skip "this rustc ($(rustc --version)) refuses libFuzzer's coverage flags even with RUSTC_BOOTSTRAP=1"
fi

# Seeds: real articles, pairs of articles from one event, and the rule pack.
corpus=fuzz/corpus
mkdir -p "$corpus/ingest" "$corpus/check_pair" "$corpus/rule_pack"
cp tests/fixtures/events/*/*.md tests/fixtures/events/*/*.txt corpus/*.txt "$corpus/ingest/"
for event in tests/fixtures/events/*/; do
  files=("$event"*.md "$event"*.txt)
  for ((i = 0; i + 1 < ${#files[@]}; i++)); do
    { cat "${files[i]}"; printf '\377'; cat "${files[i + 1]}"; } >"$corpus/check_pair/$(basename "$event")-$i"
  done
done
for rule in rules/*.toml; do
  { printf '\000'; cat "$rule"; } >"$corpus/rule_pack/$(basename "$rule")"
done
selector=1
for lexicon in english abbreviations gazetteer; do
  { printf "\\00$selector"; cat "rules/lexicon/$lexicon.toml"; } >"$corpus/rule_pack/lexicon-$lexicon"
  selector=$((selector + 1))
done

# Dictionaries: the lexicon's cue words and place names help the fuzzer
# write sentences the extractor reads; the rule pack's words help it write
# rule files. libFuzzer wants printable ASCII entries, one quoted a line.
grep -ohE '"[ !#-~]+"' rules/lexicon/*.toml | grep -v '\\' | sort -u >fuzz/articles.dict
{ grep -ohE '"[ !#-~]+"' rules/*.toml; grep -ohE '^ *[a-z-]+ *=' rules/*.toml | tr -d ' =' | sed 's/.*/"&"/'; } |
  grep -v '\\' | sort -u >fuzz/rules.dict

cd fuzz
echo "fuzz: building ${targets[*]}"
cargo fuzz build -O -s none || { echo "fuzz: the targets do not build" >&2; exit 1; }
status=0
for target in "${targets[@]}"; do
  echo "fuzz: $target for ${seconds}s"
  log=$(mktemp)
  dict=articles.dict
  [ "$target" = rule_pack ] && dict=rules.dict
  if RAYON_NUM_THREADS=1 cargo fuzz run -O -s none "$target" "corpus/$target" -- -dict="$dict" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
    grep -E '^(Done|stat::number_of_executed_units|stat::average_exec_per_sec)' "$log" | sed "s/^/fuzz: $target: /"
  else
    echo "fuzz: $target FAILED; the input is in fuzz/artifacts/$target/" >&2
    grep -E 'panicked|ERROR|Test unit written|timeout' -A3 "$log" >&2
    status=1
  fi
  rm -f "$log"
done
exit $status
