#!/usr/bin/env python3
"""Validator for ReasonScope's bundled resources (lexicons and the demo data set).

Run from anywhere:  python3 resources/demo/check_demo.py [--shared DIR] [--verbose]

Checks, each failure printed with file and line:
  1. every lexicon TSV and the demo KG have the right header and column count;
  2. relation-cues / polarity-cues / relation-compatibility use known values, and every demo KG
     relation supports at least one claim relation;
  3. every synonyms.tsv name exists in some KG file: the demo KG always, and Hetionet / Disease
     Ontology from DIR (default: <project>/../shared/data/kg) when that folder is present;
     every gene-symbol-stoplist symbol is a Hetionet Gene there;
  4. every demo output is valid JSON with the required fields, and meta.expected parses;
  5. a reference re-implementation of the analysis (docs/design.md "Error classes") over the demo KG:
     longest-match linking with synonyms and abbreviations, cue-based claim extraction with
     polarity, relation checks through the compatibility table, K=5 loopless reference paths of at
     most 4 hops that fit the question's ask template, under several hub-penalised weightings, r*
     by longest common subsequence, branch findings (x an alternative of r*'s kind the model took;
     none when the model infers y itself; the deciding concept, "decides", when x and y stand in
     the same relation to d), missing-intermediate and ignored-evidence findings, unanchored
     cases and coverage gaps.
     The findings it computes must equal meta.expected_detail for every output, under every
     weighting and whether the conclusion is placed last in the model path or where it is first
     mentioned; so the demo's intended findings follow from the data, not from one engine's
     tie-breaking.

Standard library only. Exit status 0 when everything holds.
"""
import argparse
import json
import math
import os
import re
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.path.dirname(HERE)
LEX = os.path.join(RES, 'lexicon')
KG_TSV = os.path.join(HERE, 'kg', 'demo-kg.tsv')
OUTPUTS = os.path.join(HERE, 'outputs', 'demo-outputs.jsonl')

K_PATHS, MAX_HOPS = 5, 4
KINDS = {'Disease', 'Symptom', 'Compound', 'Anatomy', 'Pharmacologic Class', 'Gene', 'Lab Finding', 'Exposure'}
# Synonyms may also name Hetionet's side effects, a kind the demo KG does not have.
SYNONYM_KINDS = KINDS | {'Side Effect'}
CLAIM_RELATIONS = {'treats', 'prevents', 'causes', 'presents_with', 'indicates', 'associated_with',
                   'localizes_to', 'contraindicated_for', 'is_a', 'resembles', 'risk_factor_for', 'targets',
                   'evidential'}
EXPECTED_ITEMS = {'relation/wrong_relation', 'relation/not_in_complete_list', 'relation/contradicted_negation',
                  'branch/plausible_branch', 'branch/jump', 'missing/missing_intermediate',
                  'missing/ignored_evidence', 'coverage_gap/option', 'coverage_gap/gold',
                  'coverage_gap/prediction', 'unanchored/gold', 'none'}

errors = []


def err(msg):
    errors.append(msg)


# ------------------------------------------------------------------ text normalization
# Mirrors core/TextNormalizer: word characters are ASCII letters, digits and any non-ASCII
# character; everything else breaks tokens; "'s" after a word is dropped; case is folded.

def tokenize(text):
    toks = []
    i, n = 0, len(text)
    word = lambda c: c.isascii() and c.isalnum() or not c.isascii()
    while i < n:
        while i < n and not word(text[i]):
            i += 1
        if i >= n:
            break
        b = i
        while i < n and word(text[i]):
            i += 1
        toks.append((b, i, text[b:i]))
        if i + 1 < n and text[i] == "'" and text[i + 1] in 'sS' and (i + 2 >= n or not word(text[i + 2])):
            i += 2
    return toks


def norm(text):
    return ' '.join(t[2].lower() for t in tokenize(text))


def read_tsv(path, header, optional=0):
    rows = []
    with open(path, encoding='utf-8') as f:
        seen_header = False
        for ln, line in enumerate(f, 1):
            line = line.rstrip('\n').rstrip('\r')
            if not line.strip() or line.startswith('#'):
                continue
            cols = line.split('\t')
            if not seen_header:
                if cols != header and cols != header[:len(header) - optional]:
                    err(f'{path}:{ln}: header {cols} != {header}')
                seen_header = True
                continue
            if not len(header) - optional <= len(cols) <= len(header):
                err(f'{path}:{ln}: {len(cols)} columns, expected {len(header)}: {line!r}')
                continue
            if any(c != c.strip() for c in cols):
                err(f'{path}:{ln}: stray white space in {cols}')
            rows.append((ln, cols))
    return rows


