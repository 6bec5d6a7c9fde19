"""The shared conformance vectors: every vector of every file in tests/conformance/.

Set PROTECTEU_CONFORMANCE_DIR to run the vectors of another directory.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import protecteu
from _conformance import answer, load_vectors
from conftest import REPO_ROOT

DIRECTORY = Path(os.environ.get("PROTECTEU_CONFORMANCE_DIR", REPO_ROOT / "tests" / "conformance"))
VECTORS = load_vectors(DIRECTORY)


def test_vectors_are_present() -> None:
    # An empty directory must fail, not pass by running no vector.
    assert VECTORS, f"no conformance vectors in {DIRECTORY}"


def test_vector_names_are_unique() -> None:
    names = [name for name, _ in VECTORS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("vector", [v for _, v in VECTORS], ids=[n for n, _ in VECTORS])
def test_vector(s: protecteu.Strategy, vector: dict[str, Any]) -> None:
    assert answer(s, vector) == vector["expect"]


AMEND_TITLE = """
[[actions]]
id = "eu-ports-strategy"
amends = true
title = "EU Ports Strategy (as the overlay reads it)"

[[actions.citations]]
source = "dg-home-internal-security-page"
fields = ["title"]
verification = "official_summary"
"""


def test_runner_on_a_vector_file_of_its_own(s: protecteu.Strategy, tmp_path: Path) -> None:
    """The runner itself, on a file made here covering every op and every answer shape."""
    europol = [a.id for a in s.actions(actor="europol")]
    overdue = [e.action.id for e in s.timeline(as_of="2026-06-26").with_progress("overdue")]
    first_hit = s.search("Europol", limit=1)[0]
    st = s.stats()
    vectors = [
        {"name": "a", "op": "actions", "filter": {"actor": "europol"}, "expect": {"ids": europol}},
        {"name": "b", "op": "actions", "filter": {"actor": "europl"},
         "expect": {"error": "not_found", "kind": "actor", "id": "europl", "suggestion": "europol"}},
        {"name": "c", "op": "actions", "filter": {"due_in": "2026-Q5"},
         "expect": {"error": "invalid_argument"}},
        {"name": "d", "op": "search", "text": "Europol", "limit": 1,
         "expect": {"hits": [f"{first_hit.kind}/{first_hit.id}"]}},
        {"name": "e", "op": "get", "kind": "actor", "id": "europol", "expect": {"id": "europol"}},
        {"name": "f", "op": "get", "kind": "action", "id": "quantum-teleportation",
         "expect": {"error": "not_found", "kind": "action", "id": "quantum-teleportation",
                    "suggestion": None}},
        {"name": "g", "op": "timeline", "as_of": "2026-06-26", "progress": "overdue",
         "expect": {"ids": overdue}},
        {"name": "h", "op": "stats", "expect": {
            "actions": st.actions,
            "by_kind": {c.key: c.count for c in st.by_kind},
            "by_status": {c.key: c.count for c in st.by_status}}},
        {"name": "i", "op": "actions", "filter": {"due_by": 2026, "lead": "commission"},
         "expect": {"ids": [a.id for a in s.actions(due_by="2026", lead="commission")]}},
        {"name": "j", "op": "export", "format": "jsonl", "kind": "themes",
         "expect": {"lines": [f"theme/{t.id}" for t in s.themes]}},
        {"name": "k", "op": "export", "format": "csv", "kind": "actors",
         "expect": {"columns": s.export("csv", "actors").splitlines()[0].split(","),
                    "ids": [a.id for a in s.actors]}},
        {"name": "l", "op": "export", "format": "pdf", "expect": {"error": "invalid_argument"}},
        {"name": "m", "op": "overlay", "file": "m.toml", "text": AMEND_TITLE,
         "expect": {"changes": [{"change": "amended", "kind": "action", "id": "eu-ports-strategy"}],
                    "diff": {"added": [], "removed": [], "changed": ["action/eu-ports-strategy"],
                             "changed_fields": {"action/eu-ports-strategy": ["citations", "title"]}}}},
        {"name": "n", "op": "overlay", "text": AMEND_TITLE.replace("amends = true", ""),
         "expect": {"error": "validation", "codes": ["duplicate-id"]}},
    ]
    (tmp_path / "own.json").write_text(json.dumps({"description": "self-test", "vectors": vectors}))
    loaded = load_vectors(tmp_path)
    assert [n for n, _ in loaded] == [f"own.json:{v['name']}" for v in vectors]
    for _, v in loaded:
        assert answer(s, v) == v["expect"], v["name"]
    # A wrong expectation is noticed.
    wrong = dict(vectors[0], expect={"ids": europol[1:]})
    assert answer(s, wrong) != wrong["expect"]
    with pytest.raises(ValueError, match="unknown conformance op"):
        answer(s, {"name": "x", "op": "teleport"})
