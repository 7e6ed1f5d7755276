"""Keys and readers shared by the development-set scripts (standard library only)."""
import ast
import json

CLASSES = ("relation", "branch", "missing")
UNNAMED_RUN = "unnamed-model"


def is_model_run(case):
    """True for a case of a named model; ThoughtSource critiques have no model."""
    return bool(case.get("model")) and case.get("run") != UNNAMED_RUN


def finding_key(case, finding):
    """The fields that identify one finding across engine versions and for a reader."""
    return {
        "run": case.get("run"),
        "model": case.get("model"),
        "question_id": case.get("question_id"),
        "type": finding.get("type"),
        "subtype": finding.get("subtype"),
        "nodes": list(finding.get("nodes", [])),
        "step": finding.get("step", -1),
    }


def match_key(item):
    """Matching rule: same run, question, class, subtype and set of node names.

    Node names compare case-insensitively and as a set, so a later engine that reorders
    the nodes or changes their capitalisation still matches. The step index is NOT in the
    key (a changed segmentation would otherwise lose every label); when several findings
    share a key, they are paired in step order (see pair_findings).
    """
    nodes = tuple(sorted({str(n).strip().lower() for n in item.get("nodes", [])}))
    return (item.get("run"), item.get("question_id"), item.get("type"),
            item.get("subtype"), nodes)


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def cot_model_name(generated):
    """ThoughtSource stores the model as a Python-dict string: "{'name': 'gpt-4', ...}"."""
    model = generated.get("model", "")
    if isinstance(model, dict):
        return model.get("name", "")
    try:
        value = ast.literal_eval(model)
        if isinstance(value, dict):
            return value.get("name", "")
    except (ValueError, SyntaxError):
        pass
    return str(model)


def thoughtsource_index(doc):
    """ThoughtSource records by their id ("med_qa_test_4"), all datasets and splits."""
    index = {}
    for dataset in doc.values():
        for split in dataset.values():
            for record in split:
                index[record.get("id")] = record
    return index