# ------------------------------------------------------------------ the demo KG
class KG:
    def __init__(self, path):
        self.kind = {}
        self.edges = []  # (head, relation, tail)
        self.adj = defaultdict(list)  # node -> [(neighbour, relation, forward)]
        for ln, (h, hk, r, t, tk) in read_tsv(path, ['head', 'head_kind', 'relation', 'tail', 'tail_kind']):
            for node, kind in ((h, hk), (t, tk)):
                if kind not in KINDS:
                    err(f'{path}:{ln}: unknown kind {kind!r}')
                if self.kind.setdefault(node, kind) != kind:
                    err(f'{path}:{ln}: {node!r} has kinds {self.kind[node]} and {kind}')
            if h == t:
                err(f'{path}:{ln}: self loop {h!r}')
            self.edges.append((h, r, t))
            self.adj[h].append((t, r, True))
            self.adj[t].append((h, r, False))
        self.degree = {n: len(v) for n, v in self.adj.items()}
        self.by_norm = defaultdict(set)
        for n in self.kind:
            self.by_norm[norm(n)].add(n)

    def between(self, a, b):
        return [(r, fwd) for (x, r, fwd) in self.adj[a] if x == b]

    def neighbours(self, a):
        return {x for (x, _, _) in self.adj[a]}

    def isa_family(self, a):
        return {x for (x, r, _) in self.adj[a] if r == 'is_a'}


# ------------------------------------------------------------------ lexicons
def load_lexicons(kg):
    syn = read_tsv(os.path.join(LEX, 'synonyms.tsv'), ['name', 'kind', 'synonym', 'type'])
    cues = read_tsv(os.path.join(LEX, 'relation-cues.tsv'), ['relation', 'direction', 'cue'])
    pol = read_tsv(os.path.join(LEX, 'polarity-cues.tsv'), ['polarity', 'cue'])
    comp = read_tsv(os.path.join(LEX, 'relation-compatibility.tsv'),
                    ['claim_relation', 'kg_relation', 'direction', 'match'], optional=1)
    complete = read_tsv(os.path.join(HERE, 'kg', 'demo-kg.complete-relations.tsv'),
                        ['source', 'claim_relation', 'head_kind', 'tail_kind', 'kg_relations'])
    stop = set()
    with open(os.path.join(LEX, 'gene-symbol-stoplist.txt'), encoding='utf-8') as f:
        for line in f:
            s = line.split('#', 1)[0].strip()
            if s:
                stop.add(s)
    for ln, (name, kind, s, typ) in syn:
        if kind and kind not in SYNONYM_KINDS:
            err(f'synonyms.tsv:{ln}: unknown kind {kind!r}')
        if typ not in ('synonym', 'abbreviation', 'defined-abbreviation'):
            err(f'synonyms.tsv:{ln}: unknown type {typ!r}')
    cue_list = []
    for ln, (rel, d, cue) in cues:
        if rel not in CLAIM_RELATIONS:
            err(f'relation-cues.tsv:{ln}: unknown claim relation {rel!r}')
        if d not in ('forward', 'reverse'):
            err(f'relation-cues.tsv:{ln}: direction {d!r}')
        if cue != cue.lower():
            err(f'relation-cues.tsv:{ln}: cue not lower case {cue!r}')
        cue_list.append((norm(cue).split(), rel, d, cue))
    seen = {}
    for toks, rel, d, cue in cue_list:
        key = ' '.join(toks)
        if key in seen and seen[key] != (rel, d):
            err(f'relation-cues.tsv: cue {cue!r} maps to {seen[key]} and {(rel, d)}')
        seen[key] = (rel, d)
    cue_list.sort(key=lambda c: -len(c[0]))
    pol_list = []
    for ln, (p, cue) in pol:
        if p not in ('negated', 'hedged'):
            err(f'polarity-cues.tsv:{ln}: polarity {p!r}')
        pol_list.append((norm(cue).split(), p))
    pol_list.sort(key=lambda c: -len(c[0]))
    words_seen = {}
    for ln, (cls, word) in read_tsv(os.path.join(LEX, 'phrase-words.tsv'), ['class', 'word']):
        if cls not in ('determiner', 'possessor', 'break', 'verb', 'generic', 'vague', 'relational', 'noun', 'kind', 'bare'):
            err(f'phrase-words.tsv:{ln}: class {cls!r}')
        if norm(word) != word or ' ' in word:
            err(f'phrase-words.tsv:{ln}: not one normalized word {word!r}')
        # "bare" is a word's second role, beside its one class.
        key = (word, cls == 'bare')
        if key in words_seen:
            err(f'phrase-words.tsv:{ln}: {word!r} already in class {words_seen[key]}')
        words_seen[key] = cls
    compat = defaultdict(list)
    for ln, cols in comp:
        cr, kr, d = cols[:3]
        match = cols[3] if len(cols) > 3 else 'supports'
        if cr not in CLAIM_RELATIONS:
            err(f'relation-compatibility.tsv:{ln}: unknown claim relation {cr!r}')
        if d not in ('forward', 'reverse', 'either'):
            err(f'relation-compatibility.tsv:{ln}: direction {d!r}')
        if match not in ('supports', 'specificity', 'excludes'):
            err(f'relation-compatibility.tsv:{ln}: match {match!r}')
        compat[cr].append((kr, d, match))
    compat['__complete__'] = []
    for ln, (src, cr, hk, tk, rels) in complete:
        if cr not in CLAIM_RELATIONS:
            err(f'complete-relations.tsv:{ln}: unknown claim relation {cr!r}')
        if hk not in KINDS or tk not in KINDS:
            err(f'complete-relations.tsv:{ln}: unknown kind in {hk!r}, {tk!r}')
        compat['__complete__'].append((cr, hk, tk, [r.strip() for r in rels.split(',')]))
    kg_rels = {r for _, r, _ in kg.edges}
    covered = {row[0] for k, v in compat.items() if k != '__complete__' for row in v}
    for r in sorted(kg_rels - covered):
        err(f'relation-compatibility.tsv: demo KG relation {r!r} supports no claim relation')
    return syn, cue_list, pol_list, compat, stop


