#!/usr/bin/env python3
"""Scores the engine's claim extraction on the labelled sentences (issue 16).

Writes one generic-JSONL record per labelled sentence (the sentence is the whole model
output), runs `reasonscope analyze` on it with the Hetionet + Disease Ontology KG, reads the
claims from the --json document and matches them to the labels.

Matching (one-to-one, per sentence, greedy in label order):
  concept  An extracted head (tail) stands for a labelled phrase when a mention of that KG
           node in the sentence overlaps the phrase's span (widened over a bracketed gloss
           right after it), or when the node's name equals the phrase after normalisation
           (lower case, punctuation to spaces, plural -s off). An end with no KG concept
           (its "head_node"/"tail_node" is null: a noun phrase of the sentence) stands for
           the labelled phrase when its own span overlaps the phrase's (widened the same
           way), or when its text equals the phrase after normalisation.
  strict   both concepts match in the relation's direction, the relations are the same or
           compatible (COMPATIBLE below), and the polarity is the same.
  relaxed  both concepts match in either order and the polarity is the same; the relation
           is ignored.
  pair     both concepts match in either order; relation and polarity ignored.
Precision = matched extracted claims / extracted claims; recall = matched labelled claims /
labelled claims. Sentences labelled with no claim count for precision only.

Usage:
  score_extraction.py [--binary PATH] [--data DIR] [--work DIR] [--list] [--labels FILE]
                      [--min-precision P] [--min-recall R] [--skip-without-data]
  score_extraction.py --from-json out.json [--list]     (score an earlier run's --json)

Standard library only.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_LABELS = os.path.join(HERE, "sentences-v1.jsonl")
DEFAULT_DATA = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "data"))
DEFAULT_BINARY = "/work/main/build/app/reasonscope"
KG_FILES = ["kg/hetionet-nodes.tsv", "kg/hetionet-edges-5k.sif.gz", "kg/do-disease-symptom.tsv",
            "kg/do-HumanDO.tsv"]

# Relations that say the same thing. Same direction: the labelled (h, r, t) matches an
# extracted (h, r2, t). Reversed: it matches an extracted (t, r2, h).
SAME_DIRECTION = {
    frozenset(["evidential", "indicates"]),
    frozenset(["causes", "presents_with"]),      # "classically causes" reads as presents_with
    frozenset(["risk_factor_for", "causes"]),
    frozenset(["treats", "prevents"]),
}
REVERSED = {
    frozenset(["evidential", "presents_with"]),  # finding -> disease vs disease -> finding
    frozenset(["indicates", "presents_with"]),
    frozenset(["evidential", "causes"]),
    frozenset(["indicates", "causes"]),
}
SYMMETRIC = {"associated_with", "resembles"}
COMPATIBLE = "same; " + ", ".join(sorted("/".join(sorted(p)) for p in SAME_DIRECTION)) + \
             "; reversed " + ", ".join(sorted("/".join(sorted(p)) for p in REVERSED))

CAUSAL = re.compile(r"\b(due to|because|secondary to|as a result|caused by|leading to|lead(s)? to|led to|"
                    r"result(s|ing)? in|causing|explain\w*|contribut\w* to)\b", re.I)
EXAMPLES = re.compile(r"\b(such as|including|like)\b", re.I)
RELATIVE = re.compile(r"\b(which|that|who|where)\b", re.I)
ANAPHORA = re.compile(r"^\W*(\)|:|-|\u2013)?\s*(this|these|it)\b|[:\-\u2013]\s*(this|these|it)\b", re.I)
APPOSITION = re.compile(r"^\s*[,(:\-\u2013]\s*(a|an)\s", re.I)
COPULA = re.compile(r"\b(is|are|was|were)\b", re.I)
EVIDENTIAL_REL = {"evidential", "indicates"}
# A miss's first pattern in this order is its primary one: the construction that puts the
# two concepts out of a single cue's reach comes before what the relation is.
PATTERN_ORDER = ["option anaphora (X: This ...)", "relative clause", "apposition", "causal clause",
                 "examples (Y such as X)", "coordination", "evidential", "copular", "long gap (>9 words)"]


def norm(s):
    words = re.sub(r"[^0-9a-z]+", " ", s.lower()).split()
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)


GLOSS = re.compile(rb"^\s*\([^()]*\)")


def load_labels(path):
    """The labelled sentences; each claim's head_span/tail_span is widened over a gloss in
    brackets right after it ("pelvic inflammatory disease (PID)", "pruritic skin lesions
    (dermatitis herpetiformis)"): the engine may link either name of the concept."""
    with open(path, encoding="utf-8") as f:
        sentences = [json.loads(line) for line in f if line.strip()]
    for s in sentences:
        text = s["text"].encode("utf-8")
        for c in s["claims"]:
            for k in ("head_span", "tail_span"):
                b, e = c[k]
                m = GLOSS.match(text[e:])
                c[k] = [b, e + m.end()] if m else [b, e]
    return sentences


def write_input(sentences, path):
    with open(path, "w", encoding="utf-8") as f:
        for s in sentences:
            f.write(json.dumps({"id": s["id"], "model": s["model"], "run": "extraction-set",
                                "question": "(one sentence of a chain of thought; question not given)",
                                "output": s["text"]}, ensure_ascii=False) + "\n")


def run_engine(binary, data, work, sentences):
    for rel in KG_FILES:
        if not os.path.exists(os.path.join(data, rel)):
            sys.exit("KG file not found: %s" % os.path.join(data, rel))
    if not os.access(binary, os.X_OK):
        sys.exit("engine binary not found or not executable: %s" % binary)
    os.makedirs(work, exist_ok=True)
    inp = os.path.join(work, "sentences-input.jsonl")
    project = os.path.join(work, "sentences.rsproj")
    out = os.path.join(work, "sentences-analysis.json")
    for p in (project, project + "-wal", project + "-shm", out):
        if os.path.exists(p):
            os.remove(p)  # a project file accumulates runs; each scoring starts clean
    write_input(sentences, inp)
    cmd = [binary, "analyze", "--quiet", "--input", inp, "--project", project, "--json", out]
    for rel in KG_FILES:
        cmd[2:2] = ["--kg", os.path.join(data, rel)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)  # its summary is not ours
    return out


def read_analysis(json_path):
    """The --json document, its claims by case id (each with 'head_spans'/'tail_spans': the
    spans of mentions of that node inside the claim's sentence, or for an end with no KG
    concept its own span; and 'unlinked': how many ends have none) and its mention spans by id."""
    with open(json_path, encoding="utf-8") as f:
        doc = json.load(f)
    out = {}
    mention_spans = {}
    for case in doc["cases"]:
        mention_spans[case["id"]] = [tuple(m["span"]) for m in case.get("mentions", [])]
        mentions = collections.defaultdict(list)
        for m in case.get("mentions", []):
            mentions[m["node"]].append(tuple(m["span"]))
        claims = []
        for c in case.get("claims", []):
            b, e = c["span"]
            within = lambda spans: [s for s in spans if s[0] >= b and s[1] <= e]
            ends = {}
            unlinked = 0
            for k in ("head", "tail"):
                # A file written before unlinked ends has no "<end>_node": the end is linked.
                if c.get(k + "_node", c[k]) is None:
                    unlinked += 1
                    ends[k + "_spans"] = [tuple(c[k + "_span"])] if k + "_span" in c else []
                else:
                    ends[k + "_spans"] = within(mentions[c[k]])
            claims.append(dict(c, unlinked=unlinked, **ends))
        out[case["id"]] = claims
    return doc, out, mention_spans


def concept_matches(name, spans, phrase, phrase_span):
    if any(s[0] < phrase_span[1] and phrase_span[0] < s[1] for s in spans):
        return True
    return norm(name) == norm(phrase)


def end_text(claim, end):
    """An end as listed: the KG concept's name, or [the phrase] when it has none."""
    return "[%s]" % claim[end] if claim.get(end + "_node", claim[end]) is None else claim[end]


def pair_orientation(label, claim):
    """'forward' if claim (head, tail) stands for label (head, tail), 'reverse' if swapped, or None."""
    hh = concept_matches(claim["head"], claim["head_spans"], label["head"], label["head_span"])
    tt = concept_matches(claim["tail"], claim["tail_spans"], label["tail"], label["tail_span"])
    if hh and tt:
        return "forward"
    ht = concept_matches(claim["head"], claim["head_spans"], label["tail"], label["tail_span"])
    th = concept_matches(claim["tail"], claim["tail_spans"], label["head"], label["head_span"])
    return "reverse" if ht and th else None


def strict_ok(label, claim, orientation):
    a, b = label["relation"], claim["relation"]
    if a == b and a in SYMMETRIC:
        return True
    if orientation == "forward":
        return a == b or frozenset([a, b]) in SAME_DIRECTION
    return frozenset([a, b]) in REVERSED


def match(labels, claims, level):
    """Greedy one-to-one matching of a sentence's labels and claims; returns (label->claim)."""
    used = set()
    pairs = {}
    for i, lab in enumerate(labels):
        for j, cl in enumerate(claims):
            if j in used:
                continue
            o = pair_orientation(lab, cl)
            if o is None:
                continue
            if level != "pair" and lab["polarity"] != cl["polarity"]:
                continue
            if level == "strict" and not strict_ok(lab, cl, o):
                continue
            pairs[i] = j
            used.add(j)
            break
    return pairs


def miss_reasons(sentence, label, claims, mentions_by_span):
    """Why a labelled claim was not extracted: linking first, then the sentence pattern."""
    def linked(span):
        return any(s[0] < span[1] and span[0] < s[1] for s in mentions_by_span)
    unlinked = [k for k in ("head", "tail") if not linked(label[k + "_span"])]
    for cl in claims:
        o = pair_orientation(label, cl)
        if o is not None:
            if label["polarity"] != cl["polarity"]:
                return ["polarity %s->%s" % (label["polarity"], cl["polarity"])]
            return ["relation %s->%s" % (label["relation"], cl["relation"])]
    text = sentence["text"].encode("utf-8")
    spans = sorted([label["head_span"], label["tail_span"]])
    between = text[spans[0][1]:spans[1][0]].decode("utf-8", "replace")
    tags = []
    same_rel = [c for c in sentence["claims"] if c is not label and c["relation"] == label["relation"]]
    if any(c["head"] == label["head"] for c in same_rel) or any(c["tail"] == label["tail"] for c in same_rel):
        tags.append("coordination")
    if label["relation"] in EVIDENTIAL_REL:
        tags.append("evidential")
    if ANAPHORA.search(between):
        tags.append("option anaphora (X: This ...)")
    if APPOSITION.search(between):
        tags.append("apposition")
    if EXAMPLES.search(between):
        tags.append("examples (Y such as X)")
    if RELATIVE.search(between):
        tags.append("relative clause")
    if CAUSAL.search(between):
        tags.append("causal clause")
    if COPULA.search(between):
        tags.append("copular")
    if len(between.split()) > 9:
        tags.append("long gap (>9 words)")
    tags = sorted(tags, key=PATTERN_ORDER.index) if tags else ["other"]
    return (["unlinked " + "+".join(unlinked)] if unlinked else []) + tags


def score(sentences, extracted, mention_spans, show_list):
    matched = {lvl: 0 for lvl in ("strict", "relaxed", "pair")}  # one-to-one: labels = claims
    by_model = collections.defaultdict(lambda: [0, 0, 0])  # labels, claims, strict matches
    n_labels = sum(len(s["claims"]) for s in sentences)
    n_claims = 0
    miss_tags = collections.Counter()
    miss_primary = collections.Counter()
    miss_pattern = collections.Counter()         # both concepts linked
    miss_pattern_unlinked = collections.Counter()  # a concept not linked
    false_rel = collections.Counter()
    missing_cases = 0
    by_relation = collections.defaultdict(lambda: [0, 0])  # labelled, strictly matched
    by_ends = collections.defaultdict(lambda: [0, 0])  # unlinked ends (0-2): claims, strict matches
    by_pattern = collections.defaultdict(lambda: [0, 0])  # claims' pattern: claims, strict matches
    listing = []
    for s in sentences:
        if s["id"] not in extracted:
            missing_cases += 1
        claims = extracted.get(s["id"], [])
        n_claims += len(claims)
        results = {lvl: match(s["claims"], claims, lvl) for lvl in matched}
        for lvl, pairs in results.items():
            matched[lvl] += len(pairs)
        m = by_model[s["model"]]
        m[0] += len(s["claims"])
        m[1] += len(claims)
        m[2] += len(results["strict"])
        strict = results["strict"]
        for i, lab in enumerate(s["claims"]):
            by_relation[lab["relation"]][0] += 1
            if i in strict:
                by_relation[lab["relation"]][1] += 1
                continue
            reasons = miss_reasons(s, lab, claims, mention_spans.get(s["id"], []))
            miss_primary[reasons[0].split(" ")[0] if reasons[0].startswith(("unlinked", "polarity", "relation"))
                         else "no claim"] += 1
            for r in reasons:
                miss_tags[r] += 1
            if reasons[0].startswith("unlinked"):
                miss_pattern_unlinked[reasons[1]] += 1
            elif not reasons[0].startswith(("polarity", "relation")):
                miss_pattern[reasons[0]] += 1
            listing.append("MISS  %s  (%s, %s, %s, %s)  [%s]\n      %s" % (
                s["id"], lab["head"], lab["relation"], lab["tail"], lab["polarity"], "; ".join(reasons), s["text"]))
        strict_claims = set(strict.values())
        for j, cl in enumerate(claims):
            # Claims of an engine before patterns were recorded have none: "?".
            pattern = cl.get("pattern", "?")
            by_ends[cl["unlinked"]][0] += 1
            by_pattern[pattern][0] += 1
            if j in strict_claims:
                by_ends[cl["unlinked"]][1] += 1
                by_pattern[pattern][1] += 1
                continue
            false_rel[cl["relation"]] += 1
            listing.append("FALSE %s  (%s, %s, %s, %s) cue '%s' pattern %s%s\n      %s" % (
                s["id"], end_text(cl, "head"), cl["relation"], end_text(cl, "tail"), cl["polarity"], cl["cue"],
                pattern,
                "" if s["claims"] else "  [sentence has no labelled claim]", s["text"]))

    def pct(a, b):
        return "%.1f%%" % (100.0 * a / b) if b else "n/a"

    print("sentences %d (%d with labelled claims), labelled claims %d, extracted claims %d" % (
        len(sentences), sum(1 for s in sentences if s["claims"]), n_labels, n_claims))
    if missing_cases:
        print("WARNING: %d sentence(s) have no case in the engine's output" % missing_cases)
    print("claims per sentence: labelled %.2f, extracted %.2f" % (
        n_labels / len(sentences), n_claims / len(sentences)))
    print("%-8s %10s %10s %8s" % ("match", "precision", "recall", "matched"))
    for lvl, n in matched.items():
        print("%-8s %10s %10s %8d" % (lvl, pct(n, n_claims), pct(n, n_labels), n))
    for model, (nl, nc, ms) in sorted(by_model.items()):
        print("  %-14s labelled %3d extracted %3d strict matches %3d: precision %s recall %s" % (
            model, nl, nc, ms, pct(ms, nc), pct(ms, nl)))
    print("extracted claims by unlinked ends (strict-matched/all): " + ", ".join(
        "%d: %d/%d (precision %s)" % (k, m, n, pct(m, n)) for k, (n, m) in sorted(by_ends.items())))
    print("extracted claims by pattern (strict-matched/all): " + ", ".join(
        "%s %d/%d (precision %s)" % (k, m, n, pct(m, n))
        for k, (n, m) in sorted(by_pattern.items(), key=lambda kv: -kv[1][0])))
    print("recall by labelled relation (strict): " + ", ".join(
        "%s %d/%d" % (r, m, n) for r, (n, m) in sorted(by_relation.items(), key=lambda kv: -kv[1][0])))
    print("compatible relations (strict): %s; %s either way" % (COMPATIBLE, "/".join(sorted(SYMMETRIC))))
    print("misses (strict) by cause: " + ", ".join("%s %d" % kv for kv in miss_primary.most_common()))
    print("misses with both concepts linked and no claim, by primary pattern: " +
          ", ".join("%s %d" % kv for kv in miss_pattern.most_common()))
    print("misses with a concept not linked, by primary pattern: " +
          ", ".join("%s %d" % kv for kv in miss_pattern_unlinked.most_common()))
    print("misses by pattern (a miss can have several): " + ", ".join("%s %d" % kv for kv in miss_tags.most_common()))
    print("false extractions by relation: " + (", ".join("%s %d" % kv for kv in false_rel.most_common()) or "none"))
    if show_list:
        print()
        print("\n".join(listing))
    return {"precision": matched["strict"] / n_claims if n_claims else 0.0,
            "recall": matched["strict"] / n_labels if n_labels else 0.0}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=DEFAULT_BINARY, help="reasonscope executable (default %(default)s)")
    ap.add_argument("--data", default=DEFAULT_DATA, help="the shared data folder holding kg/ (default %(default)s)")
    ap.add_argument("--work", help="folder for the input, project and JSON files (default: a temporary folder)")
    ap.add_argument("--labels", default=DEFAULT_LABELS, help="labelled sentences (default %(default)s)")
    ap.add_argument("--from-json", help="score this earlier --json output instead of running the engine")
    ap.add_argument("--list", action="store_true", help="print every miss and false extraction")
    ap.add_argument("--min-precision", type=float, help="fail (exit 1) below this strict precision (0-1)")
    ap.add_argument("--min-recall", type=float, help="fail (exit 1) below this strict recall (0-1)")
    ap.add_argument("--skip-without-data", action="store_true",
                    help="exit 77 (a skipped test) when the KG files are not there")
    args = ap.parse_args()
    if args.skip_without_data and not args.from_json and not all(
            os.path.exists(os.path.join(args.data, rel)) for rel in KG_FILES):
        print("SKIP: shared data not available under %s" % args.data)
        return 77
    sentences = load_labels(args.labels)
    if args.from_json:
        json_path = args.from_json
    else:
        work = args.work or tempfile.mkdtemp(prefix="rs-extraction-")
        json_path = run_engine(args.binary, args.data, work, sentences)
    doc, extracted, mention_spans = read_analysis(json_path)
    print("engine: %s; analysis: %s" % (doc.get("generator", "?"), json_path))
    figures = score(sentences, extracted, mention_spans, args.list)
    failed = False
    for key, floor in (("precision", args.min_precision), ("recall", args.min_recall)):
        if floor is not None and figures[key] < floor:
            print("FAIL: strict %s %.3f is below the floor %.3f" % (key, figures[key], floor))
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
