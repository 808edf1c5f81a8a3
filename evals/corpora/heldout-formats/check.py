#!/usr/bin/env python3
"""Plain check of heldout.yaml against articles/ (reads only this folder).

Run: /work/main/.venv/bin/python check.py   (needs pyyaml)
"""
import os
import sys
from collections import Counter

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(HERE, "articles")
CONFLICT_PAIR = ("orlanth-kiravelle-acquisition", "orlanth-kiravelle-ward-round")

problems = []


def load_articles():
    arts = {}
    for fn in sorted(os.listdir(ART)):
        stem, ext = os.path.splitext(fn)
        if stem in arts:
            problems.append(f"duplicate stem {stem}")
        with open(os.path.join(ART, fn), encoding="utf-8") as f:
            arts[stem] = (ext, f.read())
    return arts


arts = load_articles()
with open(os.path.join(HERE, "heldout.yaml"), encoding="utf-8") as f:
    data = yaml.safe_load(f)

for key in ("name", "description", "corpus", "cases"):
    if key not in data:
        problems.append(f"missing top-level key {key}")
if data.get("name") != "heldout-formats":
    problems.append("name is not heldout-formats")
if data.get("corpus") != "articles":
    problems.append("corpus is not articles")

cases = data["cases"]
ids = [c["id"] for c in cases]
for i, n in Counter(ids).items():
    if n > 1:
        problems.append(f"duplicate id {i}")
for k, i in enumerate(ids, 1):
    if i != f"f-{k:03d}":
        problems.append(f"id out of sequence: {i} at position {k}")

kinds = Counter()
for c in cases:
    cid = c["id"]
    tags = c.get("tags", [])
    answerable = c.get("answerable", True)
    exp = c.get("expect_any")
    srcs = c.get("sources")
    if not c.get("question"):
        problems.append(f"{cid}: empty question")
    if answerable:
        kinds["answerable"] += 1
    else:
        kind = [t for t in ("near-topic", "false-premise", "off-topic") if t in tags]
        if len(kind) != 1:
            problems.append(f"{cid}: unanswerable without exactly one kind tag")
        else:
            kinds[kind[0]] += 1
        if "false-premise" not in tags and (exp or srcs):
            problems.append(f"{cid}: unanswerable non-false-premise case carries expect_any/sources")
    if answerable or "false-premise" in tags:
        if not exp or not srcs:
            problems.append(f"{cid}: missing expect_any or sources")
            continue
        for s in srcs:
            if s not in arts:
                problems.append(f"{cid}: unknown source {s}")
        for e in exp:
            if "\n" in e or e != e.strip():
                problems.append(f"{cid}: {e!r} spans lines or has edge whitespace")
            hits = [s for s in srcs if s in arts and e in arts[s][1]]
            if not hits:
                problems.append(f"{cid}: {e!r} not found verbatim in any of {srcs}")
    if ("follow-up" in tags) != ("history" in c):
        problems.append(f"{cid}: follow-up tag and history must go together")
    if "history" in c and not (isinstance(c["history"], list) and c["history"]):
        problems.append(f"{cid}: history must be a non-empty list")
    if "conflict" in tags:
        if sorted(srcs) != sorted(CONFLICT_PAIR):
            problems.append(f"{cid}: conflict case must list both {CONFLICT_PAIR}")
        for e in exp:
            n = sum(e in arts[s][1] for s in CONFLICT_PAIR)
            if n != 1:
                problems.append(f"{cid}: conflict value {e!r} occurs in {n} of the two articles (want 1)")

for t in ("follow-up", "comparison", "keyword", "typo", "conflict", "undisclosed", "anaphora", "paraphrase",
          "list", "table", "transcript", "digest"):
    kinds[t] = sum(t in c.get("tags", []) for c in cases)

print(f"{len(cases)} cases")
for k, v in sorted(kinds.items()):
    print(f"  {k}: {v}")
if problems:
    print("PROBLEMS:")
    for p in problems:
        print("  " + p)
    sys.exit(1)
print("OK")
