"""Search relevance and latency: protecteu's search against SQLite FTS5 (Porter stemmer, BM25)
over the same entities' text, in the same run, on the relevance suite of
tests/relevance/queries.json.

FTS5 gets one row per entity with the fields protecteu searches (title; id, abbreviation and
official numbers; summary; notes; titles of the cited instruments and documents), the
`porter unicode61 remove_diacritics 2` tokenizer and bm25() with the same field weights
(3, 2, 1, 0.6, 0.5). Its query is tried two ways: every word required (FTS5's implicit AND)
and any word (OR); both figures are reported.

    target/py-venv/bin/python bindings/python/benchmarks/search_vs_fts5.py [--data FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

import protecteu

ROOT = Path(__file__).resolve().parents[3]
SUITE = ROOT / "tests" / "relevance" / "queries.json"
WEIGHTS = (3.0, 2.0, 1.0, 0.6, 0.5)


def rows(data: dict[str, Any]) -> list[tuple[str, str, str, str, str, str]]:
    """(key, title, ids, summary, notes, cited) per entity, read from the canonical JSON."""
    by = {k: {e["id"]: e for e in data[k]} for k in ("actions", "instruments", "documents")}
    evidence: dict[str, set[str]] = {}
    for d in data["documents"]:
        for a in d.get("delivers", []):
            evidence.setdefault(a, set()).add(d["id"])
    for a in data["actions"]:
        for ev in a.get("status", []):
            if ev.get("evidence"):
                evidence.setdefault(a["id"], set()).add(ev["evidence"])
    out = []
    st = data["strategy"]
    out.append((f"strategy/{st['id']}", f"{st['title']} {st['full_title']}",
                f"{st['id']} {st['document_number']}", st["summary"], "", ""))
    for kind, key, title in [("objective", "objectives", "title"), ("principle", "principles", "title"),
                             ("section", "sections", "title"), ("theme", "themes", "name"),
                             ("threat", "threats", "name"), ("figure", "figures", "statement")]:
        for e in data[key]:
            summary = e.get("value", "") if kind == "figure" else e.get("summary", "")
            out.append((f"{kind}/{e['id']}", e[title], e["id"], summary or "", "", ""))
    for a in data["actions"]:
        cited = [by["instruments"][i]["short_title"] for i in a.get("instruments", []) if i in by["instruments"]]
        cited += [by["documents"][d]["title"] for d in sorted(evidence.get(a["id"], ())) if d in by["documents"]]
        out.append((f"action/{a['id']}", a["title"], a["id"], a["summary"], a.get("notes", ""), " ".join(cited)))
    for e in data["actors"]:
        founding = by["instruments"].get(e.get("founding_act", ""), {}).get("short_title", "")
        out.append((f"actor/{e['id']}", e["name"], f"{e['id']} {e.get('abbreviation', '')}", "", "", founding))
    for e in data["instruments"]:
        out.append((f"instrument/{e['id']}", e["short_title"], f"{e['id']} {e['number']} {e.get('celex', '')}",
                    "", e.get("notes", ""), ""))
    for e in data["documents"]:
        cited = [by["actions"][a]["title"] for a in e.get("delivers", []) if a in by["actions"]]
        ids = " ".join([e["id"], e.get("number", ""), e.get("procedure", ""), *e.get("other_numbers", [])])
        out.append((f"document/{e['id']}", e["title"], ids, "", e.get("notes", ""), " ".join(cited)))
    return out


def fts5(data: dict[str, Any]) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE e USING fts5(key UNINDEXED, title, ids, summary, notes, cited, "
               "tokenize = 'porter unicode61 remove_diacritics 2')")
    db.executemany("INSERT INTO e VALUES (?, ?, ?, ?, ?, ?)", rows(data))
    return db


def fts5_search(db: sqlite3.Connection, op: str) -> Callable[[str, int], list[str]]:
    weights = ", ".join(str(w) for w in WEIGHTS)

    def search(text: str, limit: int) -> list[str]:
        words = [w for w in re.findall(r"\w+", text.lower())]
        if not words:
            return []
        q = f" {op} ".join(f'"{w}"' for w in words)
        cur = db.execute(f"SELECT key FROM e WHERE e MATCH ? ORDER BY bm25(e, {weights}) LIMIT ?", (q, limit))
        return [r[0] for r in cur]

    return search


def evaluate(search: Callable[[str, int], list[str]], suite: dict[str, Any]) -> dict[str, Any]:
    k = suite["k"]
    found, rr, misses, times = 0, 0.0, [], []
    for q in suite["queries"]:
        hits = search(q["query"], 10)
        rank = next((i + 1 for i, h in enumerate(hits) if h in q["relevant"]), None)
        rr += 1.0 / rank if rank else 0.0
        if rank and rank <= k:
            found += 1
        else:
            misses.append(q["query"])
        for _ in range(20):
            t = time.perf_counter()
            search(q["query"], 10)
            times.append((time.perf_counter() - t) * 1e3)
    times.sort()
    n = len(suite["queries"])
    return {
        "recall_at_k": round(found / n, 3), "found": found, "queries": n, "mrr": round(rr / n, 3),
        "p50_ms": round(statistics.median(times), 4), "p95_ms": round(times[int(len(times) * 0.95)], 4),
        "misses": misses,
    }


def compare(data_path: Path | None = None) -> dict[str, Any]:
    suite = json.loads(SUITE.read_text(encoding="utf-8"))
    s = protecteu.load(str(data_path)) if data_path else protecteu.load()
    data = json.loads(s.to_json())
    db = fts5(data)
    return {
        "k": suite["k"],
        "protecteu": evaluate(lambda t, n: [f"{h.kind}/{h.id}" for h in s.search(t, limit=n)], suite),
        "fts5_and": evaluate(fts5_search(db, "AND"), suite),
        "fts5_or": evaluate(fts5_search(db, "OR"), suite),
        "sqlite": sqlite3.sqlite_version,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, help="canonical JSON file (default: the embedded data set)")
    args = ap.parse_args()
    r = compare(args.data)
    for name in ("protecteu", "fts5_and", "fts5_or"):
        x = r[name]
        print(f"{name:10} recall@{r['k']} {x['recall_at_k']:.3f} ({x['found']}/{x['queries']}), MRR {x['mrr']:.3f}, "
              f"p50 {x['p50_ms']:.4f} ms, p95 {x['p95_ms']:.4f} ms; misses: {x['misses']}")
    print(json.dumps({k: ({kk: vv for kk, vv in v.items() if kk != "misses"} if isinstance(v, dict) else v)
                      for k, v in r.items()}))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
