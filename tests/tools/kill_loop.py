#!/usr/bin/env python3
"""Kills `reasonscope analyze` with SIGKILL at random moments and checks the project file.

Each round starts an analysis of a multi-batch input into one project that already holds
finished runs, kills it after a random delay (anywhere from process start to just past the
time a whole analysis takes), then checks what a reader of the file would see:

- the file passes PRAGMA integrity_check and reasonscope opens it (`show`);
- every stored case has its analysis (no half-written case);
- a run marked complete has every record of its file; a run cut short is marked incomplete,
  and only the killed run may be;
- the finished runs from before are unchanged, case by case.

At the end the killed command runs once more to completion: the run becomes complete with
exactly one case per record (no duplicates from the earlier partial attempts).

CTest runs a few kills (label kill-loop); by hand: kill_loop.py --cli build/cli/reasonscope-cli --kills 100
The seed fixes the kill moments, so a failure can be replayed.
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time


def make_input(demo_outputs, path, cases):
    """The demo outputs repeated under new ids up to `cases` records (several batches)."""
    with open(demo_outputs, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    with open(path, "w", encoding="utf-8") as out:
        for i in range(cases):
            r = dict(records[i % len(records)])
            r["id"] = "%s-copy%d" % (r["id"], i)  # unique: a run keeps one case per id
            out.write(json.dumps(r) + "\n")


def run_digests(db):
    """label -> (complete, case count, digest of the run's cases and analyses)."""
    out = {}
    for run_id, label, complete in db.execute("SELECT id, label, complete FROM runs ORDER BY id"):
        h = hashlib.sha256()
        n = 0
        for key, analysis in db.execute(
                "SELECT c.case_key, a.json FROM cases c LEFT JOIN analyses a ON a.case_id = c.id "
                "WHERE c.run_id = ? ORDER BY c.case_key", (run_id,)):
            h.update(key.encode() + b"\0" + (analysis or "").encode() + b"\0")
            n += 1
        out[label] = (complete, n, h.hexdigest())
    return out


class Checker:
    def __init__(self, args, work, env):
        self.args, self.work, self.env = args, work, env
        self.project = os.path.join(work, "kill.rsproj")

    def analyze(self, inp, run, wait=True):
        cmd = [self.args.cli, "analyze", "--kg", self.args.kg, "--input", inp, "--run", run,
               "--project", self.project, "--threads", str(self.args.threads), "--quiet"]
        p = subprocess.Popen(cmd, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if wait:
            _, err = p.communicate()
            if p.returncode != 0:
                sys.exit("analyze %s failed (%d): %s" % (run, p.returncode, err.decode(errors="replace")))
        return p

    def check(self, expected, before, victim):
        """Problems found in the project after a kill, as text (empty: all good)."""
        problems = []
        shown = subprocess.run([self.args.cli, "show", "demo-q01-copy0", "--project", self.project,
                                "--run", "whole"], env=self.env, capture_output=True)
        if shown.returncode != 0:
            problems.append("reasonscope cannot open the project: " + shown.stderr.decode(errors="replace"))
        db = sqlite3.connect(self.project)
        try:
            ok = db.execute("PRAGMA integrity_check").fetchall()
            if ok != [("ok",)]:
                problems.append("integrity_check: %r" % ok[:5])
            half = db.execute("SELECT count(*) FROM cases c WHERE NOT EXISTS "
                              "(SELECT 1 FROM analyses a WHERE a.case_id = c.id)").fetchone()[0]
            if half:
                problems.append("%d stored case(s) without their analysis" % half)
            now = run_digests(db)
        finally:
            db.close()
        for label, (complete, n, _) in now.items():
            if complete and n != expected[label]:
                problems.append("run %s marked complete with %d of %d cases" % (label, n, expected[label]))
            if not complete and label != victim:
                problems.append("run %s, not the killed one, is marked incomplete" % label)
        for label, state in before.items():
            if label != victim and now.get(label) != state:
                problems.append("earlier run %s changed: %r -> %r" % (label, state, now.get(label)))
        return problems, now.get(victim)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    resources = os.path.join(here, "..", "..", "resources")
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cli", required=True, help="reasonscope-cli (or reasonscope)")
    ap.add_argument("--kills", type=int, default=10)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--cases", type=int, default=1300, help="records in the killed input")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--kg", default=os.path.join(resources, "demo", "kg", "demo-kg.tsv"))
    ap.add_argument("--outputs", default=os.path.join(resources, "demo", "outputs", "demo-outputs.jsonl"))
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    args = ap.parse_args()
    args.cli = os.path.abspath(args.cli)

    work = tempfile.mkdtemp(prefix="rs-kill-loop-")
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache"),
               XDG_DATA_HOME=os.path.join(work, "data"))
    rng = random.Random(args.seed)
    c = Checker(args, work, env)
    big = os.path.join(work, "outputs.jsonl")
    make_input(args.outputs, big, args.cases)
    expected = {"whole": args.cases, "victim": args.cases}

    # Finished runs first; the time of a whole analysis bounds the kill moments. The KG
    # cache is written in the first; later kills may land while it is being read.
    c.analyze(args.outputs, "demo")
    db = sqlite3.connect(c.project)
    # The demo repeats question ids across its models, so the run holds fewer cases than lines.
    expected["demo"] = run_digests(db)["demo"][1]
    db.close()
    start = time.monotonic()
    c.analyze(big, "whole")
    whole_seconds = time.monotonic() - start
    db = sqlite3.connect(c.project)
    before = run_digests(db)
    db.close()
    print("baseline: whole analysis of %d cases takes %.1f s" % (args.cases, whole_seconds))

    outcomes = {"absent": 0, "incomplete": 0, "complete": 0}
    failures = 0
    for i in range(args.kills):
        delay = rng.uniform(0.0, whole_seconds * 1.1)
        p = c.analyze(big, "victim", wait=False)
        time.sleep(delay)
        p.send_signal(signal.SIGKILL)
        p.communicate()
        problems, victim = c.check(expected, before, "victim")
        state = "absent" if victim is None else ("complete" if victim[0] else "incomplete")
        outcomes[state] += 1
        print("kill %3d after %5.2f s: victim run %s%s" % (
            i + 1, delay, state, "" if victim is None else " (%d cases)" % victim[1]))
        for pr in problems:
            print("   PROBLEM: " + pr)
        failures += bool(problems)

    # The same command again completes the run, without duplicates.
    c.analyze(big, "victim")
    problems, victim = c.check(expected, before, "victim")
    if victim is None or not victim[0] or victim[1] != args.cases:
        problems.append("re-running did not complete the killed run: %r" % (victim,))
    for pr in problems:
        print("   PROBLEM after re-running: " + pr)
    failures += bool(problems)

    print("%d kills: %d before the run was stored, %d incomplete, %d complete; %d with problems"
          % (args.kills, outcomes["absent"], outcomes["incomplete"], outcomes["complete"], failures))
    if args.keep or failures:
        print("work folder kept: " + work)
    else:
        shutil.rmtree(work)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
