#!/usr/bin/env python3
"""Unit tests of the development-set scripts on hand-made --json documents."""
import io
import json
import os
import subprocess
import sys
import tempfile
import unittest
from contextlib import redirect_stdout

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import devset_common as common  # noqa: E402
import finding_precision as fp  # noqa: E402


def finding(type_, subtype, nodes, step=0):
    return {"type": type_, "subtype": subtype, "nodes": nodes, "step": step,
            "span": [0, 0], "explanation": "x", "severity": "minor"}


def case(run, qid, correct, findings, model="m"):
    return {"run": run, "model": model, "question_id": qid, "id": qid, "correct": correct,
            "prediction": "A", "gold": "A" if correct else "B", "findings": findings,
            "source": {"file": "absent.json", "record": 0}}


def labelled(run, qid, type_, subtype, nodes, label, step=0):
    return {"run": run, "question_id": qid, "type": type_, "class": type_,
            "subtype": subtype, "nodes": nodes, "step": step, "label": label}


class MatchKeyTest(unittest.TestCase):
    def test_node_order_and_case_do_not_matter(self):
        a = labelled("r", "q", "relation", "unsupported", ["Asthma", "cough"], "real")
        b = labelled("r", "q", "relation", "unsupported", ["COUGH", "asthma"], "real", step=4)
        self.assertEqual(common.match_key(a), common.match_key(b))

    def test_run_question_type_subtype_and_nodes_do_matter(self):
        base = labelled("r", "q", "relation", "unsupported", ["a", "b"], "real")
        for field, value in (("run", "r2"), ("question_id", "q2"), ("type", "missing"),
                             ("subtype", "wrong_relation"), ("nodes", ["a", "c"])):
            other = dict(base, **{field: value})
            self.assertNotEqual(common.match_key(base), common.match_key(other), field)


class PairingTest(unittest.TestCase):
    def test_gone_remaining_and_new(self):
        labels = [labelled("r", "q1", "relation", "unsupported", ["a", "b"], "false_alarm"),
                  labelled("r", "q1", "missing", "ignored_evidence", ["c", "d"], "real"),
                  labelled("r", "q2", "branch", "jump", ["e", "f", "g"], "debatable")]
        doc = {"cases": [
            case("r", "q1", True, [finding("relation", "unsupported", ["B", "A"], step=3),
                                   finding("relation", "unsupported", ["x", "y"])]),
            case("r", "q2", False, [finding("branch", "jump", ["e", "f", "h"])]),
        ]}
        remaining, gone, new = fp.pair_findings(labels, doc)
        self.assertEqual([old["nodes"] for old, _ in remaining], [["a", "b"]])
        self.assertEqual(sorted(g["type"] for g in gone), ["branch", "missing"])
        self.assertEqual(sorted(tuple(n["nodes"]) for n in new), [("e", "f", "h"), ("x", "y")])

    def test_same_key_pairs_in_step_order(self):
        labels = [labelled("r", "q", "relation", "unsupported", ["a", "b"], "real", step=5),
                  labelled("r", "q", "relation", "unsupported", ["a", "b"], "false_alarm",
                           step=1)]
        doc = {"cases": [case("r", "q", True,
                              [finding("relation", "unsupported", ["a", "b"], step=6)])]}
        remaining, gone, new = fp.pair_findings(labels, doc)
        self.assertEqual(remaining[0][0]["label"], "false_alarm")
        self.assertEqual([g["label"] for g in gone], ["real"])
        self.assertEqual(new, [])

    def test_unnamed_model_runs_are_ignored(self):
        doc = {"cases": [case(common.UNNAMED_RUN, "q", None,
                              [finding("missing", "ignored_evidence", ["a", "b"])], model="")]}
        self.assertEqual(fp.pair_findings([], doc), ([], [], []))


class PrecisionTest(unittest.TestCase):
    def test_strict_and_without_debatable(self):
        strict, lenient = fp.precision({"real": 3, "false_alarm": 1, "debatable": 4})
        self.assertAlmostEqual(strict, 3 / 8)
        self.assertAlmostEqual(lenient, 3 / 4)
        self.assertEqual(fp.precision({}), (None, None))


class SamplingTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        cases = []
        for i in range(30):
            cases.append(case("gpt", f"q{i}", i % 2 == 0, [
                finding("relation", "unsupported", [f"a{i}", f"b{i}"]),
                finding("missing", "ignored_evidence", [f"c{i}", f"d{i}"])]))
        cases.append(case(common.UNNAMED_RUN, "q0", None,
                          [finding("relation", "unsupported", ["u", "v"])], model=""))
        self.json = os.path.join(self.dir.name, "out.json")
        with open(self.json, "w") as f:
            json.dump({"runs": [], "cases": cases}, f)

    def tearDown(self):
        self.dir.cleanup()

    def sample(self, name, seed, *extra):
        out = os.path.join(self.dir.name, name)
        subprocess.run([sys.executable, os.path.join(HERE, "sample_findings.py"), "--json",
                        self.json, "--seed", str(seed), "--per-class", "10", "--out", out,
                        *extra], check=True, capture_output=True)
        return common.read_jsonl(out)

    def test_fixed_seed_gives_the_same_sample(self):
        first = self.sample("a.jsonl", 7)
        self.assertEqual(first, self.sample("b.jsonl", 7))
        self.assertEqual(sum(i["class"] == "relation" for i in first), 10)
        self.assertEqual(sum(i["class"] == "missing" for i in first), 10)
        self.assertFalse(any(i["run"] == common.UNNAMED_RUN for i in first))

    def test_exclude_draws_only_unlabelled_findings(self):
        first = self.sample("a.jsonl", 7)
        path = os.path.join(self.dir.name, "a.jsonl")
        fresh = self.sample("c.jsonl", 8, "--exclude", path)
        taken = {common.match_key(i) for i in first}
        self.assertEqual(len(fresh), 40 - len(first))
        self.assertFalse(taken & {common.match_key(i) for i in fresh})


class CommittedLabelsTest(unittest.TestCase):
    def test_every_finding_is_labelled_with_a_reason(self):
        items = common.read_jsonl(os.path.join(HERE, "findings-v1.jsonl"))
        self.assertGreaterEqual(len(items), 150)
        for item in items:
            self.assertIn(item["label"], fp.LABELS)
            self.assertTrue(item["reason"].strip())
            if item["label"] == "false_alarm":
                self.assertTrue(item["cause"])
        keys = [(common.match_key(i), i["step"]) for i in items]
        self.assertEqual(len(keys), len(set(keys)))

    def test_report_prints_every_class(self):
        labels = common.read_jsonl(os.path.join(HERE, "findings-v1.jsonl"))
        out = io.StringIO()
        with redirect_stdout(out):
            fp.print_precision("t", labels)
        for cls in common.CLASSES:
            self.assertIn(cls, out.getvalue())


if __name__ == "__main__":
    unittest.main()
