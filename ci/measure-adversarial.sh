#!/usr/bin/env bash
# Measures gainsay (release build) on the adversarial inputs of the
# robustness issue: wall time and peak memory (max RSS) of each run, and
# its exit code. Not part of CI: it builds in release and writes ~300 MB of
# input. Usage: ci/measure-adversarial.sh [WORKDIR]
set -uo pipefail
cd "$(dirname "$0")/.."
work=${1:-$(mktemp -d)}
mkdir -p "$work"
cargo build --release --quiet
bin=$PWD/target/release/gainsay
python3 - "$work" <<'PY'
import os, sys
w = sys.argv[1]
def write(name, data, mode='wb'):
    with open(os.path.join(w, name), mode) as f: f.write(data)
line = b"The ministry said the drone that crashed near Cahul came from Ukraine. "
write('nonewline-200mb.txt', line * (200_000_000 // len(line)))
write('nonewline-8mb.txt', line * (8_000_000 // len(line)))
write('million-sentences.txt', b"Yes. " * 1_000_000)
write('million-lines.txt', b"Yes\n" * 1_000_000)
words = []
for i in range(100_000):
    words.append(b'"' + b"word" if i % 10 == 0 else b"word")
write('long-sentence.txt', b" ".join(words) + b".\n")
write('repeated-names.txt', b"Defence Minister John Smith said 12 drones hit Kyiv, Smith said. " * 50_000)
write('repeated-numbers.txt', b"12 " * 300_000 + b"drones.\n")
write('combining.txt', b"Zalgo " + "a\u0301\u0300\u0302".encode() * 200_000 + b" said.\n")
write('combining-run.txt', ("a" + "\u0301\u0300" * 100_000 + " said the minister.\n").encode())
write('rtl-zwj.txt', ("\u05e9\u05dc\u05d5\u05dd \u200f\u200d\U0001F468\u200d\U0001F469\u200d\U0001F467 \u0627\u0644\u0633\u0644\u0627\u0645. " * 100_000).encode())
os.makedirs(os.path.join(w, 'files-20000'), exist_ok=True)
places = [b"Cahul", b"Kyiv", b"Minsk", b"Warsaw", b"Batken"]
for i in range(20_000):
    p = places[i % 5]
    write(f'files-20000/outlet_{i:05}.txt',
          b"Drone crash near " + p + b"\n\nThe ministry said the drone that crashed near " + p +
          b" came from Russia. Officials said " + str(i % 7 + 2).encode() + b" people were injured.\n")
PY
run() {
  local name=$1; shift
  local code
  timeout "${TIMEOUT:-600}" /usr/bin/time -o "$work/$name.time" -f "%e s, %M KB max RSS" \
    "$bin" check --format json "$@" >"$work/$name.json" 2>"$work/$name.stderr"
  code=$?
  printf '%-26s exit %-3s %-30s %s diagnostics, %s findings\n' "$name" "$code" "$(tail -1 "$work/$name.time")" \
    "$(grep -c 'gainsay::' "$work/$name.stderr")" "$(grep -o '"rule"' "$work/$name.json" | wc -l)"
}
cd "$work"

run nonewline-200mb nonewline-200mb.txt
run nonewline-200mb-nolimit nonewline-200mb.txt --max-file-size 256M
run nonewline-8mb nonewline-8mb.txt
run million-sentences million-sentences.txt
run million-lines million-lines.txt
run long-sentence long-sentence.txt
run long-sentence-nolimit long-sentence.txt --max-sentence-length 1M
run repeated-names repeated-names.txt
run repeated-numbers repeated-numbers.txt
run combining combining.txt
run combining-run combining-run.txt
run rtl-zwj rtl-zwj.txt
run files-20000 files-20000
