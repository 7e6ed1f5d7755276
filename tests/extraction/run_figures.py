#!/usr/bin/env python3
"""Claim and finding figures of full runs, from `reasonscope analyze --json` documents.

Per run (scored cases: those with a known correctness, and all cases): outputs, claims per
output, outputs without a claim, claims with an end that has no KG concept ("head_node" or
"tail_node" null), claims of the model by status, and findings per type and sub-kind. Used
for the issue-16 "Full runs" tables of README.md.

Usage: run_figures.py ANALYSIS.json [ANALYSIS.json ...]

Standard library only.
"""
import collections
import json
import sys


def unlinked(claim):
    return sum(1 for k in ("head", "tail") if claim.get(k + "_node", claim.get(k)) is None)


def main(paths):
    runs = collections.defaultdict(list)
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for case in json.load(f)["cases"]:
                runs[case.get("run", "?")].append(case)
    for run, cases in sorted(runs.items()):
        for label, subset in (("scored", [c for c in cases if c.get("correct") is not None]),
                              ("all", cases)):
            if not subset:
                continue
            claims = [cl for c in subset for cl in c.get("claims", [])]
            none = sum(1 for c in subset if not c.get("claims"))
            ends = collections.Counter(unlinked(cl) for cl in claims)
            print("%s, %s: outputs %d, claims/output %.2f, outputs with no claim %.1f%%, "
                  "claims by unlinked ends %s" % (
                      run, label, len(subset), len(claims) / len(subset), 100.0 * none / len(subset),
                      dict(sorted(ends.items()))))
            if label != "all":
                continue
            status = collections.Counter(cl.get("status", "unverified") for cl in claims
                                         if cl.get("owner", "model") == "model")
            print("  claims of the model by status: %s" % dict(sorted(status.items())))
            findings = collections.Counter("%s/%s" % (f.get("type"), f.get("subtype"))
                                           for c in subset for f in c.get("findings", []))
            print("  findings: %s" % (dict(sorted(findings.items())) or "none"))
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1:]))
