#!/usr/bin/env python3
"""Writes the hostile-input corpus (tests/hostile/<reader>/...) and MANIFEST.tsv, which says
what tst_hostileinputs expects of each file. Each file is damaged in one way a real file
can be; each expectation is what the readers' contracts promise (importers/OutputImporter.h,
graph/KgLoadContext.h, views/imaging/ImageReader.h, core/ProjectStore.h). Run it again after
changing it; it rewrites every file it owns."""
import gzip
import json
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "fuzz"))
MANIFEST = []


def put(rel, data, expect):
    path = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    MANIFEST.append((rel, expect))


def rec(i, **extra):
    r = {"id": i, "question": "q " + i, "output": "aspirin treats fever"}
    r.update(extra)
    return json.dumps(r)


def lines(*ls, end="\n"):
    return end.join(ls) + end


A, C = rec("a"), rec("c")

# --- model outputs (importOutputs: sniffer + reader) -------------------------------------
# The three records of issue 12's first "Done when", verbatim.
put("outputs/issue-12-records.jsonl",
    lines('{"id":"a","question":"q fever","output":"aspirin treats fever"}',
          '{"id":"b","question":"q","output":"o","x":1e309}',
          '{"id":"c","question":"q","output":"o"}'),
    "cases=2 errors=1 line=2")
put("outputs/number-overflow.jsonl", lines(A, '{"id":"b","question":"q","output":"o","x":1e309}', C),
    "cases=2 line=2")
put("outputs/number-overflow-negative.jsonl", lines(A, '{"id":"b","question":"q","output":"o","x":-1e400}', C),
    "cases=2 line=2")
put("outputs/huge-integer.jsonl", lines(A, '{"id":"b","question":"q","output":"o","x":' + "9" * 400 + "}", C),
    "cases>=2")
put("outputs/deep-nesting.jsonl.gz", gzip.compress(lines(A, '{"id":"b","question":"q","output":"o","x":' + "[" * 100000 + "]" * 100000 + "}", C).encode(), mtime=0),
    "cases>=2")
put("outputs/deep-nesting-unclosed.jsonl.gz", gzip.compress(lines(A, '{"id":"b","x":' + "{\"k\":" * 50000, C).encode(), mtime=0),
    "cases=2 line=2")
put("outputs/huge-field.jsonl.gz",
    gzip.compress(lines(A, json.dumps({"id": "b", "question": "q", "output": "x" * (1 << 21)}), C).encode(), mtime=0),
    "cases=2 line=2")
put("outputs/huge-id.jsonl", lines(A, json.dumps({"id": "k" * (1 << 16), "question": "q", "output": "o"}), C),
    "cases>=2")
put("outputs/nul-byte-raw.jsonl", lines(A, '{"id":"b","question":"q\0","output":"o"}', C), "cases=2 line=2")
put("outputs/nul-byte-escaped.jsonl", lines(A, '{"id":"b","question":"q\\u0000x","output":"o"}', C), "cases>=2")
put("outputs/invalid-utf8.jsonl", lines(A, '{"id":"b","question":"q \xff\xfe","output":"o"}', C).encode("latin-1"),
    "cases=2 line=2")
put("outputs/overlong-utf8.jsonl", (A + "\n").encode() + b'{"id":"b","question":"\xc0\xaf","output":"o"}\n' + (C + "\n").encode(),
    "cases=2 line=2")
put("outputs/lone-surrogate.jsonl", lines(A, '{"id":"b","question":"\\ud800","output":"o"}', C), "cases=2 line=2")
put("outputs/bom.jsonl", "\ufeff" + lines(A, C), "cases=2 errors=0")
put("outputs/crlf.jsonl", lines(A, C, end="\r\n"), "cases=2 errors=0")
put("outputs/bom-crlf-blank-lines.jsonl", "\ufeff" + lines(A, "", "   ", C, end="\r\n"), "cases=2 errors=0")
put("outputs/cut-last-record.jsonl", lines(A, C) + '{"id":"d","question":"q","out', "cases=2 line=3")
put("outputs/cut-middle-record.jsonl", lines(A, '{"id":"b","question":"q","out', C), "cases=2 line=2")
ts = json.dumps({"med_qa": {"test": [
    {"id": str(i), "question": "Which drug?", "choices": ["Insulin", "Metformin"], "answer": ["Metformin"],
     "generated_cot": [{"id": "c%d" % i, "cot": "Metformin.", "model": "{'name': 'gpt-4'}", "cot_trigger": "k",
                        "answers": [{"answer": "B", "answer_from_choices": "B", "correct_answer": True}]}]}
    for i in range(4)]}})
