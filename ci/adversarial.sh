#!/usr/bin/env bash
# The adversarial tests at the sizes the robustness issue names (a 200 MB
# file, a million sentences, 20,000 files, ...), in release, one at a time
# so each test's peak memory is its own. Each prints its time and peak RSS
# and fails over its bounds. Takes a few minutes, most of it the build.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --release --locked --test adversarial -- --ignored --test-threads=1 --nocapture
