#!/usr/bin/env bash
# The adversarial tests at the sizes the robustness issue names (a 200 MB
# file, a million sentences, 20,000 files, ...), in release, each in a
# process of its own so that its peak memory is its own: within one
# process, what the allocator kept from an earlier test counts towards the
# next one's peak. Each prints its time and peak RSS and fails over its
# bounds. Takes a few minutes, most of it the build.
set -euo pipefail
cd "$(dirname "$0")/.."
run() { cargo test --release --locked --test adversarial -- --ignored --test-threads=1 "$@"; }
run --list --format terse 2>/dev/null | sed -n 's/: test$//p' | while read -r name; do
  run --exact "$name" --nocapture
done