def check_names_in_kgs(syn, stop, kg, shared):
    known = defaultdict(set)  # exact name -> kinds
    for n, k in kg.kind.items():
        known[n].add(k)
    have_shared = shared and os.path.isdir(shared)
    genes = set()
    if have_shared:
        with open(os.path.join(shared, 'hetionet-nodes.tsv'), encoding='utf-8') as f:
            for line in f:
                p = line.rstrip('\r\n').split('\t')
                if len(p) == 3 and p[0] != 'id':
                    known[p[1]].add(p[2])
                    if p[2] == 'Gene':
                        genes.add(p[1])
        with open(os.path.join(shared, 'do-HumanDO.tsv'), encoding='utf-8') as f:
            for line in f:
                p = [c.strip('"') for c in line.rstrip('\r\n').split('\t')]
                if len(p) >= 2 and p[0] != 'id':
                    known[p[1]].add('Disease')
        with open(os.path.join(shared, 'do-disease-symptom.tsv'), encoding='utf-8') as f:
            for line in f:
                p = line.rstrip('\r\n').split('\t')
                if len(p) == 4 and p[0] != 'disease_id':
                    known[p[1]].add('Disease')
                    known[p[3]].add('Symptom')
    else:
        print('note: shared KG folder not found; synonym names checked against the demo KG only')
    bad = 0
    for ln, (name, kind, s, typ) in syn:
        if name not in known:
            if have_shared or name in kg.kind:
                err(f'synonyms.tsv:{ln}: name {name!r} is in no KG file')
                bad += 1
            continue
        if kind and kind not in known[name]:
            err(f'synonyms.tsv:{ln}: {name!r} exists as {sorted(known[name])}, not {kind}')
    if have_shared:
        for s in sorted(stop - genes):
            err(f'gene-symbol-stoplist.txt: {s!r} is not a Hetionet Gene')
    return have_shared


