#!/usr/bin/env python3
"""Draws the sentences of the labelled extraction set (issue 16) from the ThoughtSource
MedQA chain-of-thought outputs of GPT-4 and GPT-3.5.

The draw is fixed by SEED, so running this again on the same data files gives the same
sentences in the same order; the labelled file (sentences-v1.jsonl) was made from its
output and the check below (--check) tells whether a labelled file still matches the data.

Usage:
  sample_sentences.py [--data DIR] [--per-model N] [--out FILE]
  sample_sentences.py --check sentences-v1.jsonl [--data DIR]

Standard library only.
"""
import argparse
import json
import os
import random
import re
import sys

SEED = 16  # issue 16; changing it draws another set
PER_MODEL = 110
MIN_WORDS = 4  # shorter pieces are headers ("Therefore,", "Answer: B"), not sentences

SOURCES = [
    ("gpt-4", "thoughtsource-medqa500-gpt-4.json"),
    ("gpt-3.5-turbo", "thoughtsource-medqa500-gpt-3.5-turbo.json"),
]

# Words whose trailing period does not end a sentence.
ABBREVIATIONS = {"e.g", "i.e", "vs", "dr", "mr", "mrs", "ms", "st", "approx", "fig", "spp", "al", "cf"}

# A list marker at the start of a line: "1. ", "2) ", "Step 3: ", "- ", "* ", "• ".
LIST_MARKER = re.compile(r"^(?:\d{1,2}[.)]|step \d{1,2}:|[-*\u2022])\s+", re.IGNORECASE)
# A sentence end: . ! ? then white space then something that can start a sentence.
SENTENCE_END = re.compile(r"[.!?](?=\s+[\"'(\[]?[A-Z0-9])")


def model_name(entry):
    """The model name of a generated_cot entry ('' when the entry has none)."""
    model = entry.get("model") or ""
    m = re.search(r"'name':\s*'([^']*)'", model)
    return m.group(1) if m else model.strip()


def ends_sentence(line, dot):
    """Whether the character at index dot of line ends a sentence."""
    if line[dot] != ".":
        return True
    before = line[:dot]
    # "2.5" never reaches here (no white space after the dot); "E. coli" neither (lower case
    # follows), so a capital initial or a number before the dot ends the sentence.
    word = re.search(r"([A-Za-z.]+)$", before)
    return not word or word.group(1).lower().rstrip(".") not in ABBREVIATIONS


def split_sentences(text):
    """Sentences of text as (begin, end) character offsets, trimmed, list markers left out."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        line_begin = pos
        pos += len(line) + 1
        stripped = line.lstrip()
        start = len(line) - len(stripped)
        m = LIST_MARKER.match(stripped)
        if m:
            start += m.end()
        piece_begin = start
        for m in SENTENCE_END.finditer(line, start):
            if ends_sentence(line, m.start()):
                spans.append((line_begin + piece_begin, line_begin + m.start() + 1))
                piece_begin = m.end()
                while piece_begin < len(line) and line[piece_begin].isspace():
                    piece_begin += 1
        spans.append((line_begin + piece_begin, line_begin + len(line)))
    out = []
    for b, e in spans:
        while b < e and text[b].isspace():
            b += 1
        while e > b and text[e - 1].isspace():
            e -= 1
        if len(text[b:e].split()) >= MIN_WORDS:
            out.append((b, e))
    return out


def byte_offset(text, char_offset):
    return len(text[:char_offset].encode("utf-8"))


def candidate_sentences(data_dir, model, file_name):
    """Every sentence of every chain of thought of the model in the file, in file order."""
    with open(os.path.join(data_dir, file_name), encoding="utf-8") as f:
        doc = json.load(f)
    out = []
    for question in doc["med_qa"]["test"]:
        for cot_index, entry in enumerate(question.get("generated_cot", [])):
            if not model_name(entry) or not entry.get("cot_trigger"):
                continue  # the ThoughtSource placeholders without a model or trigger
            cot = entry.get("cot") or ""
            for b, e in split_sentences(cot):
                out.append({
                    "model": model,
                    "file": file_name,
                    "question_id": question["id"],
                    "cot_index": cot_index,
                    "begin": byte_offset(cot, b),
                    "end": byte_offset(cot, e),
                    "text": cot[b:e],
                })
    return out


def draw(data_dir, per_model, seed=SEED, exclude=(), prefix="s"):
    """per_model sentences of each model; sentences already in an `exclude` file (same source
    and offsets) are never drawn again, so a fresh sample shares nothing with the tuned one."""
    taken = set()
    for path in exclude:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    s = json.loads(line)
                    taken.add((s["file"], s["question_id"], s["cot_index"], s["begin"]))
    rng = random.Random(seed)
    chosen = []
    for model, file_name in SOURCES:
        pool = [s for s in candidate_sentences(data_dir, model, file_name)
                if (s["file"], s["question_id"], s["cot_index"], s["begin"]) not in taken]
        picked = rng.sample(range(len(pool)), per_model)
        chosen.extend(pool[i] for i in sorted(picked))
    for n, s in enumerate(chosen, 1):
        s["id"] = "%s%03d" % (prefix, n)
    return chosen


def check(labelled_path, data_dir):
    """Every labelled sentence's text is still at its offsets in the data."""
    cots = {}
    for _, file_name in SOURCES:
        with open(os.path.join(data_dir, file_name), encoding="utf-8") as f:
            for q in json.load(f)["med_qa"]["test"]:
                for i, entry in enumerate(q.get("generated_cot", [])):
                    cots[(file_name, q["id"], i)] = (entry.get("cot") or "").encode("utf-8")
    bad = 0
    with open(labelled_path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            s = json.loads(line)
            cot = cots.get((s["file"], s["question_id"], s["cot_index"]))
            if cot is None or cot[s["begin"]:s["end"]].decode("utf-8") != s["text"]:
                print("%s: text not found at its source offsets" % s["id"], file=sys.stderr)
                bad += 1
    return bad


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_data = os.path.normpath(os.path.join(here, "..", "..", "..", "shared", "data", "outputs"))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=default_data, help="folder of the ThoughtSource files")
    ap.add_argument("--per-model", type=int, default=PER_MODEL)
    ap.add_argument("--out", help="JSONL file to write (default: standard output)")
    ap.add_argument("--check", metavar="LABELLED", help="verify a labelled file against the data")
    ap.add_argument("--seed", type=int, default=SEED, help="another seed draws another set")
    ap.add_argument("--exclude", action="append", default=[], metavar="LABELLED",
                    help="never draw a sentence of this labelled file (repeatable)")
    ap.add_argument("--id-prefix", default="s", help="ids are PREFIX001, PREFIX002, ...")
    args = ap.parse_args()
    if not os.path.isdir(args.data):
        sys.exit("data folder not found: %s" % args.data)
    if args.check:
        bad = check(args.check, args.data)
        print("%d sentence(s) not at their source offsets" % bad)
        return 1 if bad else 0
    sentences = draw(args.data, args.per_model, args.seed, args.exclude, args.id_prefix)
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    for s in sentences:
        out.write(json.dumps({k: s[k] for k in ("id", "model", "file", "question_id", "cot_index",
                                                   "begin", "end", "text")}, ensure_ascii=False) + "\n")
    if args.out:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
