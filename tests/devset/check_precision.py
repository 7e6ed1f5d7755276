#!/usr/bin/env python3
"""CTest devset_precision: run the engine on the ThoughtSource outputs the labelled sets were
drawn from, then keep each class's precision among the labelled findings that remain at
or above the level reached (finding_precision.py --min-precision CLASS=X).

  check_precision.py --cli reasonscope-cli --data-dir ../shared/data --work DIR \\
      --labels findings-v2.jsonl [CLASS=X ...] [--labels fresh-v2.jsonl [CLASS=X ...]]

Exits 77 (CTest's skip code) with the reason when the data folder is absent: a user's
machine does not have ../shared/data. Standard library only.
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KG = ["kg/hetionet-nodes.tsv", "kg/hetionet-edges-5k.sif.gz", "kg/do-disease-symptom.tsv",
      "kg/do-HumanDO.tsv"]
OUTPUTS = ["outputs/thoughtsource-medqa500-gpt-4.json",
           "outputs/thoughtsource-medqa500-gpt-3.5-turbo.json",
           "outputs/thoughtsource-medical-incorrect-annotated.json",
           # davinci-002 under five triggers, the fresh sample drawn after the 2026-12-06 tuning
           "outputs/real-formats/ts_med_qa-examples.json"]
SKIP = 77


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--labels", action="append", nargs="+", required=True,
                        metavar=("FILE", "CLASS=X"), help="labels file and its precision floors")
    args = parser.parse_args()
    missing = [p for p in KG + OUTPUTS if not os.path.exists(os.path.join(args.data_dir, p))]
    if missing:
        print(f"SKIP: {os.path.join(args.data_dir, missing[0])} is absent (../shared/data is not "
              "on this machine)")
        return SKIP
    os.makedirs(args.work, exist_ok=True)
    out = os.path.join(args.work, "devset-analysis.json")
    project = os.path.join(args.work, "devset-analysis.rsproj")
    for stale in (project, project + "-wal", project + "-shm"):
        if os.path.exists(stale):
            os.remove(stale)
    cmd = [args.cli, "analyze"]
    for p in KG:
        cmd += ["--kg", os.path.join(args.data_dir, p)]
    for p in OUTPUTS:
        cmd += ["--input", os.path.join(args.data_dir, p)]
    cmd += ["--project", project, "--json", out]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    status = 0
    for labels, *floors in args.labels:
        check = [sys.executable, "-B", os.path.join(HERE, "finding_precision.py"), "--labels",
                 labels, "--json", out]
        for floor in floors:
            check += ["--min-precision", floor]
        status |= subprocess.run(check).returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
