#!/usr/bin/env python3
"""Draw a labelling sample of findings from a `reasonscope analyze --json` document.

The sample is stratified by finding class (relation, branch, missing): each class gets
--per-class findings drawn at random with a fixed --seed, or all of its findings when it
has fewer. Only runs of a named model are sampled; ThoughtSource's model-less critique
records (run label "unnamed-model") are skipped because they are not reasoning of the
model under test. --exclude takes an earlier labels file so that a fresh sample (drawn
after the engine has been tuned) holds no finding that was already labelled.

Each sampled finding carries its stable key, the engine's explanation, the byte span it
concerns, and the predicted and gold answers. The output is JSON lines (one finding per
line, "label", "reason" and "cause" left empty for the judge). It holds no text of the
question or the model's output: those belong to the data set (../shared/data), which is
not committed. --review writes, for the judge only, a plain-text file that groups the
findings by case with the question, options, the whole output and the quoted span, so
that each output is read once.

Standard library only.
"""
import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import devset_common as common  # noqa: E402


def load_sources(doc, data_dir):
    """ThoughtSource records by (source file, question id) so outputs can be quoted."""
    sources = {}
    for run in doc.get("runs", []):
        path = run.get("source_file", "")
        if data_dir:
            path = os.path.join(data_dir, os.path.basename(path))
        if path in sources or not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            sources[path] = common.thoughtsource_index(json.load(f))
    return sources


def case_text(case, sources, data_dir):
    """Question, choices and the output text of one case, or None when not found."""
    path = case.get("source", {}).get("file", "")
    if data_dir:
        path = os.path.join(data_dir, os.path.basename(path))
    index = sources.get(path)
    if index is None:
        return None
    qid = case.get("question_id", "").split(":")[-1]
    record = index.get(qid)
    if record is None:
        return None
    cot = None
    for generated in record.get("generated_cot", []):
        if common.cot_model_name(generated) == case.get("model"):
            cot = generated.get("cot", "")
            break
    return {"question": record.get("question", ""), "choices": record.get("choices", []),
            "gold_text": (record.get("answer") or [""])[0], "cot": cot}


def byte_slice(text, span):
    """Text of a byte span (the JSON's offsets are UTF-8 byte offsets)."""
    if text is None or not span or span[1] <= span[0]:
        return ""
    raw = text.encode("utf-8")
    return raw[span[0]:span[1]].decode("utf-8", errors="replace")


def candidate_findings(doc, classes):
    """Every finding of a named-model run, with its key, in document order."""
    out = []
    for case in doc.get("cases", []):
        if not common.is_model_run(case):
            continue
        for finding in case.get("findings", []):
            if finding.get("type") not in classes:
                continue
            out.append((case, finding))
    return out


def describe(case, finding):
    item = common.finding_key(case, finding)
    item.update({
        "class": finding.get("type"),
        "severity": finding.get("severity"),
        "explanation": finding.get("explanation", ""),
        "span": list(finding.get("span", [0, 0])),
        "case_id": case.get("id"),
        "prediction": case.get("prediction"),
        "gold": case.get("gold"),
        "correct": case.get("correct"),
        "label": None,
        "reason": "",
        "cause": "",
    })
    return item


def write_review(path, items, doc_cases, texts):
    """A readable file: per case the question, options and output, then its findings."""
    by_case = {}
    for n, item in enumerate(items):
        by_case.setdefault((item["run"], item["question_id"]), []).append((n, item))
    with open(path, "w", encoding="utf-8") as f:
        for (run, qid), group in sorted(by_case.items()):
            text = texts.get((run, qid))
            f.write("=" * 100 + "\n")
            f.write(f"CASE {run} {qid}  predicted {group[0][1]['prediction']} gold "
                    f"{group[0][1]['gold']} correct={group[0][1]['correct']}\n")
            if text:
                f.write("QUESTION: " + text["question"] + "\n")
                for i, choice in enumerate(text["choices"]):
                    f.write(f"  {chr(65 + i)}. {choice}\n")
                f.write("OUTPUT:\n" + (text["cot"] or "(not found)") + "\n")
            case = doc_cases[(run, qid)]
            for path_ in case.get("reference_paths", [])[:3]:
                f.write("  ref: " + " -> ".join(path_.get("nodes", [])) + "\n")
            f.write("  model path: " + " -> ".join(
                p["name"] for p in case.get("reasoning_path", [])) + "\n")
            for n, item in group:
                f.write(f"--- #{n} {item['class']}/{item['subtype']} step {item['step']} "
                        f"nodes {item['nodes']}\n")
                f.write("    " + item["explanation"] + "\n")
                quoted = byte_slice(text["cot"], item["span"]) if text else ""
                if quoted:
                    f.write("    SPAN: " + quoted.replace("\n", " ") + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", required=True, help="reasonscope analyze --json output")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--per-class", type=int, default=58,
                        help="findings drawn per class (all of a class with fewer)")
    parser.add_argument("--exclude", action="append", default=[],
                        help="labels file(s) whose findings must not be drawn again")
    parser.add_argument("--data-dir", default="",
                        help="folder of the ThoughtSource files when they moved")
    parser.add_argument("--out", required=True, help="sample, JSON lines")
    parser.add_argument("--review", default="", help="readable review file to write")
    args = parser.parse_args()

    with open(args.json, encoding="utf-8") as f:
        doc = json.load(f)
    excluded = set()
    for path in args.exclude:
        for item in common.read_jsonl(path):
            excluded.add(common.match_key(item))

    rng = random.Random(args.seed)
    sources = load_sources(doc, args.data_dir)
    items, texts, doc_cases = [], {}, {}
    for cls in common.CLASSES:
        pool = [(c, fi) for c, fi in candidate_findings(doc, {cls})
                if common.match_key(common.finding_key(c, fi)) not in excluded]
        drawn = pool if len(pool) <= args.per_class else rng.sample(pool, args.per_class)
        drawn.sort(key=lambda cf: (cf[0]["run"], cf[0]["question_id"],
                                   cf[1].get("step", -1), cf[1].get("subtype", "")))
        for case, finding in drawn:
            text = case_text(case, sources, args.data_dir)
            texts[(case["run"], case["question_id"])] = text
            doc_cases[(case["run"], case["question_id"])] = case
            items.append(describe(case, finding))
        print(f"{cls}: {len(drawn)} drawn of {len(pool)}", file=sys.stderr)

    with open(args.out, "w", encoding="utf-8") as f:
        for item in items:
            f.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")
    if args.review:
        write_review(args.review, items, doc_cases, texts)


if __name__ == "__main__":
    main()
