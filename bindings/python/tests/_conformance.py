"""Runs the language-neutral conformance vectors (tests/conformance/README.md) through the
Python API. `answer()` turns one vector into the answer the API gives, in the vectors' own
shape, so a test only has to compare it with `expect`.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import protecteu


def load_vectors(directory: Path) -> list[tuple[str, dict[str, Any]]]:
    """Every vector of every `*.json` file in `directory`, as (file:name, vector)."""
    out: list[tuple[str, dict[str, Any]]] = []
    for path in sorted(directory.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for vector in data["vectors"]:
            out.append((f"{path.name}:{vector['name']}", vector))
    return out


def _not_found(e: protecteu.NotFoundError) -> dict[str, Any]:
    return {"error": "not_found", "kind": e.kind, "id": e.id, "suggestion": e.suggestion}


# Canonical kind order; `None` (the dataset table) first.
KIND_ORDER = [None, "strategy", "objective", "principle", "section", "theme", "threat", "action",
              "actor", "instrument", "document", "figure", "source"]


def _export(s: protecteu.Strategy, vector: dict[str, Any]) -> dict[str, Any]:
    fmt = vector["format"]
    text = s.export(fmt, vector.get("kind"))
    if fmt == "jsonl":
        lines = [json.loads(line) for line in text.splitlines() if line.strip()]
        return {"lines": [f"{o['kind']}/{o['id']}" if "id" in o else o["kind"] for o in lines]}
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(text, newline="")))
        return {"columns": rows[0], "ids": [r[0] for r in rows[1:]]}
    raise ValueError(f"no conformance answer for export format {fmt!r}")


def _overlay(s: protecteu.Strategy, vector: dict[str, Any]) -> dict[str, Any]:
    new = s.with_overlay_text(vector["text"], vector.get("file", "overlay.toml"))
    changes = [{"change": c["change"], "kind": c["kind"], "id": c["id"]} for c in new.overlay_changes]
    changes.sort(key=lambda c: KIND_ORDER.index(c["kind"]))
    diff: dict[str, Any] = {"added": [], "removed": [], "changed": [], "changed_fields": {}}
    for k in s.diff(new).kinds:
        diff["added"] += [f"{k['kind']}/{e['id']}" for e in k["added"]]
        diff["removed"] += [f"{k['kind']}/{e['id']}" for e in k["removed"]]
        for c in k["changed"]:
            key = f"{k['kind']}/{c['id']}"
            diff["changed"].append(key)
            diff["changed_fields"][key] = sorted(f["field"] for f in c["fields"])
    return {"changes": changes, "diff": diff}


def _coverage(s: protecteu.Strategy, vector: dict[str, Any]) -> dict[str, Any]:
    """The coverage, as JSON-like dicts, limited to the keys the vector names."""
    c = s.coverage()

    def plain(value: Any) -> Any:
        return value.isoformat() if hasattr(value, "isoformat") else value

    def pick(obj: Any, want: dict[str, Any]) -> dict[str, Any]:
        return {k: plain(getattr(obj, k)) for k in want}

    expect = vector["expect"]
    return {"sections": [pick(r, expect["sections"][0]) for r in c.sections],
            "total": pick(c.total, expect["total"])}


def answer(s: protecteu.Strategy, vector: dict[str, Any]) -> dict[str, Any]:
    """The API's answer to one vector."""
    op = vector["op"]
    try:
        if op == "actions":
            return {"ids": [a.id for a in s.actions(**vector["filter"])]}
        if op == "search":
            hits = s.search(vector["text"], limit=vector["limit"])
            return {"hits": [f"{h.kind}/{h.id}" for h in hits]}
        if op == "get":
            return {"id": getattr(s, vector["kind"])(vector["id"]).id}
        if op == "timeline":
            entries = s.timeline(as_of=vector["as_of"]).with_progress(vector["progress"])
            return {"ids": [e.action.id for e in entries]}
        if op == "stats":
            st = s.stats()
            return {
                "actions": st.actions,
                "by_kind": {c.key: c.count for c in st.by_kind},
                "by_status": {c.key: c.count for c in st.by_status},
            }
        if op == "export":
            return _export(s, vector)
        if op == "overlay":
            return _overlay(s, vector)
        if op == "sources":
            rows = s.sources(vector.get("kind"))
            return {"sources": [{"id": u.source.id, "class": u.source.class_, "levels": u.levels,
                                 "facts": u.facts} for u in rows]}
        if op == "citations":
            found = s.citations(vector["kind"], vector["id"])
            return {"citations": [{"field": c.field, "source": c.source, "locator": c.locator,
                                   "verification": c.verification} for c in found]}
        if op == "fingerprint":
            return {"fingerprint": s.fingerprint}
        if op == "coverage":
            return _coverage(s, vector)
    except protecteu.NotFoundError as e:
        return _not_found(e)
    except protecteu.InvalidArgumentError:
        return {"error": "invalid_argument"}
    except protecteu.ValidationError as e:
        return {"error": "validation", "codes": sorted({p.code for p in e.problems})}
    raise ValueError(f"unknown conformance op {op!r}")
