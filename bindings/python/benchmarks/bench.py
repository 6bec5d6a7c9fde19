"""protecteu against the ways a Python user would do the same work without it, in one run.

For each data set given (canonical JSON files; by default the embedded data set and, when
present, the synthetic scale-50 set that ``scripts/bench-quick`` writes), it times:

- load: ``protecteu.load(path)`` (read, parse, validate, index) against the pure-Python way:
  ``json.load`` of the same file into dataclasses (every kind, with nested timings, status
  events and sources), plus the dict of actions by id and the deadlines a user would need for
  the queries below. The pure-Python load does no validation at all.
- 1000 mixed queries (actor, theme, due window, the three combined, lookup by id; drawn with a
  fixed seed from the data set's own ids) through protecteu, through list comprehensions over
  the dataclasses, and through pandas filtering of ``records("actions")`` (the DataFrame is
  built once, outside the timing). Every answer is checked to be the same ids in the same
  order in all three ways before anything is timed.

Prints a table, then one JSON object on its last line. Run with the venv that
``bindings/python/test.sh`` makes::

    target/py-venv/bin/python bindings/python/benchmarks/bench.py [--quick] [--data FILE ...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

import protecteu

ROOT = Path(__file__).resolve().parents[3]
EMBEDDED = ROOT / "crates" / "protecteu" / "data" / "protecteu-2025.json"
QUERIES = 1000

# ---- the pure-Python model: what a user writes without the library -----------------------


@dataclass
class Source:
    title: str
    verification: str
    url: Optional[str] = None
    section: Optional[str] = None
    document: Optional[str] = None


def sources(raw: list[dict[str, Any]]) -> list[Source]:
    return [Source(**s) for s in raw]


@dataclass
class Timing:
    kind: str
    text: str
    year: Optional[int] = None
    half: Optional[int] = None
    quarter: Optional[int] = None

    def deadline(self) -> Optional[dt.date]:
        if self.year is None or self.kind in ("ongoing", "not_stated"):
            return None
        if self.kind == "half" and self.half:
            return dt.date(self.year, 6, 30) if self.half == 1 else dt.date(self.year, 12, 31)
        if self.kind == "quarter" and self.quarter:
            month = 3 * self.quarter
            nxt = dt.date(self.year + 1, 1, 1) if month == 12 else dt.date(self.year, month + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)


@dataclass
class StatusEvent:
    date: dt.date
    status: str
    evidence: Optional[str] = None
    note: Optional[str] = None
    sources: list[Source] = field(default_factory=list)


@dataclass
class Action:
    id: str
    title: str
    summary: str
    section: str
    kind: str
    timing: Timing
    lead: list[str]
    involved: list[str]
    themes: list[str]
    threats: list[str]
    objectives: list[str]
    instruments: list[str]
    status: list[StatusEvent]
    sources: list[Source]
    notes: Optional[str]
    deadline: Optional[dt.date]


@dataclass
class Entity:
    """Every other kind: its id, its fields as given, and its sources."""

    id: str
    fields: dict[str, Any]
    sources: list[Source]


@dataclass
class PyModel:
    actions: list[Action]
    by_id: dict[str, Action]
    others: dict[str, list[Entity]]


def action(raw: dict[str, Any]) -> Action:
    timing = Timing(**raw["timing"])
    return Action(
        id=raw["id"],
        title=raw["title"],
        summary=raw["summary"],
        section=raw["section"],
        kind=raw["kind"],
        timing=timing,
        lead=raw.get("lead", []),
        involved=raw.get("involved", []),
        themes=raw.get("themes", []),
        threats=raw.get("threats", []),
        objectives=raw.get("objectives", []),
        instruments=raw.get("instruments", []),
        status=[
            StatusEvent(
                date=dt.date.fromisoformat(e["date"]),
                status=e["status"],
                evidence=e.get("evidence"),
                note=e.get("note"),
                sources=sources(e.get("sources", [])),
            )
            for e in raw.get("status", [])
        ],
        sources=sources(raw.get("sources", [])),
        notes=raw.get("notes"),
        deadline=timing.deadline(),
    )


def py_load(path: Path) -> PyModel:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    actions = [action(a) for a in data["actions"]]
    others = {
        kind: [
            Entity(
                id=e["id"],
                fields={k: v for k, v in e.items() if k not in ("id", "sources")},
                sources=sources(e.get("sources", [])),
            )
            for e in data[kind]
        ]
        for kind in (
            "objectives", "principles", "sections", "themes", "threats",
            "actors", "instruments", "documents", "figures",
        )
    }
    return PyModel(actions=actions, by_id={a.id: a for a in actions}, others=others)


# ---- the queries -------------------------------------------------------------------------


@dataclass
class Query:
    kind: str
    actor: Optional[str] = None
    theme: Optional[str] = None
    period: Optional[str] = None  # "2026" or "2026-H2"
    by_year: Optional[int] = None
    id: Optional[str] = None


def period_bounds(p: str) -> tuple[dt.date, dt.date]:
    if "-H" in p:
        y, h = p.split("-H")
        return (dt.date(int(y), 1, 1), dt.date(int(y), 6, 30)) if h == "1" else (
            dt.date(int(y), 7, 1), dt.date(int(y), 12, 31))
    return dt.date(int(p), 1, 1), dt.date(int(p), 12, 31)


def make_queries(m: PyModel, n: int, seed: int = 8) -> list[Query]:
    rng = random.Random(seed)
    actors = sorted({x for a in m.actions for x in a.lead + a.involved})
    themes = sorted({x for a in m.actions for x in a.themes})
    periods = [str(y) for y in range(2025, 2031)] + [
        f"{y}-H{h}" for y in range(2025, 2031) for h in (1, 2)
    ]
    ids = [a.id for a in m.actions]
    kinds = ["actor", "theme", "due", "combined", "id"]
    return [
        Query(
            kind=kinds[i % len(kinds)],
            actor=rng.choice(actors),
            theme=rng.choice(themes),
            period=rng.choice(periods),
            by_year=rng.randint(2025, 2030),
            id=rng.choice(ids),
        )
        for i in range(n)
    ]


def run_protecteu(s: Any, q: Query) -> list[str]:
    if q.kind == "actor":
        return [a.id for a in s.actions(actor=q.actor)]
    if q.kind == "theme":
        return [a.id for a in s.actions(theme=q.theme)]
    if q.kind == "due":
        return [a.id for a in s.actions(due_in=q.period)]
    if q.kind == "combined":
        return [a.id for a in s.actions(actor=q.actor, theme=q.theme, due_by=q.by_year)]
    return [s.action(q.id).id]


def run_python(m: PyModel, q: Query) -> list[str]:
    acts = m.actions
    if q.kind == "actor":
        return [a.id for a in acts if q.actor in a.lead or q.actor in a.involved]
    if q.kind == "theme":
        return [a.id for a in acts if q.theme in a.themes]
    if q.kind == "due":
        lo, hi = period_bounds(q.period or "")
        return [a.id for a in acts if a.deadline is not None and lo <= a.deadline <= hi]
    if q.kind == "combined":
        hi = dt.date(q.by_year or 0, 12, 31)
        return [
            a.id for a in acts
            if (q.actor in a.lead or q.actor in a.involved) and q.theme in a.themes
            and a.deadline is not None and a.deadline <= hi
        ]
    return [m.by_id[q.id or ""].id]


def run_pandas(df: Any, q: Query) -> list[str]:
    if q.kind == "actor":
        sel = df["lead"].map(lambda v: q.actor in v) | df["involved"].map(lambda v: q.actor in v)
        return list(df.loc[sel, "id"])
    if q.kind == "theme":
        return list(df.loc[df["themes"].map(lambda v: q.theme in v), "id"])
    if q.kind == "due":
        lo, hi = period_bounds(q.period or "")
        d = df["deadline_ts"]
        return list(df.loc[(d >= lo.isoformat()) & (d <= hi.isoformat()), "id"])
    if q.kind == "combined":
        hi = dt.date(q.by_year or 0, 12, 31).isoformat()
        sel = (
            (df["lead"].map(lambda v: q.actor in v) | df["involved"].map(lambda v: q.actor in v))
            & df["themes"].map(lambda v: q.theme in v)
            & (df["deadline_ts"] <= hi)
        )
        return list(df.loc[sel, "id"])
    return list(df.loc[df["id"] == q.id, "id"])


# ---- timing ------------------------------------------------------------------------------


def timed(fn: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    """Median wall time of `repeats` runs, in seconds, and the last result."""
    times, result = [], None
    for _ in range(repeats):
        gc.collect()
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def bench(path: Path, quick: bool) -> dict[str, Any]:
    import pandas as pd

    size = path.stat().st_size
    repeats = (5 if quick else 15) if size < 5_000_000 else (2 if quick else 5)
    t_pe, s = timed(lambda: protecteu.load(str(path)), repeats)
    t_py, m = timed(lambda: py_load(path), repeats)
    t_json, _ = timed(lambda: json.loads(path.read_text(encoding="utf-8")), repeats)

    queries = make_queries(m, QUERIES)
    # protecteu wraps each action in a Python object the first time a query returns it and
    # shares it afterwards; the first pass over a freshly loaded model pays for that.
    fresh = protecteu.load(str(path))
    gc.collect()
    t0 = time.perf_counter()
    for q in queries:
        run_protecteu(fresh, q)
    q_cold = time.perf_counter() - t0
    del fresh
    df = pd.DataFrame(s.records("actions"))
    df["deadline_ts"] = pd.to_datetime(df["deadline"]).dt.strftime("%Y-%m-%d")
    # Same answers, in the same order, every way, before anything is timed.
    for q in queries:
        a, b, c = run_protecteu(s, q), run_python(m, q), run_pandas(df, q)
        if not (a == b == c):
            raise SystemExit(f"answers differ for {q}: protecteu {a[:5]}, python {b[:5]}, pandas {c[:5]}")
    nonempty = sum(1 for q in queries if run_python(m, q))

    qrep = 3 if quick else 7
    prep = 1 if (quick or size >= 5_000_000) else 3
    q_pe, _ = timed(lambda: [run_protecteu(s, q) for q in queries], qrep)
    q_py, _ = timed(lambda: [run_python(m, q) for q in queries], qrep)
    q_pd, _ = timed(lambda: [run_pandas(df, q) for q in queries], prep)
    return {
        "file": str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path),
        "json_bytes": size,
        "actions": len(m.actions),
        "load_ms": {
            "protecteu": t_pe * 1e3,
            "pure_python": t_py * 1e3,
            "of_which_json_load": t_json * 1e3,
        },
        "queries": QUERIES,
        "queries_with_answers": nonempty,
        "queries_ms": {
            "protecteu": q_pe * 1e3,
            "protecteu_first_pass": q_cold * 1e3,
            "pure_python": q_py * 1e3,
            "pandas": q_pd * 1e3,
        },
        "load_speedup": t_py / t_pe,
        "query_speedup": q_py / q_pe,
        "first_pass_query_speedup": q_py / q_cold,
        "pandas_query_speedup": q_pd / q_pe,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer repeats")
    ap.add_argument("--data", action="append", type=Path, help="canonical JSON file (repeatable)")
    ap.add_argument("--headline", type=int, default=-1,
                    help="index of the data set whose figures are the headline keys (default: last)")
    args = ap.parse_args()
    files = args.data or [EMBEDDED]
    results = [bench(p, args.quick) for p in files]
    print(f"protecteu {protecteu.__version__}, Python {sys.version.split()[0]}")
    print(f"{'data set':<48} {'actions':>8} {'load pe/py ms':>18} {'x':>6} "
          f"{'1000 q pe/py/pd ms':>26} {'x py':>6} {'x pd':>7} {'1st pass ms':>12} {'x py':>6}")
    for r in results:
        lm, qm = r["load_ms"], r["queries_ms"]
        print(f"{r['file'][-48:]:<48} {r['actions']:>8} "
              f"{lm['protecteu']:>8.2f}/{lm['pure_python']:<9.2f} {r['load_speedup']:>6.1f} "
              f"{qm['protecteu']:>8.2f}/{qm['pure_python']:>8.2f}/{qm['pandas']:<8.1f} "
              f"{r['query_speedup']:>6.1f} {r['pandas_query_speedup']:>7.1f} "
              f"{qm['protecteu_first_pass']:>12.2f} {r['first_pass_query_speedup']:>6.1f}")
    head = results[args.headline]
    # Search relevance and latency against SQLite FTS5 on the embedded data set (issue 15).
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from search_vs_fts5 import compare

    rel = compare()
    for name in ("protecteu", "fts5_and", "fts5_or"):
        x = rel[name]
        print(f"search {name:10} recall@{rel['k']} {x['recall_at_k']:.3f} ({x['found']}/{x['queries']}), "
              f"MRR {x['mrr']:.3f}, p50 {x['p50_ms']:.4f} ms, p95 {x['p95_ms']:.4f} ms")
    best_fts5 = max(rel["fts5_and"]["recall_at_k"], rel["fts5_or"]["recall_at_k"])
    print(json.dumps({
        "search_recall_at_5": rel["protecteu"]["recall_at_k"],
        "search_recall_at_5_fts5": best_fts5,
        "search_relevance": {k: ({kk: vv for kk, vv in v.items() if kk != "misses"} if isinstance(v, dict) else v)
                             for k, v in rel.items()},
        "py_load_speedup": round(head["load_speedup"], 2),
        "py_query_speedup": round(head["query_speedup"], 2),
        "py_first_pass_query_speedup": round(head["first_pass_query_speedup"], 2),
        "py_pandas_query_speedup": round(head["pandas_query_speedup"], 2),
        "py_headline_actions": head["actions"],
        "py_results": results,
    }))


if __name__ == "__main__":
    main()
