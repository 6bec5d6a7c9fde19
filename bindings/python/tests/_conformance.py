"""Runs the language-neutral conformance vectors (tests/conformance/README.md) through the
Python API. `answer()` turns one vector into the answer the API gives, in the vectors' own
shape, so a test only has to compare it with `expect`.
"""

from __future__ import annotations

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
    except protecteu.NotFoundError as e:
        return _not_found(e)
    except protecteu.InvalidArgumentError:
        return {"error": "invalid_argument"}
    raise ValueError(f"unknown conformance op {op!r}")
