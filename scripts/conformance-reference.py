#!/usr/bin/env python3
"""Naive reference implementation of the query semantics, used to compute the expected
answers of the conformance vectors in tests/conformance/vectors.json.

It reads the canonical JSON of the embedded data set and answers each query by a plain linear
scan, written from the documented semantics (crates/protecteu/src/query.rs, search.rs,
timeline.rs), not from the Rust code paths. The Rust, Python, Kotlin and Swift tests must all
agree with it. Vectors whose `expect` is written by hand below (errors, suggestions) are kept
as they are.

Usage: scripts/conformance-reference.py  (rewrites tests/conformance/vectors.json)
"""
import calendar
import datetime as dt
import json
import pathlib
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = json.loads((ROOT / "crates/protecteu/data/protecteu-2025.json").read_text())
AS_OF = dt.date.fromisoformat(DATA["dataset"]["as_of"])
DELIVERED = {"proposed", "provisional_agreement", "adopted", "published", "delivered"}
KIND_ORDER = ["strategy", "objective", "principle", "section", "theme", "threat", "action",
              "actor", "instrument", "document", "figure"]


def fold(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def tokens(text):
    out, cur = [], []
    for c in fold(text or ""):
        if c.isalnum():
            cur.append(c)
        elif cur:
            out.append("".join(cur)); cur = []
    if cur:
        out.append("".join(cur))
    return out


def period(text):
    text = str(text)
    year = int(text[:4])
    if len(text) == 4:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    unit, n = text[5].upper(), int(text[6:])
    months = 6 if unit == "H" else 3
    first = (n - 1) * months + 1
    last = first + months - 1
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


def deadline(action):
    t = action["timing"]
    k = t["kind"]
    if k in ("year", "by"):
        return period(str(t["year"]))[1]
    if k == "half":
        return period(f'{t["year"]}-H{t["half"]}')[1]
    if k == "quarter":
        return period(f'{t["year"]}-Q{t["quarter"]}')[1]
    return None


def status_at(action, on):
    status = "announced"
    for e in action.get("status", []):
        if dt.date.fromisoformat(e["date"]) <= on:
            status = e["status"]
    return status


def progress_at(action, on):
    s = status_at(action, on)
    if s == "withdrawn":
        return "withdrawn"
    if s in DELIVERED:
        return "delivered"
    d = deadline(action)
    if d is None:
        return "open"
    return "overdue" if d < on else "due"


def section_tree(root):
    parents = {s["id"]: s.get("parent") for s in DATA["sections"]}
    out = set()
    for sid in parents:
        cur = sid
        while cur is not None:
            if cur == root:
                out.add(sid)
                break
            cur = parents.get(cur)
    return out


def text_match(action, text):
    words = set(tokens(action["title"]) + tokens(action["id"]) + tokens(action["summary"]) + tokens(action.get("notes", "")))
    return all(any(w.startswith(q) for w in words) for q in tokens(text))


def actions(f):
    on = dt.date.fromisoformat(f["as_of"]) if "as_of" in f else AS_OF
    out = []
    for a in DATA["actions"]:
        if "section" in f and a["section"] not in section_tree(f["section"]):
            continue
        if "theme" in f and f["theme"] not in a.get("themes", []):
            continue
        if "threat" in f and f["threat"] not in a.get("threats", []):
            continue
        if "actor" in f and f["actor"] not in a.get("lead", []) + a.get("involved", []):
            continue
        if "lead" in f and f["lead"] not in a.get("lead", []):
            continue
        if "objective" in f and f["objective"] not in a.get("objectives", []):
            continue
        if "instrument" in f and f["instrument"] not in a.get("instruments", []):
            continue
        if "kind" in f and a["kind"] != f["kind"]:
            continue
        if "status" in f and status_at(a, on) != f["status"]:
            continue
        if "progress" in f and progress_at(a, on) != f["progress"]:
            continue
        d = deadline(a)
        if "due_by" in f and (d is None or d > period(f["due_by"])[1]):
            continue
        if "due_in" in f:
            start, end = period(f["due_in"])
            if d is None or not (start <= d <= end):
                continue
        if "text" in f and not text_match(a, f["text"]):
            continue
        out.append(a["id"])
    return out


def search_docs():
    """(kind, position, id, names, [(weight, text)]) for every entity, as documented."""
    s = DATA["strategy"]
    yield "strategy", 0, s["id"], [s["id"]], [(3, s["title"]), (1, s["summary"]), (2, s["document_number"])]
    for kind, key, name, body in [("objective", "objectives", "title", "summary"), ("principle", "principles", "title", "summary"),
                                  ("section", "sections", "title", "summary"), ("theme", "themes", "name", "summary"),
                                  ("threat", "threats", "name", "summary")]:
        for i, e in enumerate(DATA[key]):
            yield kind, i, e["id"], [e["id"]], [(3, e[name]), (2, e["id"]), (1, e.get(body, ""))]
    for i, e in enumerate(DATA["actions"]):
        yield "action", i, e["id"], [e["id"]], [(3, e["title"]), (2, e["id"]), (1, e["summary"]), (1, e.get("notes", ""))]
    for i, e in enumerate(DATA["actors"]):
        yield "actor", i, e["id"], [e["id"], e.get("abbreviation", "")], [(3, e["name"]), (3, e.get("abbreviation", "")), (2, e["id"])]
    for i, e in enumerate(DATA["instruments"]):
        yield "instrument", i, e["id"], [e["id"], e.get("celex", "")], [(3, e["short_title"]), (3, e["number"]), (2, e["id"]), (2, e.get("celex", ""))]
    for i, e in enumerate(DATA["documents"]):
        yield "document", i, e["id"], [e["id"], e.get("number", "")], [(3, e["title"]), (3, e.get("number", "")), (2, e["id"]), (1, e.get("procedure", ""))]
    for i, e in enumerate(DATA["figures"]):
        yield "figure", i, e["id"], [e["id"]], [(3, e["statement"]), (2, e["id"]), (1, e["value"])]


def search(text, limit):
    words = tokens(text)
    whole = "-".join(words)
    hits = []
    for kind, pos, eid, names, fields in search_docs():
        weight = {}
        for w, t in fields:
            for tok in tokens(t):
                weight[tok] = weight.get(tok, 0) + w
        total = 0.0
        for q in words:
            best = max([wt * (1.0 if term == q else 0.5) for term, wt in weight.items() if term.startswith(q)], default=None)
            if best is None:
                break
            total += best
        else:
            if words:
                if whole in ["-".join(tokens(n)) for n in names if n]:
                    total += 10.0
                hits.append((-total, KIND_ORDER.index(kind), pos, f"{kind}/{eid}"))
    hits.sort()
    return [h[3] for h in hits[:limit]]


def timeline(as_of, progress):
    on = dt.date.fromisoformat(as_of)
    dated, ongoing, not_stated = [], [], []
    for i, a in enumerate(DATA["actions"]):
        t = a["timing"]
        if deadline(a) is not None:
            if t["kind"] in ("year", "by"):
                start, end, rank = *period(str(t["year"])), 2
            elif t["kind"] == "half":
                start, end, rank = *period(f'{t["year"]}-H{t["half"]}'), 1
            else:
                start, end, rank = *period(f'{t["year"]}-Q{t["quarter"]}'), 0
            dated.append(((start, rank), i, a))
        elif t["kind"] == "ongoing":
            ongoing.append(a)
        else:
            not_stated.append(a)
    dated.sort(key=lambda x: (x[0], x[1]))
    ordered = [x[2] for x in dated] + ongoing + not_stated
    return [a["id"] for a in ordered if progress_at(a, on) == progress]


def stats():
    by_kind, by_status = {}, {}
    for a in DATA["actions"]:
        by_kind[a["kind"]] = by_kind.get(a["kind"], 0) + 1
        s = status_at(a, AS_OF)
        by_status[s] = by_status.get(s, 0) + 1
    return {"actions": len(DATA["actions"]), "by_kind": by_kind, "by_status": by_status}


def nf(kind, id_, suggestion):
    return {"error": "not_found", "kind": kind, "id": id_, "suggestion": suggestion}


QUERIES = [
    ("europol-actions", "actions", {"filter": {"actor": "europol"}}),
    ("europol-due-by-2026", "actions", {"filter": {"actor": "europol", "due_by": "2026"}}),
    ("europol-lead", "actions", {"filter": {"lead": "europol"}}),
    ("commission-leads-due-2026", "actions", {"filter": {"lead": "commission", "due_in": "2026"}}),
    ("due-by-2025", "actions", {"filter": {"due_by": "2025"}}),
    ("due-in-2026-h2", "actions", {"filter": {"due_in": "2026-H2"}}),
    ("due-in-2026-q2", "actions", {"filter": {"due_in": "2026-Q2"}}),
    ("section-with-subsections", "actions", {"filter": {"section": "serious-organised-crime"}}),
    ("subsection-only", "actions", {"filter": {"section": "drugs"}}),
    ("section-terrorism", "actions", {"filter": {"section": "terrorism-violent-extremism"}}),
    ("theme-drug-trafficking", "actions", {"filter": {"theme": "drug-trafficking"}}),
    ("theme-cybercrime", "actions", {"filter": {"theme": "cybercrime"}}),
    ("threat-hybrid", "actions", {"filter": {"threat": "hybrid-threats"}}),
    ("threat-terrorism", "actions", {"filter": {"threat": "terrorism"}}),
    ("kind-revision", "actions", {"filter": {"kind": "revision"}}),
    ("kind-strategy", "actions", {"filter": {"kind": "strategy"}}),
    ("status-proposed", "actions", {"filter": {"status": "proposed"}}),
    ("status-delivered", "actions", {"filter": {"status": "delivered"}}),
    ("status-announced-at-end-2025", "actions", {"filter": {"status": "announced", "as_of": "2025-12-31", "lead": "commission", "section": "serious-organised-crime"}}),
    ("status-proposed-before-2026", "actions", {"filter": {"status": "proposed", "as_of": "2025-12-31"}}),
    ("progress-overdue", "actions", {"filter": {"progress": "overdue"}}),
    ("progress-overdue-2027", "actions", {"filter": {"progress": "overdue", "as_of": "2027-01-01"}}),
    ("progress-delivered", "actions", {"filter": {"progress": "delivered"}}),
    ("instrument-europol-regulation", "actions", {"filter": {"instrument": "europol-regulation"}}),
    ("drug-laws", "actions", {"filter": {"theme": "drug-trafficking", "instrument": "drug-precursors-regulation"}}),
    ("text-encryption", "actions", {"filter": {"text": "encryption"}}),
    ("text-prefix-and-diacritics", "actions", {"filter": {"text": "DRÜG traff"}}),
    ("combined-filter", "actions", {"filter": {"section": "law-enforcement-tools", "kind": "revision", "actor": "commission", "due_by": "2026"}}),
    ("empty-result", "actions", {"filter": {"theme": "child-sexual-abuse", "kind": "revision", "due_by": "2025"}}),
    ("unknown-actor", "actions", {"filter": {"actor": "europl"}}, nf("actor", "europl", "europol")),
    ("unknown-section", "actions", {"filter": {"section": "drugz"}}, nf("section", "drugz", "drugs")),
    ("bad-period", "actions", {"filter": {"due_in": "2026-Q5"}}, {"error": "invalid_argument"}),
    ("bad-date", "actions", {"filter": {"as_of": "2026-02-30", "status": "proposed"}}, {"error": "invalid_argument"}),
    ("search-encryption", "search", {"text": "encryption", "limit": 10}),
    ("search-europol", "search", {"text": "Europol", "limit": 5}),
    ("search-case-diacritics", "search", {"text": "SÉCURITY research", "limit": 5}),
    ("search-prefix", "search", {"text": "precurs", "limit": 5}),
    ("search-nothing", "search", {"text": "zzyzx", "limit": 5}),
    ("get-action", "get", {"kind": "action", "id": "lawful-access-roadmap"}, {"id": "lawful-access-roadmap"}),
    ("get-actor", "get", {"kind": "actor", "id": "europol"}, {"id": "europol"}),
    ("get-instrument", "get", {"kind": "instrument", "id": "europol-regulation"}, {"id": "europol-regulation"}),
    ("get-theme", "get", {"kind": "theme", "id": "cybercrime"}, {"id": "cybercrime"}),
    ("get-unknown-actor", "get", {"kind": "actor", "id": "europl"}, nf("actor", "europl", "europol")),
    ("get-unknown-action", "get", {"kind": "action", "id": "quantum-teleportation"}, nf("action", "quantum-teleportation", None)),
    ("get-unknown-theme", "get", {"kind": "theme", "id": "cybercrim"}, nf("theme", "cybercrim", "cybercrime")),
    ("timeline-overdue-now", "timeline", {"as_of": DATA["dataset"]["as_of"], "progress": "overdue"}),
    ("timeline-due-2026", "timeline", {"as_of": "2026-01-01", "progress": "due"}),
    ("timeline-delivered-2026-07", "timeline", {"as_of": "2026-07-01", "progress": "delivered"}),
    ("stats", "stats", {}),
]


def main():
    vectors = []
    for q in QUERIES:
        name, op, args = q[0], q[1], q[2]
        expect = q[3] if len(q) > 3 else None
        if expect is None:
            if op == "actions":
                expect = {"ids": actions(args["filter"])}
            elif op == "search":
                expect = {"hits": search(args["text"], args["limit"])}
            elif op == "timeline":
                expect = {"ids": timeline(args["as_of"], args["progress"])}
            elif op == "stats":
                expect = stats()
        vectors.append({"name": name, "op": op, **args, "expect": expect})
    out = {
        "description": "Queries over the embedded ProtectEU data set and their expected answers; see README.md.",
        "dataset_version": DATA["dataset"]["version"],
        "vectors": vectors,
    }
    path = ROOT / "tests/conformance/vectors.json"
    path.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {len(vectors)} vectors to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
