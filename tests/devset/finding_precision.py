#!/usr/bin/env python3
"""Precision of ReasonScope's findings on the labelled development set, and what changed.

  finding_precision.py --labels findings-v1.jsonl
      precision per class on the labels as they were judged;
  finding_precision.py --labels findings-v1.jsonl --json out.json [--list]
      also, for a NEW `reasonscope analyze --json` output: which labelled findings are gone,
      which remain (and the precision among those that remain), and how many findings of
      each class are new, i.e. have no label;
  finding_precision.py --json out.json
      only the baseline figures of that output: findings per class per run, and per class
      the share of cases with any finding among right and among wrong answers.

Precision is real / (real + false_alarm + debatable), and real / (real + false_alarm) with
the debatable ones left out. Matching rule: see devset_common.match_key (run, question,
type, subtype and the set of node names; several findings with one key pair in step order).
--min-precision X exits with status 1 when the precision (debatable counted as not real)
of any class among the labelled findings that remain falls below X, or when a finding of
that class labelled real is gone; CLASS=X (repeatable) sets the floor of one class only (the
CTest test devset_precision uses it).

Standard library only.
"""
import argparse
import collections
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import devset_common as common  # noqa: E402

LABELS = ("real", "false_alarm", "debatable")


def precision(counts):
    """(strict, without debatable): strict counts debatable as not real."""
    real, fa, deb = (counts.get(k, 0) for k in LABELS)
    strict = real / (real + fa + deb) if real + fa + deb else None
    lenient = real / (real + fa) if real + fa else None
    return strict, lenient


def fmt(value):
    return "  n/a" if value is None else f"{100 * value:5.1f}%"


def print_precision(title, items):
    print(title)
    print(f"  {'class':<9} {'n':>4} {'real':>5} {'false':>6} {'debat':>6} "
          f"{'precision':>10} {'w/o debatable':>14}")
    total = collections.Counter()
    for cls in common.CLASSES:
        counts = collections.Counter(i["label"] for i in items if i["class"] == cls)
        total.update(counts)
        strict, lenient = precision(counts)
        print(f"  {cls:<9} {sum(counts.values()):>4} {counts['real']:>5} "
              f"{counts['false_alarm']:>6} {counts['debatable']:>6} {fmt(strict):>10} "
              f"{fmt(lenient):>14}")
    strict, lenient = precision(total)
    print(f"  {'all':<9} {sum(total.values()):>4} {total['real']:>5} {total['false_alarm']:>6} "
          f"{total['debatable']:>6} {fmt(strict):>10} {fmt(lenient):>14}")


def print_causes(items):
    causes = collections.Counter((i["class"], i.get("cause") or "?")
                                 for i in items if i["label"] == "false_alarm")
    if not causes:
        return
    print("False-alarm causes (as judged):")
    for (cls, cause), n in sorted(causes.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"  {cls:<9} {cause:<34} {n:>4}")


def model_findings(doc):
    """(case, finding) of every named-model run, classes of the development set only."""
    out = []
    for case in doc.get("cases", []):
        if not common.is_model_run(case):
            continue
        for finding in case.get("findings", []):
            if finding.get("type") in common.CLASSES:
                out.append((case, finding))
    return out


def pair_findings(labels, doc):
    """Labelled items against the findings of a new output.

    Returns (remaining, gone, new): remaining pairs a labelled item with the new finding
    it matches; gone are labelled items without a match; new are findings without a label.
    Within one match key, labelled items and findings pair in step order so that two
    findings on the same nodes in different sentences keep their own labels.
    """
    by_key = collections.defaultdict(list)
    for case, finding in model_findings(doc):
        key = common.match_key(common.finding_key(case, finding))
        by_key[key].append(common.finding_key(case, finding) | {"class": finding["type"]})
    labelled = collections.defaultdict(list)
    for item in labels:
        labelled[common.match_key(item)].append(item)
    remaining, gone, new = [], [], []
    for key in set(by_key) | set(labelled):
        olds = sorted(labelled.get(key, []), key=lambda i: i.get("step", -1))
        news = sorted(by_key.get(key, []), key=lambda i: i.get("step", -1))
        remaining += list(zip(olds, news))
        gone += olds[len(news):]
        new += news[len(olds):]
    return remaining, gone, new


def describe_item(item):
    return (f"{item['run']} {item['question_id']} {item['type']}/{item['subtype']} "
            f"{' | '.join(item['nodes'])}")