# ------------------------------------------------------------------ linking
class Linker:
    def __init__(self, kg, syn, stop):
        self.kg = kg
        self.norm_dict = defaultdict(set)   # normalized form -> nodes
        self.abbr_dict = defaultdict(set)   # exact token texts joined by ' ' -> nodes
        self.defined_only = set()           # abbreviation forms linked only beside their name
        for n, k in kg.kind.items():
            if k == 'Gene' and n in stop:
                continue
            self.norm_dict[norm(n)].add(n)
        for _, (name, kind, s, typ) in syn:
            if name not in kg.kind or (kind and kg.kind[name] != kind):
                continue
            if typ in ('abbreviation', 'defined-abbreviation'):
                form = ' '.join(t[2] for t in tokenize(s))
                self.abbr_dict[form].add(name)
                if typ == 'defined-abbreviation':
                    self.defined_only.add(form)
            else:
                self.norm_dict[norm(s)].add(name)
        self.maxlen = max(len(k.split()) for k in list(self.norm_dict) + list(self.abbr_dict))
        for form, nodes in list(self.norm_dict.items()) + list(self.abbr_dict.items()):
            if len(nodes) > 1:
                err(f'ambiguous form {form!r} -> {sorted(nodes)} in the demo KG')

    def link(self, text):
        toks = tokenize(text)
        out, i = [], 0
        while i < len(toks):
            hit = None
            for L in range(min(self.maxlen, len(toks) - i), 0, -1):
                seg = toks[i:i + L]
                nodes = self.abbr_dict.get(' '.join(t[2] for t in seg)) or self.norm_dict.get(' '.join(t[2].lower() for t in seg))
                if nodes:
                    exact = ' '.join(t[2] for t in seg)
                    hit = (seg[0][0], seg[-1][1], next(iter(nodes)), i, i + L,
                           exact in self.defined_only and exact in self.abbr_dict)
                    break
            if hit:
                out.append(hit)
                i = hit[4]
            else:
                i += 1
        # A defined-only abbreviation links only where the text names its node another way.
        named = {m[2] for m in out if not m[5]}
        out = [m[:5] for m in out if not m[5] or m[2] in named]
        return toks, out  # mentions: (begin, end, node, tok_begin, tok_end)


# ------------------------------------------------------------------ claims
SENT_SPLIT = re.compile(r'(?<=[.!?])\s+(?=[A-Z0-9(])|\n+')


def sentences(text):
    pos = 0
    for m in SENT_SPLIT.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def extract_claims(text, linker, cues, pols):
    claims = []
    for sb, se in sentences(text):
        sent = text[sb:se]
        toks, ments = linker.link(sent)
        low = [t[2].lower() for t in toks]
        covered = set()
        for m in ments:
            covered.update(range(m[3], m[4]))
        used = set()
        found = []
        for ctoks, rel, d, cue in cues:
            L = len(ctoks)
            for i in range(len(low) - L + 1):
                if low[i:i + L] == ctoks and not (set(range(i, i + L)) & (covered | used)):
                    used.update(range(i, i + L))
                    found.append((i, i + L, rel, d, cue))
        for cb, ce, rel, d, cue in sorted(found):
            left = [m for m in ments if m[4] <= cb]
            right = [m for m in ments if m[3] >= ce]
            if not left or not right:
                continue
            x, y = left[-1][2], right[0][2]
            h, t = (x, y) if d == 'forward' else (y, x)
            # polarity window: from 5 tokens before the cue to its end, not before the head mention
            wb = max(cb - 5, left[-1][4])
            window = low[wb:ce]
            polarity = 'asserted'
            pol_found = set()
            j = 0
            while j < len(window):
                for ptoks, p in pols:
                    if window[j:j + len(ptoks)] == ptoks:
                        pol_found.add(p)
                        j += len(ptoks) - 1
                        break
                j += 1
            if 'negated' in pol_found:
                polarity = 'negated'
            elif 'hedged' in pol_found:
                polarity = 'hedged'
            if h != t:
                claims.append({'head': h, 'relation': rel, 'tail': t, 'polarity': polarity, 'cue': cue,
                               'sentence': sent.strip()})
    return claims


def edge_is(compat, r, kr, fwd, match):
    if match == 'supports' and kr == r and fwd:
        return True
    return any(cr_kr == kr and m == match and (d == 'either' or (d == 'forward') == fwd)
               for cr_kr, d, m in compat[r])


def check_claim(kg, compat, c):
    # Claim status (docs/error-classes.md): support first, an error only on evidence against.
    # Not mirrored here: support through is-a relatives and two-hop chains, and whose claim it is.
    h, r, t = c['head'], c['relation'], c['tail']
    edges = kg.between(h, t)
    ok = any(edge_is(compat, r, kr, fwd, 'supports') for kr, fwd in edges)
    if c['polarity'] == 'negated':
        return 'contradicted_negation' if ok else None
    if ok or any(edge_is(compat, r, kr, fwd, 'specificity') for kr, fwd in edges):
        return None
    if edges and all(edge_is(compat, r, kr, fwd, 'excludes') for kr, fwd in edges):
        return 'wrong_relation'
    if c['polarity'] == 'asserted':
        for cr, hk, tk, rels in compat['__complete__']:
            if cr == r and kg.kind.get(h) == hk and kg.kind.get(t) == tk and \
                    any(fwd and kr in rels for _, kr, fwd in kg.adj[h]) and \
                    any(not fwd and kr in rels for _, kr, fwd in kg.adj[t]):
                return 'not_in_complete_list'
    return None


