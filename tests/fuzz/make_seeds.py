#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (tests/fuzz/corpus/<target>/) that are text
or simple binary: small, hand-made inputs of every format a reader accepts, so a fuzzer
starts inside each format instead of guessing its syntax. The KG cache, project file and
PNG/JPEG seeds come from fuzz_make_seeds (make_seeds.cpp). Run from anywhere; it rewrites
only the files it owns."""
import gzip
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")


def put(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def jsonl(*records):
    return "".join(json.dumps(r) + "\n" for r in records)


GENERIC = jsonl(
    {"id": "a", "question": "A 58-year-old man has chest pain. Diagnosis?",
     "options": {"A": "Pericarditis", "B": "Myocardial infarction"}, "gold": "B",
     "model": "m", "run": "m/zero-shot", "output": "ST elevation suggests infarction. Answer: B",
     "prediction": "B", "question_id": "q1", "meta": {"temperature": 0},
     "gold_path": [{"head": "aspirin", "relation": "treats", "tail": "infarction"}]},
    {"id": "b", "question": "q", "options": ["x", "y"], "gold": "x", "output": "so (A)"},
    {"id": "c", "question": "q", "output": "o", "images": [
        {"path": "a.png", "modality": "CR",
         "boxes": [{"label": "Nodule", "x": 1, "y": 2, "w": 3, "h": 4}]}]},
)
THOUGHTSOURCE = json.dumps({"med_qa": {"test": [
    {"id": "1", "question": "Which drug?", "type": "multiplechoice",
     "choices": ["Insulin", "Metformin"], "answer": ["Metformin"],
     "generated_cot": [
         {"id": "c1", "cot": "Metformin is first line.", "model": "{'name': 'gpt-4'}",
          "cot_trigger": "kojima-01", "answers": [
              {"answer": "B) Metformin.", "answer_from_choices": "B", "correct_answer": True}],
          "annotations": [{"key": "preferred", "value": True}]}]},
    {"id": "2", "question": "Q2", "choices": ["a", "b"], "answer": ["a"], "generated_cot": []}]}})
LMEVAL = jsonl(
    {"doc_id": 0, "doc": {"question": "Which?", "options": {"A": "x", "B": "y"}, "answer_idx": "A"},
     "target": "A", "arguments": [["Q: Which?", {"until": ["\n"]}]],
     "resps": [["The answer is (A)"]], "filtered_resps": ["A"], "exact_match": 1.0},
    {"doc_id": 1, "doc": {"question": "q", "opa": "a", "opb": "b", "cop": 1}, "target": 1,
     "resps": [[["-1.5", False]], [["-0.2", True]]], "filtered_resps": [["-1.5", False], ["-0.2", True]],
     "acc": 0.0},
)
CHAT = {"id": "chatcmpl-1", "object": "chat.completion", "model": "gpt-4o",
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": "Answer: B", "refusal": None}}]}
BATCH = jsonl(
    {"id": "batch_req_1", "custom_id": "a", "response": {"status_code": 200, "request_id": "r",
                                                       "body": CHAT}, "error": None},
    {"id": "batch_req_2", "custom_id": "b", "response": None,
     "error": {"code": "rate_limit", "message": "slow down"}},
)
CHAT_JSONL = jsonl(dict(CHAT, custom_id="a"), dict(CHAT, custom_id="b", choices=[]))

put("output_import", "generic.jsonl", GENERIC)
put("output_import", "generic.jsonl.gz", gzip.compress(GENERIC.encode(), mtime=0))
put("output_import", "thoughtsource.json", THOUGHTSOURCE)
put("output_import", "lmeval.jsonl", LMEVAL)
put("output_import", "openai-batch.jsonl", BATCH)
put("output_import", "openai-chat.jsonl", CHAT_JSONL)

put("field_mapping", "array.txt",
    "question=Question,output=Complex_CoT,gold=answer_idx,options=options,id=qid\n" +
    json.dumps([{"qid": 1, "Question": "q", "Complex_CoT": "c", "answer_idx": "A",
                 "options": {"A": "x", "B": "y"}}]))
put("field_mapping", "nested.txt",
    "question=input.q,output=choices.0.message.content,id=meta.id,model=m,run=r\n" +
    jsonl({"input": {"q": "q"}, "choices": [{"message": {"content": "o"}}], "meta": {"id": "x"},
           "m": "gpt", "r": "run1"},
          {"input": {"q": "q2"}, "choices": [], "meta": {"id": "y"}}))
put("field_mapping", "dotted-key.txt", "question=a.b,output=c\n" + jsonl({"a.b": "q", "c": "o"}))

put("nih_boxes", "bbox.csv",
    "Image Index,Finding Label,Bbox [x,y,w,h],,,\n"
    "00013118_008.png,Atelectasis,225.08,547.02,86.78,79.18\n"
    "00014716_007.png,Nodule,100,100,20.5,30\n"
    "a.png,Mass,1e2,2E1,3,4\r\n")

put("kg_hetionet_nodes", "nodes.tsv",
    "id\tname\tkind\nDisease::DOID:9352\ttype 2 diabetes mellitus\tDisease\n"
    "Compound::DB00331\tMetformin\tCompound\nGene::7097\tTLR2\tGene\n"
    "Symptom::D005334\tFever\tSymptom\n")
put("kg_hetionet_edges", "edges.sif",
    "source\tmetaedge\ttarget\nCompound::DB00945\tCtD\tDisease::DOID:9352\n"
    "Disease::DOID:9352\tDpS\tSymptom::D005334\nGene::7097\tGiG\tGene::7097\n")
put("kg_hetionet_edges", "headerless.sif.gz",
    gzip.compress(b"Disease::DOID:9352\tDpS\tSymptom::D005334\nCompound::DB00945\tCpD\tDisease::DOID:9352\n", mtime=0))
put("kg_do_symptoms", "do-symptoms.tsv",
    "disease_id\tdisease_label\tsymptom_id\tsymptom_label\n"
    "DOID:1205\tallergic disease\tSYMP:0000900\tallergic reaction\n"
    "DOID:9352\ttype 2 diabetes mellitus\tSYMP:0000001\tpolyuria\n")
put("kg_do_hierarchy", "humando.tsv",
    "id\tlabel\tsubClassOf\n"
    "\"DOID:4\"\t\"disease\"\t\"\"\n"
    "\"DOID:9351\"\t\"diabetes mellitus\"\t\"disease\"\n"
    "\"DOID:9352\"\t\"type 2 diabetes mellitus\"\t\"diabetes mellitus\"\n"
    "\"DOID:1\"\t\"a, \"\"quoted\"\" name\"\t\"diabetes mellitus\"\n")
put("kg_primekg", "kg.csv",
    "relation,display_relation,x_index,x_id,x_type,x_name,x_source,y_index,y_id,y_type,y_name,y_source\n"
    "indication,indication,1,DB00945,drug,Aspirin,DrugBank,2,5044,disease,\"fever, unspecified\",MONDO_grouped\n"
    "disease_phenotype_positive,phenotype present,2,5044,disease,fever,MONDO,3,0001945,effect/phenotype,Fever,HPO\n"
    "protein_protein,ppi,4,7097,gene/protein,TLR2,NCBI,5,7099,gene/protein,TLR4,NCBI\n")
put("kg_triples", "triples.tsv",
    "head\thead_kind\trelation\ttail\ttail_kind\n"
    "coronary artery disease\tDisease\tpresents\tChest Pain\tSymptom\n"
    "Acetylsalicylic acid\tCompound\ttreats\tcoronary artery disease\tDisease\n")
put("kg_triples", "triples-ids.csv",
    "head_id,head,relation,tail,tail_id\nX:1,a,Associated  With,b,X:2\nX:2,b,is a,\"c, d\",X:3\n")

FILTERS = [
    'run="demo-model-b 2024-06" class=relation review=unreviewed',
    "correct=no class=branch class=missing subtype=wrong_branch",
    'search="chest pain" case=1,2,3 pattern="relation|Compound|treats|Disease"',
    'run=demo-model-a correct=unscored review=confirmed run="quote\\"and\\\\slash"',
]
for i, f in enumerate(FILTERS):
    put("case_filter", f"filter{i}.txt", f)

# case_result: the smallest analysed demo cases, taken from `reasonscope analyze --json`
# by make_seeds.cpp's caller (README.md), since a hand-written result would drift from the
# real shape.

# --- images -------------------------------------------------------------------------------


def dicom_element(group, elem, vr, value, explicit=True):
    if isinstance(value, str):
        value = value.encode("ascii")
        if len(value) % 2:
            value += b"\0" if vr == "UI" else b" "
    head = struct.pack("<HH", group, elem)
    if not explicit:
        return head + struct.pack("<I", len(value)) + value
    if vr in ("OB", "OW", "SQ", "UN", "UT", "OF"):
        return head + vr.encode() + b"\0\0" + struct.pack("<I", len(value)) + value
    return head + vr.encode() + struct.pack("<H", len(value)) + value


def dicom(rows, cols, bits, samples=1, frames=1, explicit=True, photometric="MONOCHROME2",
          signed=0, pixels=None):
    ts = "1.2.840.10008.1.2.1" if explicit else "1.2.840.10008.1.2"
    meta_body = dicom_element(0x0002, 0x0010, "UI", ts)
    meta = dicom_element(0x0002, 0x0000, "UL", struct.pack("<I", len(meta_body))) + meta_body
    e = lambda g, el, vr, v: dicom_element(g, el, vr, v, explicit)
    us = lambda v: struct.pack("<H", v)
    n = rows * cols * samples * frames * (bits // 8)
    if pixels is None:
        pixels = bytes((i * 7) % 256 for i in range(n))
    ds = b"".join([
        e(0x0008, 0x0060, "CS", "CT"),
        e(0x0020, 0x000E, "UI", "1.2.3.4"),
        e(0x0020, 0x0013, "IS", "1"),
        e(0x0020, 0x0032, "DS", "0\\0\\0"),
        e(0x0020, 0x0037, "DS", "1\\0\\0\\0\\1\\0"),
        e(0x0028, 0x0002, "US", us(samples)),
        e(0x0028, 0x0004, "CS", photometric),
        e(0x0028, 0x0008, "IS", str(frames)),
        e(0x0028, 0x0010, "US", us(rows)),
        e(0x0028, 0x0011, "US", us(cols)),
        e(0x0028, 0x0030, "DS", "0.5\\0.5"),
        e(0x0028, 0x0100, "US", us(bits)),
        e(0x0028, 0x0101, "US", us(bits if bits == 8 else 12)),
        e(0x0028, 0x0102, "US", us(bits - 1 if bits == 8 else 11)),
        e(0x0028, 0x0103, "US", us(signed)),
        e(0x0028, 0x1050, "DS", "40"),
        e(0x0028, 0x1051, "DS", "400"),
        e(0x0028, 0x1052, "DS", "-1024"),
        e(0x0028, 0x1053, "DS", "1"),
        e(0x7FE0, 0x0010, "OW", pixels),
    ])
    return b"\0" * 128 + b"DICM" + meta + ds


put("dicom", "ct-explicit.dcm", dicom(4, 4, 16))
put("dicom", "ct-implicit.dcm", dicom(4, 3, 16, explicit=False, signed=1))
put("dicom", "multiframe.dcm", dicom(3, 3, 8, frames=2, photometric="MONOCHROME1"))
put("dicom", "rgb.dcm", dicom(2, 2, 8, samples=3, photometric="RGB"))


def nifti(dims, datatype=4, bitpix=16, slope=1.0, inter=0.0, sform=1, qform=0):
    hdr = bytearray(348)
    struct.pack_into("<i", hdr, 0, 348)
    d = [len(dims)] + list(dims) + [1] * (7 - len(dims))
    struct.pack_into("<8h", hdr, 40, *d)
    struct.pack_into("<hh", hdr, 70, datatype, bitpix)
    struct.pack_into("<8f", hdr, 76, 1.0, 0.8, 0.8, 2.0, 1.0, 1.0, 1.0, 1.0)
    struct.pack_into("<fff", hdr, 108, 352.0, slope, inter)
    struct.pack_into("<hh", hdr, 252, qform, sform)
    struct.pack_into("<ffffff", hdr, 256, 0.0, 0.0, 0.0, -1.0, 2.0, 3.0)
    struct.pack_into("<4f", hdr, 280, 0.8, 0, 0, -1)
    struct.pack_into("<4f", hdr, 296, 0, 0.8, 0, -2)
    struct.pack_into("<4f", hdr, 312, 0, 0, 2.0, -3)
    hdr[344:348] = b"n+1\0"
    n = 1
    for x in dims:
        n *= x
    data = bytes((i * 13) % 251 for i in range(n * bitpix // 8))
    return bytes(hdr) + b"\0\0\0\0" + data


put("nifti", "int16.nii", nifti([4, 3, 2]))
put("nifti", "float4d.nii.gz", gzip.compress(nifti([3, 3, 2, 2], datatype=16, bitpix=32, sform=0, qform=1), mtime=0))
put("nifti", "uint8-scaled.nii", nifti([5, 4, 1], datatype=2, bitpix=8, slope=2.0, inter=-10.0))
