"""Plain check of a held-out corpus's ``heldout.yaml`` against its ``articles/`` (reads only that folder).

python evals/corpora/check_heldout.py evals/corpora/heldout-mixed   (needs pyyaml)

The YAML loads with its top-level keys and the folder's name; ids are unique and in sequence; each
unanswerable case has one kind tag and carries expected strings only as a false premise; every
expected string is on one line and occurs verbatim in a listed source; a follow-up has its history;
a conflict case lists the two articles that disagree, and each of its values occurs in just one.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml


def problems(folder: Path) -> tuple[list[str], Counter[str]]:
    found: list[str] = []
    arts: dict[str, str] = {}
    for path in sorted((folder / "articles").iterdir()):
        if path.stem in arts:
            found.append(f"duplicate stem {path.stem}")
        arts[path.stem] = path.read_text(encoding="utf-8")
    data = yaml.safe_load((folder / "heldout.yaml").read_text(encoding="utf-8"))
    found += [f"missing top-level key {k}" for k in ("name", "description", "corpus", "cases") if k not in data]
    if data.get("name") != folder.name:
        found.append(f"name is not {folder.name}")
    if data.get("corpus") != "articles":
        found.append("corpus is not articles")
    cases: list[dict[str, Any]] = data["cases"]
    ids = [c["id"] for c in cases]
    prefix = ids[0].split("-")[0] if ids else ""
    found += [f"duplicate id {i}" for i, n in Counter(ids).items() if n > 1]
    found += [f"id out of sequence: {i} at {k}" for k, i in enumerate(ids, 1) if i != f"{prefix}-{k:03d}"]
    kinds: Counter[str] = Counter()
    for c in cases:
        cid, tags = c["id"], c.get("tags", [])
        exp, srcs = c.get("expect_any") or [], c.get("sources") or []
        kinds.update(tags)
        if not c.get("question"):
            found.append(f"{cid}: empty question")
        if c.get("answerable", True):
            kinds["answerable"] += 1
        else:
            if sum(t in tags for t in ("near-topic", "false-premise", "off-topic")) != 1:
                found.append(f"{cid}: unanswerable without exactly one kind tag")
            if "false-premise" not in tags and (exp or srcs):
                found.append(f"{cid}: unanswerable case that is no false premise carries expect_any/sources")
        if c.get("answerable", True) or "false-premise" in tags:
            if not exp or not srcs:
                found.append(f"{cid}: missing expect_any or sources")
                continue
            found += [f"{cid}: unknown source {s}" for s in srcs if s not in arts]
            for e in exp:
                if "\n" in e or e != e.strip():
                    found.append(f"{cid}: {e!r} spans lines or has edge whitespace")
                if not any(e in arts.get(s, "") for s in srcs):
                    found.append(f"{cid}: {e!r} not found verbatim in any of {srcs}")
        if ("follow-up" in tags) != bool(c.get("history")):
            found.append(f"{cid}: a follow-up tag and a non-empty history go together")
        if "conflict" in tags:
            if len(srcs) != 2:
                found.append(f"{cid}: a conflict case lists the two articles that disagree")
            for e in exp:
                if sum(e in arts.get(s, "") for s in srcs) != 1:
                    found.append(f"{cid}: conflict value {e!r} must occur in just one of {srcs}")
    return found, kinds


def main(folder: Path) -> int:
    found, kinds = problems(folder)
    print(", ".join(f"{k}: {v}" for k, v in sorted(kinds.items())))
    print("\n".join(["PROBLEMS:", *found]) if found else "OK")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