# ------------------------------------------------------------------ reference paths
WEIGHTINGS = {
    'enter a=0.5': lambda kg, u, v: 1 + 0.5 * math.log1p(kg.degree[v]),
    'enter a=1.0': lambda kg, u, v: 1 + 1.0 * math.log1p(kg.degree[v]),
    'max a=0.5': lambda kg, u, v: 1 + 0.5 * math.log1p(max(kg.degree[u], kg.degree[v])),
    'mean a=0.7': lambda kg, u, v: 1 + 0.35 * (math.log1p(kg.degree[u]) + math.log1p(kg.degree[v])),
}


def hop_dist(kg, target, limit):
    dist = {target: 0}
    frontier = [target]
    for d in range(1, limit + 1):
        nxt = []
        for a in frontier:
            for b in kg.neighbours(a):
                if b not in dist:
                    dist[b] = d
                    nxt.append(b)
        frontier = nxt
    return dist


# The question's ask, read from its last sentence (docs/error-classes.md "Reference paths";
# the phrases of core/ClinicalReference.cpp, most specific first).
ASK_PHRASES = [
    ('next step', 'next_step'), ('next best step', 'next_step'), ('most appropriate next', 'next_step'),
    ('adverse effect', 'adverse_effect'), ('adverse effects', 'adverse_effect'),
    ('side effect', 'adverse_effect'), ('side effects', 'adverse_effect'),
    ('adverse reaction', 'adverse_effect'), ('toxicity', 'adverse_effect'),
    ('mechanism', 'mechanism'), ('pathophysiology', 'mechanism'), ('pathogenesis', 'mechanism'),
    ('risk factor', 'risk_factor'), ('risk factors', 'risk_factor'), ('predisposing', 'risk_factor'),
    ('increased risk', 'risk_factor'),
    ('treatment', 'treatment'), ('pharmacotherapy', 'treatment'), ('therapy', 'treatment'),
    ('drug of choice', 'treatment'), ('medication', 'treatment'), ('treated with', 'treatment'),
    ('diagnosis', 'diagnosis'), ('most likely cause', 'diagnosis'), ('causal organism', 'diagnosis'),
    ('etiology', 'diagnosis'), ('most likely condition', 'diagnosis'),
]
DRUG_KINDS = {'Compound', 'Pharmacologic Class'}


def recognize_ask(question):
    stem = question.rstrip(' \n?.')
    cut = max([m.end() for m in re.finditer(r'[.?] |\n', stem)], default=0)
    words = ' ' + norm(stem[cut:]) + ' '
    return next((ask for phrase, ask in ASK_PHRASES if ' ' + phrase + ' ' in words), 'other')


def fits_template(kg, path, findings, ask):
    """The ask's path template: treatment reaches a drug from a disease; a diagnosis path has no
    disease or drug inside that the question does not name; an adverse effect has a drug (or a
    finding) just before the answer. Other asks take any path."""
    gold_kind, before = kg.kind[path[-1]], path[-2]
    if ask == 'treatment':
        return gold_kind not in DRUG_KINDS or kg.kind[before] == 'Disease'
    if ask == 'diagnosis':
        return all(n in findings or kg.kind[n] not in DRUG_KINDS | {'Disease'} for n in path[1:-1])
    if ask == 'adverse_effect':
        return gold_kind in DRUG_KINDS or kg.kind[before] in DRUG_KINDS or before in findings
    return True


def reference_paths(kg, sources, target, weight, keep=lambda p: True):
    """All loopless paths of <= MAX_HOPS edges from any source to target that keep() accepts,
    cheapest K (what Yen's algorithm from a zero-cost super-source returns, filtered). Ties
    broken by node names for determinism."""
    dist = hop_dist(kg, target, MAX_HOPS)
    paths = []

    def dfs(path, cost):
        a = path[-1]
        if a == target:
            if keep(path):
                paths.append((cost, list(path)))
            return
        if len(path) - 1 >= MAX_HOPS:
            return
        for b in sorted(kg.neighbours(a)):
            if b in path or dist.get(b, 99) > MAX_HOPS - len(path):
                continue
            path.append(b)
            dfs(path, cost + weight(kg, a, b))
            path.pop()

    for s in sources:
        if s != target and dist.get(s, 99) <= MAX_HOPS:
            dfs([s], 0.0)
    paths.sort(key=lambda p: (round(p[0], 9), len(p[1]), p[1]))
    return paths[:K_PATHS], paths[K_PATHS:K_PATHS + 3]