put("outputs/thoughtsource-cut.json", ts[: int(len(ts) * 0.7)], "cases>=2 error~json")
put("outputs/thoughtsource-bad-item.json", ts.replace('"question": "Which drug?"', '"question": 17', 1), "cases=3 errors>=1")
good = lines(*[rec("r%d" % i) for i in range(50)]).encode()
gz = gzip.compress(good, mtime=0)
put("outputs/truncated.jsonl.gz", gz[: len(gz) // 2], "cases>=1 error~gzip")
put("outputs/corrupt-gzip.jsonl.gz", gz[:20] + b"\xff" * 40 + gz[60:], "refused error~gzip")
put("outputs/gzip-header-only.jsonl.gz", gz[:10], "refused")
put("outputs/empty.jsonl", "", "refused error~no_records")
put("outputs/whitespace-only.jsonl", " \n\r\n\t\n", "refused error~no_records")
put("outputs/binary-garbage.jsonl", bytes((i * 97 + 13) % 256 for i in range(600)), "refused")
put("outputs/utf16-bom.jsonl", ("\ufeff" + lines(A, C)).encode("utf-16-le"), "refused")
put("outputs/wrong-types.jsonl", lines(A, '{"id":"b","question":7,"output":["o"],"options":"x"}',
                                      '{"id":"d","question":"q","output":"o","options":{"A":null}}', C),
    "cases>=2 line=2")
put("outputs/duplicate-id.jsonl", lines(A, A, C), "cases=2 line=2")
put("outputs/top-level-scalars.jsonl", lines(A, "42", '"text"', "null", "[]", C), "cases=2 line=2")
put("outputs/json-array-of-garbage.json", "[" + A + ', 5, "x", null, ' + C + "]", "refused error~field_mapping")
put("outputs/long-line-no-newline.jsonl.gz", gzip.compress((lines(A, C) + "x" * (3 << 20)).encode(), mtime=0),
    "cases=2 line=3")

# --- --map -------------------------------------------------------------------------------
put("mapped/missing-path.jsonl", lines('{"Q":"q","A":{"t":"o"}}', '{"Q":"q2"}', '{"Q":"q3","A":{"t":"o3"}}'),
    "map=question=Q,output=A.t cases=2 line=2")
put("mapped/deep-path.jsonl", lines('{"a":[[[[{"b":"o"}]]]],"q":"q"}', '{"a":[[[]]],"q":"q"}'),
    "map=question=q,output=a.0.0.0.0.b cases=1 line=2")
put("mapped/index-overflow.jsonl", lines('{"a":["o"],"q":"q"}'),
    "map=question=q,output=a.99999999999999999999999 cases=0 errors>=1")

# --- knowledge graphs (loadKnowledgeGraph on one file, no cache) ---------------------------
put("kg/triples-bad-rows.tsv", lines("head\trelation\ttail", "a\ttreats\tb", "only-two\tfields", "\ttreats\tb",
                                     "c\t\t", "x\xffy\tis\tz", "d\ttreats\te"), "edges>=2 line=3")
put("kg/triples-crlf-bom.csv", "\ufeff" + lines("head,relation,tail", "a,treats,b", '"c, d",is_a,e', end="\r\n"),
    "edges=2 errors=0")
put("kg/triples-nul.tsv", lines("head\trelation\ttail", "a\0b\ttreats\tc", "d\ttreats\te"), "edges>=1")
put("kg/triples-unterminated-quote.csv", lines("head,relation,tail", 'a,treats,"b', "c,treats,d"), "edges>=1 errors>=1")
put("kg/hetionet-nodes-bad.tsv", lines("id\tname\tkind", "Disease::DOID:1\tflu\tDisease", "Disease::DOID:2\tcold",
                                       "Gene::1\tX\tDisease", "Compound::DB1\taspirin\tCompound"), "nodes>=2 line=3")
sif = lines("source\tmetaedge\ttarget", *["Compound::DB%d\tCtD\tDisease::DOID:%d" % (i, i) for i in range(200)]).encode()
gz = gzip.compress(sif, mtime=0)
put("kg/hetionet-edges-truncated.sif.gz", gz[: len(gz) * 2 // 3], "errors>=1 error~gzip")
put("kg/primekg-missing-columns.csv", lines("relation,display_relation,x_id,x_type", "indication,indication,1,drug"), "refused")
put("kg/do-hierarchy-bad-quotes.tsv", lines("id\tlabel\tsubClassOf", '"DOID:4"\t"disease"\t""', '"DOID:1\t"x"\t"disease"',
                                            '"DOID:2"\t"y"\t"disease"'), "edges>=1")
put("kg/header-only.tsv", lines("head\trelation\ttail"), "refused")
put("kg/unknown-header.tsv", lines("foo\tbar", "1\t2"), "refused")

# --- knowledge-graph cache ---------------------------------------------------------------
put("kgcache/garbage.bin", b"\x00\x01" * 300, "refused")
put("kgcache/huge-json-size.bin", b"RSKGC001" + struct.pack("<Q", 1 << 62) + b"{}" + b"\0" * 4, "refused")
put("kgcache/truncated.bin", b"RSKGC001\x10", "refused")

# --- images (readImage: told from the bytes) ---------------------------------------------
from make_seeds import dicom, nifti  # noqa: E402  the seeds' writers, damaged here

put("images/dicom-truncated-pixels.dcm", dicom(64, 64, 16)[:-4000], "refused")
put("images/dicom-huge-dimensions.dcm", dicom(65535, 65535, 16, pixels=b"\0" * 64), "refused")
d = bytearray(dicom(4, 4, 16))
i = d.index(b"\x28\x00\x10\x00US")
d[i + 6:i + 8] = struct.pack("<H", 0xFFFF)  # element length past the end of the file
put("images/dicom-bad-element-length.dcm", bytes(d), "refused")
put("images/dicom-bits-zero.dcm", dicom(4, 4, 16).replace(b"\x28\x00\x00\x01US\x02\x00\x10\x00", b"\x28\x00\x00\x01US\x02\x00\x00\x00"), "refused")
put("images/dicom-preamble-only.dcm", b"\0" * 128 + b"DICM", "refused")
n = bytearray(nifti([4, 3, 2]))
struct.pack_into("<i", n, 0, 123)
put("images/nifti-bad-sizeof-hdr.nii", bytes(n), "refused")
put("images/nifti-huge-dimensions.nii", nifti([4, 3, 2])[:40] + struct.pack("<8h", 3, 32767, 32767, 32767, 1, 1, 1, 1) + nifti([4, 3, 2])[56:], "refused")
put("images/nifti-negative-dimensions.nii", nifti([4, 3, 2])[:40] + struct.pack("<8h", 3, -4, 3, 2, 1, 1, 1, 1) + nifti([4, 3, 2])[56:], "refused")
n = bytearray(nifti([4, 3, 2]))
struct.pack_into("<f", n, 108, 1e30)  # vox_offset far past the end
put("images/nifti-vox-offset-huge.nii", bytes(n), "refused")
gzn = gzip.compress(nifti([16, 16, 8]), mtime=0)
put("images/nifti-truncated.nii.gz", gzn[: len(gzn) // 2], "refused")


def png_chunk(kind, body):
    import zlib
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def png(w, h, idat):
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)) +
            png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b""))


import zlib  # noqa: E402
put("images/png-huge-dimensions.png", png(1 << 30, 1 << 30, zlib.compress(b"\0" * 64)), "refused")
put("images/png-truncated.png", png(8, 8, zlib.compress(b"\0" * 72))[:40], "refused")
put("images/png-bad-idat.png", png(8, 8, b"not zlib data at all"), "refused")
put("images/jpeg-truncated.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xc0\x00\x11\x08",
    "refused")
put("images/jpeg-huge-dimensions.jpg",
    b"\xff\xd8" + b"\xff\xc0\x00\x0b\x08\xff\xff\xff\xff\x01\x01\x11\x00" +
    b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00" + b"\x00" * 16 + b"\xff\xd9", "refused")

# --- NIH box list ------------------------------------------------------------------------
put("boxes/bad-numbers.csv", lines("Image Index,Finding Label,Bbox [x,y,w,h],,,", "a.png,Mass,1,2,3,4",
                                   "b.png,Mass,nan,2,3,4", "c.png,Mass,1,inf,3,4", "d.png,Mass,1,2,1e309,4",
                                   "e.png,Mass,1,2,3", "f.png,,1,2,3,4", "g.png,Mass,1,2,-3,4", "h.png,Mass,5,6,7,8"),
    "boxes=2 line=3")
put("boxes/bom-crlf.csv", "\ufeff" + lines("Image Index,Finding Label,Bbox [x,y,w,h],,,", "a.png,Mass,1,2,3,4", end="\r\n"),
    "boxes=1 errors=0")
put("boxes/not-a-box-list.csv", lines("x,y", "1,2"), "refused")

# --- report filter text ------------------------------------------------------------------
put("filters/unterminated-quote.txt", 'run="demo', "refused")
put("filters/nul-and-invalid-utf8.txt", b'search="a\0b\xff" class=relation', "read")
put("filters/unknown-key.txt", "colour=red", "refused")

# --- project files -----------------------------------------------------------------------
put("projects/garbage.rsproj", bytes((i * 31 + 7) % 256 for i in range(4096)), "refused")
put("projects/text.rsproj", "this is not a project\n", "refused")
put("projects/sqlite-header-only.rsproj", b"SQLite format 3\0" + b"\x10\x00\x01\x01\x00\x40\x20\x20" + b"\0" * 76, "refused")
put("projects/empty.rsproj", b"", "refused")

with open(os.path.join(HERE, "MANIFEST.tsv"), "w") as f:
    f.write("# file\texpectations (see tst_hostileinputs.cpp); written by make_hostile.py\n")
    for rel, expect in MANIFEST:
        f.write(rel + "\t" + expect + "\n")
print(len(MANIFEST), "files")