def print_changes(labels, doc, show_list):
    remaining, gone, new = pair_findings(labels, doc)
    print("Against the new output (labelled findings matched by run, question, type, "
          "subtype, node set):")
    print(f"  {'class':<9} {'labelled':>8} {'remain':>7} {'gone':>5} "
          f"{'gone real':>9} {'gone false':>10} {'new/unlabelled':>15}")
    for cls in common.CLASSES:
        rem = [old for old, _ in remaining if old["class"] == cls]
        gon = [g for g in gone if g["class"] == cls]
        nw = [n for n in new if n["class"] == cls]
        print(f"  {cls:<9} {len(rem) + len(gon):>8} {len(rem):>7} {len(gon):>5} "
              f"{sum(g['label'] == 'real' for g in gon):>9} "
              f"{sum(g['label'] == 'false_alarm' for g in gon):>10} {len(nw):>15}")
    print_precision("Precision among the labelled findings that remain "
                    "(says nothing about new ones; label a fresh sample for those):",
                    [old for old, _ in remaining])
    if show_list:
        for title, rows in (("GONE", gone), ("REMAIN", [old for old, _ in remaining])):
            print(f"{title}:")
            for item in sorted(rows, key=describe_item):
                print(f"  [{item['label']}] {describe_item(item)}")
        print("NEW (unlabelled):")
        for item in sorted(new, key=describe_item):
            print(f"  {describe_item(item)}")
    return [old for old, _ in remaining]


def print_baseline(doc):
    """Findings per class per run, and the share of cases with a finding by correctness."""
    runs = collections.OrderedDict()
    for case in doc.get("cases", []):
        if common.is_model_run(case):
            runs.setdefault(case["run"], []).append(case)
    print("Baseline per run (named-model runs only):")
    for run, cases in runs.items():
        right = [c for c in cases if c.get("correct") is True]
        wrong = [c for c in cases if c.get("correct") is False]
        print(f"  {run}: {len(cases)} cases, {len(right)} right, {len(wrong)} wrong, "
              f"{len(cases) - len(right) - len(wrong)} unscored")
        for cls in common.CLASSES:
            n = sum(f.get("type") == cls for c in cases for f in c.get("findings", []))

            def share(group):
                hit = sum(any(f.get("type") == cls for f in c.get("findings", []))
                          for c in group)
                return f"{hit}/{len(group)} = {100 * hit / len(group):.1f}%" if group else "n/a"
            print(f"    {cls:<9} {n:>4} findings; cases with one: right {share(right)}, "
                  f"wrong {share(wrong)}")


def precision_floors(specs, parser):
    """{class: floor} from --min-precision values "X" (every class) or "CLASS=X"."""
    floors = {}
    for spec in specs:
        cls, _, value = spec.rpartition("=")
        classes = [cls] if cls else list(common.CLASSES)
        if cls and cls not in common.CLASSES:
            parser.error(f"--min-precision: unknown class {cls!r}")
        try:
            floor = float(value)
        except ValueError:
            parser.error(f"--min-precision: not a number: {value!r}")
        for c in classes:
            floors[c] = floor
    return floors


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--labels", help="labelled findings (JSON lines)")
    parser.add_argument("--json", help="a reasonscope analyze --json output to compare")
    parser.add_argument("--list", action="store_true", help="list gone, remaining, new")
    parser.add_argument("--min-precision", action="append", default=[],
                        help="X or CLASS=X: fail when a class's precision among remaining labels "
                             "is lower (repeatable)")
    args = parser.parse_args()
    if not args.labels and not args.json:
        parser.error("give --labels, --json or both")

    labels = common.read_jsonl(args.labels) if args.labels else []
    for item in labels:
        if item.get("label") not in LABELS:
            sys.exit(f"{args.labels}: unlabelled or unknown label in {describe_item(item)}")
    if labels:
        print_precision(f"Labels ({args.labels}), as judged:", labels)
        print_causes(labels)
    doc = None
    if args.json:
        with open(args.json, encoding="utf-8") as f:
            doc = json.load(f)
        print_baseline(doc)
    status = 0
    if labels and doc is not None:
        remaining = print_changes(labels, doc, args.list)
        for cls, floor in precision_floors(args.min_precision, parser).items():
            counts = collections.Counter(i["label"] for i in remaining if i["class"] == cls)
            strict, _ = precision(counts)
            if strict is not None and strict < floor:
                print(f"{cls}: precision {fmt(strict)} below {floor:.2f}")
                status = 1
            # A floor kept by losing the real errors would be no floor: every real finding of
            # the class must still be there.
            lost = sum(1 for i in labels if i["class"] == cls and i["label"] == "real") - counts["real"]
            if lost > 0:
                print(f"{cls}: {lost} finding(s) labelled real are gone")
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