def lcs(a, b):
    dp = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a)):
        for j in range(len(b)):
            dp[i + 1][j + 1] = dp[i][j] + 1 if a[i] == b[j] else max(dp[i][j + 1], dp[i + 1][j])
    return dp[-1][-1]


# ------------------------------------------------------------------ one case
def link_option(linker, text):
    _, ments = linker.link(text)
    if not ments:
        return None
    return max(ments, key=lambda m: m[4] - m[3])[2]


def analyse(rec, kg, linker, cues, pols, compat, weight, conclusion_last=True):
    found = []
    claims = extract_claims(rec['output'], linker, cues, pols)
    for c in claims:
        sub = check_claim(kg, compat, c)
        if sub:
            found.append({'type': 'relation', 'subtype': sub, 'head': c['head'], 'relation': c['relation'],
                          'tail': c['tail']})
    _, qm = linker.link(rec['question'])
    evidence = []
    for m in qm:
        if m[2] not in evidence:
            evidence.append(m[2])
    options = {k: link_option(linker, v) for k, v in rec['options'].items()}
    gold, pred = options.get(rec['gold']), options.get(rec['prediction'])
    for k, v in sorted(options.items()):
        if v is None:
            found.append({'type': 'coverage_gap', 'where': 'option', 'text': rec['options'][k]})
    if gold is None:
        found.append({'type': 'coverage_gap', 'where': 'gold', 'text': rec['options'][rec['gold']]})
        found.append({'type': 'unanchored', 'where': 'gold'})
    if pred is None:
        found.append({'type': 'coverage_gap', 'where': 'prediction', 'text': rec['options'][rec['prediction']]})
    _, om = linker.link(rec['output'])
    mentioned = []
    for m in om:
        if m[2] not in mentioned:
            mentioned.append(m[2])
    # the model's path: linked entities in order of first mention, the conclusion last; the variant
    # conclusion_last=False keeps the conclusion where it is first mentioned (both must agree)
    if conclusion_last:
        P = [n for n in mentioned if n != pred] + ([pred] if pred else [])
    else:
        P = mentioned + ([pred] if pred and pred not in mentioned else [])
    info = {'evidence': evidence, 'P': P, 'claims': claims}
    if gold is None:
        return found, info
    findings = [e for e in evidence if e != gold and kg.kind[e] != 'Anatomy']  # body parts say where
    ask = recognize_ask(rec['question'])
    info['ask'] = ask
    R, next_paths = reference_paths(kg, findings, gold, weight,
                                    lambda p: fits_template(kg, p, findings, ask))
    info['R'] = R
    info['next'] = next_paths
    if not R:
        return found, info
    on_R = {n for _, p in R for n in p}
    best = max(range(len(R)), key=lambda i: (lcs(P, R[i][1]), -R[i][0], -i))
    rstar = R[best][1]
    info['rstar'] = rstar
    mset = set(mentioned)
    # missing intermediate: interior node of r* never mentioned, nor an is-a parent/child of it
    for n in rstar[1:-1]:
        if n not in mset and not (kg.isa_family(n) & mset):
            found.append({'type': 'missing', 'subtype': 'missing_intermediate', 'node': n})
    # ignored evidence: with a wrong answer, a source of some reference path the output never mentions
    for s in sorted({p[0] for _, p in R}) if pred != gold else []:
        if s not in mset:
            found.append({'type': 'missing', 'subtype': 'ignored_evidence', 'node': s})
    # branch: conclusion differs from gold
    if pred is not None and pred != gold:
        case = {'evidence': evidence, 'P': P, 'options': set(options.values()), 'pred': pred,
                'claims': claims, 'settled': on_R | set(evidence), 'compat': compat}
        branch = branch_finding(kg, case, rstar)
        if branch:
            found.append(branch)
            d = branch['divergence']
            # one root cause, one finding: r*'s nodes after the divergence belong to the branch,
            # and the concept that decides its choice is not also ignored evidence
            after = set(rstar[rstar.index(d) + 1:]) if d in rstar else set()
            found = [f for f in found if not (f.get('subtype') == 'missing_intermediate' and f['node'] in after)
                     and not (f.get('subtype') == 'ignored_evidence' and f['node'] == branch.get('decides'))]
    return found, info


