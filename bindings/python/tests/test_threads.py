"""Queries from many threads at once give the same answers as from one."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import protecteu


def _work(s: protecteu.Strategy) -> list[Any]:
    return [
        [a.id for a in s.actions(actor="europol", due_by=2026)],
        [a.id for a in s.actions(progress="overdue", as_of="2026-06-26")],
        [(h.kind, h.id) for h in s.search("security", limit=10)],
        [e.action.id for e in s.timeline("2026-01-01").with_progress("due")],
        s.stats().to_dict(),
        s.action("europol-mandate-revision").to_dict(),
        len(s.records("actions")),
    ]


def test_concurrent_queries(s: protecteu.Strategy) -> None:
    expected = _work(s)
    loaded = protecteu.load()  # another handle on the same embedded model
    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(_work, s if i % 2 else loaded) for i in range(64)]
        results = [f.result() for f in futures]
    assert all(r == expected for r in results)


def test_concurrent_loads(s: protecteu.Strategy, tmp_path: Any) -> None:
    path = tmp_path / "model.json"
    path.write_text(s.to_json(), encoding="utf-8")
    with ThreadPoolExecutor(max_workers=4) as pool:
        models = list(pool.map(lambda _: protecteu.load(path), range(8)))
    assert all(m.stats() == s.stats() for m in models)


def test_threads_racing_on_a_fresh_model_get_the_same_objects() -> None:
    fresh = protecteu.load()  # no action object made yet

    def grab(_: int) -> list[int]:
        return [id(a) for a in fresh.actions()] + [id(fresh.action("europol-mandate-revision"))]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(grab, range(32)))
    assert all(r == results[0] for r in results)
    assert len(set(results[0][:-1])) == len(fresh.actions())
