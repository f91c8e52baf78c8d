#!/usr/bin/env python3
"""Scores `gainsay check --format json` output against a generated corpus's
ground truth: planted contradictions found, and findings on unplanted pairs
(by severity). Usage: score.py CORPUS_DIR FINDINGS_JSON"""
import collections
import json
import sys

corpus, findings_path = sys.argv[1].rstrip("/") + "/", sys.argv[2]
truth = json.load(open(corpus + "ground-truth.json"))
findings = json.load(open(findings_path))["findings"]
planted = {(p["rule"], tuple(sorted(p["files"]))) for p in truth["planted"]}
hit, unplanted = set(), collections.Counter()
for finding in findings:
    files = sorted({l["path"].split(corpus, 1)[-1] for l in finding["locations"]})
    key = (finding["rule"], tuple(files if len(files) == 2 else files * 2))
    if key in planted:
        hit.add(key)
    else:
        unplanted[(finding["rule"], finding["severity"])] += 1
by_rule = collections.Counter(rule for rule, _ in planted)
found = collections.Counter(rule for rule, _ in hit)
print(f"recall: {len(hit)}/{len(planted)} planted found ({100 * len(hit) / max(1, len(planted)):.1f}%)")
for rule in sorted(by_rule):
    print(f"  {rule}: {found[rule]}/{by_rule[rule]}")
print("findings on unplanted pairs (rule, severity): " + (", ".join(f"{r} {s}: {n}" for (r, s), n in sorted(unplanted.items())) or "none"))