# ------------------------------------------------------------------ branch errors
def alternatives(kg, a, b):
    """Concepts of one kind are alternatives at one decision (drug kinds count as one)."""
    ka, kb_ = kg.kind[a], kg.kind[b]
    return ka == kb_ or ka in DRUG_KINDS and kb_ in DRUG_KINDS


def subsumption_family(kg, a):
    """Classes and members of a: is-a parents and children, a drug's class, a class's drugs."""
    return {x for (x, r, _) in kg.adj[a] if r in ('is_a', 'includes')}


def taken_by_model(case, n):
    """The model concludes n or relates it in a claim it does not deny. (Not mirrored: a concept
    named in the output's last step.)"""
    return n == case['pred'] or any(n in (c['head'], c['tail']) and c['polarity'] != 'negated'
                                    for c in case['claims'])


def is_taken_alternative(kg, case, n, rest):
    """n is an alternative the model took to a concept of r* still to come (rest): not on a
    reference path, not a question finding, nor a class or member of either; of the kind of a
    concept in rest; not another option the model weighs and drops."""
    if n in case['settled'] or subsumption_family(kg, n) & case['settled']:
        return False
    if not any(alternatives(kg, n, m) for m in rest):
        return False
    return (n == case['pred'] or n not in case['options']) and taken_by_model(case, n)


def infers(case, n):
    """An asserted inference to n ("these findings indicate n"); naming, classing or a hedged
    or denied inference is not concluding it. (Not mirrored: whose claim it is.)"""
    return any(c['tail'] == n and c['polarity'] == 'asserted' and c['relation'] in ('evidential', 'indicates')
               for c in case['claims'])


def same_relation_to(kg, d, x, y):
    """x and y in the same relation to d (both treat the hypertension): d decides nothing."""
    return bool(set(kg.between(d, x)) & set(kg.between(d, y)))


def is_subsumption(compat, kr):
    return edge_is(compat, 'is_a', kr, True, 'supports') or edge_is(compat, 'is_a', kr, False, 'supports')


def deciding_concept(kg, compat, case, d, x, y):
    """The concept of the case (a question finding, or one on the model's path) that the KG
    relates to y and not to x; not another option, not an alternative of y's kind, not
    through an is-a edge."""
    for e in case['evidence'] + case['P']:
        if e in (d, x, y) or e in case['options'] or alternatives(kg, e, y) or kg.between(e, x):
            continue
        if any(not is_subsumption(compat, kr) for kr, _ in kg.between(e, y)):
            return e
    return None


def divergence(case, rstar, xi):
    """d: the last node of r* the model's path reaches before x, moved past the givens of r*
    (concepts the question states) to the first concept the model had to infer, y."""
    P = case['P']
    di = next((rstar.index(P[i]) for i in range(xi - 1, -1, -1) if P[i] in rstar), None)
    if di is None:
        return None, rstar[0]
    while di + 2 < len(rstar) and rstar[di + 1] in case['evidence']:
        di += 1
    return rstar[di], rstar[di + 1] if di + 1 < len(rstar) else None


def branch_finding(kg, case, rstar):
    P = case['P']
    shared = [i for i, n in enumerate(P) if n in rstar]
    for xi in range(shared[0] if shared else 0, len(P)):
        d, y = divergence(case, rstar, xi)
        rest = [m for m in rstar[rstar.index(d) if d else 0:] if m not in case['evidence']]
        if is_taken_alternative(kg, case, P[xi], rest):
            break
    else:
        return None
    x = P[xi]
    if y is not None and infers(case, y) and not infers(case, x):
        return None  # the model concluded y itself: its answer does not follow from its reasoning
    plausible = x in kg.neighbours(d) if d is not None else any(x in kg.neighbours(e) for e in case['evidence'])
    f = {'type': 'branch', 'subtype': 'plausible_branch' if plausible else 'jump',
         'divergence': d, 'taken': x, 'reference': y}
    if d is not None and y is not None and same_relation_to(kg, d, x, y):
        e = deciding_concept(kg, case['compat'], case, d, x, y)
        if e is not None:
            f['decides'] = e
    return f


def canon(items):
    return sorted(json.dumps(i, sort_keys=True) for i in items)


def item_matches(exp, got):
    """An expected item matches a computed one when every field is equal, or when the expected
    field is a list and the computed value is one of its entries (used where the divergence node
    depends on how an engine breaks ties between equally aligned reference paths)."""
    if set(exp) != set(got):
        return False
    return all(got[k] in v if isinstance(v, list) else got[k] == v for k, v in exp.items())


def same_findings(expected, computed):
    left = list(computed)
    for e in expected:
        hit = next((g for g in left if item_matches(e, g)), None)
        if hit is None:
            return False
        left.remove(hit)
    return not left


# ------------------------------------------------------------------ main
def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    root = os.path.dirname(RES)
    ap.add_argument('--shared', default=os.path.join(os.path.dirname(root), 'shared', 'data', 'kg'))
    ap.add_argument('--verbose', action='store_true')
    ap.add_argument('--only', help='analyse only this output id')
    args = ap.parse_args()

    kg = KG(KG_TSV)
    syn, cues, pols, compat, stop = load_lexicons(kg)
    check_names_in_kgs(syn, stop, kg, args.shared)
    linker = Linker(kg, syn, stop)

    required = {'id': str, 'question': str, 'options': dict, 'gold': str, 'model': str, 'output': str,
                'prediction': str, 'meta': dict}
    records = []
    with open(OUTPUTS, encoding='utf-8') as f:
        for ln, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                err(f'demo-outputs.jsonl:{ln}: {e}')
                continue
            for k, t in required.items():
                if not isinstance(rec.get(k), t):
                    err(f'demo-outputs.jsonl:{ln}: field {k!r} missing or not {t.__name__}')
            if rec.get('gold') not in rec.get('options', {}) or rec.get('prediction') not in rec.get('options', {}):
                err(f'demo-outputs.jsonl:{ln}: gold/prediction not among options')
            items = [s.strip() for s in rec.get('meta', {}).get('expected', '').split(';')]
            for it in items:
                if it not in EXPECTED_ITEMS:
                    err(f'demo-outputs.jsonl:{ln}: meta.expected item {it!r} unknown')
            rec['_line'] = ln
            records.append(rec)
    keys = [(r.get('id'), r.get('model'), r.get('run')) for r in records]
    if len(keys) != len(set(keys)):
        err('demo-outputs.jsonl: duplicate (id, model, run)')

    stats = defaultdict(int)
    for rec in records:
        if args.only and rec['id'] != args.only:
            continue
        results = {}
        for wname, w in WEIGHTINGS.items():
            for last in (True, False):
                found, info = analyse(rec, kg, linker, cues, pols, compat, w, last)
                key = wname + ('' if last else ', conclusion at first mention')
                results[key] = (canon(found), found, info)
        first = next(iter(results.values()))
        found, info = first[1], first[2]
        expected = rec['meta'].get('expected_detail', [])
        for wname, (c, f_w, _) in results.items():
            if not same_findings(expected, f_w):
                err(f"{rec['id']}/{rec['model']}: under weighting {wname!r} computed findings differ from "
                    f"meta.expected_detail\n    computed: {json.dumps(f_w)}\n    expected: {json.dumps(expected)}")
        types = sorted({f"{f['type']}/{f.get('subtype') or f.get('where')}" for f in found}) or ['none']
        exp_types = sorted({s.strip() for s in rec['meta']['expected'].split(';')})
        if types != exp_types:
            err(f"{rec['id']}/{rec['model']}: meta.expected {exp_types} but computed {types}")
        for t in types:
            stats[t] += 1
        if args.verbose or args.only:
            print(f"== {rec['id']} / {rec['model']}  gold={rec['gold']} pred={rec['prediction']}")
            print('   evidence:', info['evidence'])
            print('   P:', info['P'], ' ask:', info.get('ask'))
            for c in info['claims']:
                print(f"   claim: ({c['head']}, {c['relation']}, {c['tail']}) {c['polarity']}  [{c['cue']}]")
            for cost, p in info.get('R', []):
                print(f'   R {cost:6.2f}: ' + ' -> '.join(p))
            for cost, p in info.get('next', []):
                print(f'   . {cost:6.2f}: ' + ' -> '.join(p))
            print('   r*:', info.get('rstar'))
            for f in found:
                print('   FOUND', json.dumps(f))
    print(f'{len(kg.kind)} KG nodes, {len(kg.edges)} edges; {len(records)} outputs')
    print('finding types over outputs:', dict(sorted(stats.items())))
    for e in errors:
        print('ERROR', e)
    print('OK' if not errors else f'{len(errors)} problem(s)')
    return 0 if not errors else 1


if __name__ == '__main__':
    sys.exit(main())
