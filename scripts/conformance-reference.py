#!/usr/bin/env python3
"""Naive reference implementation of the query semantics, used to compute the expected
answers of the conformance vectors in tests/conformance/vectors.json.

It reads the canonical JSON of the embedded data set and answers each query by a plain linear
scan, written from the documented semantics (crates/protecteu/src/query/filter.rs, search.rs,
timeline.rs, and for the interchange ops docs/INTERCHANGE.md and the module docs of
interchange/overlay.rs and interchange/tables.rs), not from the Rust code paths. The CSV header is derived
from the JSON Schema of the data files (data/schema/protecteu-data.schema.json), by the
documented rule: an entity's scalar fields, nested objects flattened, lists left out.
Overlays are parsed with tomllib and merged with a plain dict walk. The Rust, Python,
Kotlin and Swift tests must all agree with it. Vectors whose `expect` is written by hand
below (errors, suggestions) are kept as they are.

Usage: scripts/conformance-reference.py  (rewrites tests/conformance/vectors.json;
Python 3.11+ for tomllib, or the tomli package)
"""
import calendar
import copy
import datetime as dt
import hashlib
import json
import pathlib
import unicodedata

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
CANONICAL = (ROOT / "crates/protecteu/data/protecteu-2025.json").read_bytes()
DATA = json.loads(CANONICAL)
SCHEMA = json.loads((ROOT / "data/schema/protecteu-data.schema.json").read_text())
AS_OF = dt.date.fromisoformat(DATA["dataset"]["as_of"])
DELIVERED = {"proposed", "provisional_agreement", "adopted", "published", "delivered", "endorsed"}
KIND_ORDER = ["strategy", "objective", "principle", "section", "theme", "threat", "action",
              "actor", "instrument", "document", "figure", "source"]
# Verification levels, strongest first (spec: data/README.md, "Sources and citations").
LEVELS = ["official_text", "reproduced_text", "official_summary", "secondary_source"]


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


# --- interchange: exports ---------------------------------------------------------------

PLURAL = {"strategy": "strategy", "objective": "objectives", "principle": "principles",
          "section": "sections", "theme": "themes", "threat": "threats", "action": "actions",
          "actor": "actors", "instrument": "instruments", "document": "documents", "figure": "figures",
          "source": "sources"}
KIND_OF = {**{k: k for k in PLURAL}, **{v: k for k, v in PLURAL.items()}}
FORMATS = ["json", "jsonl", "csv", "markdown", "dot", "mermaid", "jsonld", "turtle"]


def entities(data, kind):
    """The entities of a kind in the data set's order (the strategy kind: the strategy)."""
    return [data["strategy"]] if kind == "strategy" else data.get(PLURAL[kind], [])


def line_key(kind, entity):
    return f"{kind}/{entity['id']}" if "id" in entity else kind


def jsonl_lines(kind):
    """The `kind/id` of every JSON Lines line: without a kind, a `dataset` line (the dataset
    table has no id), then every kind in canonical order; with a kind, that kind's entities."""
    if kind is not None:
        return [line_key(kind, e) for e in entities(DATA, kind)]
    out = [line_key("dataset", DATA["dataset"])]
    for k in KIND_ORDER:
        out += [line_key(k, e) for e in entities(DATA, k)]
    return out


def schema_resolve(prop):
    """A schema property with `anyOf [X, null]` and `$ref` resolved."""
    for alt in prop.get("anyOf", []):
        if alt.get("type") != "null":
            prop = alt
            break
    if "$ref" in prop:
        return SCHEMA["$defs"][prop["$ref"].rsplit("/", 1)[1]]
    return prop


def is_list(prop):
    t = prop.get("type")
    return t == "array" or (isinstance(t, list) and "array" in t)


def csv_columns(kind):
    """The documented columns of a kind's table: its scalar fields in schema order, a nested
    object's fields as `field_sub`, lists left out (they go to link tables)."""
    top = schema_resolve(SCHEMA["properties"][PLURAL[kind]])
    definition = schema_resolve(top["items"]) if is_list(top) else top
    columns = []
    for key, prop in definition["properties"].items():
        prop = schema_resolve(prop)
        if is_list(prop):
            continue
        if "properties" in prop:
            columns += [f"{key}_{sub}" for sub in prop["properties"]]
        else:
            columns.append(key)
    return columns


def export(fmt, kind):
    if fmt not in FORMATS:
        return {"error": "invalid_argument"}
    if kind is not None and kind not in KIND_OF:
        return {"error": "invalid_argument"}
    kind = KIND_OF.get(kind)
    if fmt == "csv" and kind is None:
        return {"error": "invalid_argument"}
    if fmt not in ("jsonl", "csv") and kind is not None:
        return {"error": "invalid_argument"}
    if fmt == "jsonl":
        return {"lines": jsonl_lines(kind)}
    if fmt == "csv":
        return {"columns": csv_columns(kind), "ids": [e["id"] for e in entities(DATA, kind)]}
    raise ValueError(f"no expectation defined for format {fmt}")


# --- interchange: overlays and diffs ----------------------------------------------------

def merge_overlay(text):
    """(merged data, changes, problem codes), by the rules of overlay.rs's module docs: a new id
    is added; an existing id needs `amends = true` (else duplicate-id), `amends = true` needs
    an existing id (else unknown-reference); an amendment replaces the fields it gives except
    `status` and `citations`, which are appended, and must cite a source when it changes any
    field other than `status` (else missing-source). A top-level `sources` list adds registry
    sources like any other kind."""
    overlay = tomllib.loads(text)
    merged = copy.deepcopy(DATA)
    changes, codes = [], set()
    for key, value in overlay.items():
        if key == "overlay":
            continue
        if key in ("dataset", "strategy"):
            raise ValueError("the reference does not model amendments of [dataset]/[strategy]")
        kind = KIND_OF[key]
        for entry in value:
            entry = dict(entry)
            amends = entry.pop("amends", False)
            existing = next((e for e in merged[key] if e["id"] == entry["id"]), None)
            if existing is not None and not amends:
                codes.add("duplicate-id")
            elif existing is None and amends:
                codes.add("unknown-reference")
            elif existing is None:
                merged[key].append(entry)
                changes.append({"change": "added", "kind": kind, "id": entry["id"]})
            elif any(k not in ("id", "status", "citations") for k in entry) and not entry.get("citations"):
                codes.add("missing-source")
            else:
                for k, v in entry.items():
                    if k in ("status", "citations"):
                        have = existing.setdefault(k, [])
                        have += [x for x in v if k == "status" or x not in have]
                    elif k != "id":
                        existing[k] = v
                changes.append({"change": "amended", "kind": kind, "id": entry["id"]})
    return merged, changes, codes


def check_references(data):
    """A guard on the vectors themselves (not a validator): what an overlay adds must name
    ids that exist, or the vector would test a validation failure by accident."""
    known = {k: {e["id"] for e in entities(data, k)} for k in PLURAL}
    for a in data["actions"]:
        assert a["section"] in known["section"], a["id"]
        for field, kind in [("lead", "actor"), ("involved", "actor"), ("themes", "theme"),
                            ("threats", "threat"), ("objectives", "objective"),
                            ("instruments", "instrument")]:
            for ref in a.get(field, []):
                assert ref in known[kind], (a["id"], field, ref)
        assert a.get("citations"), a["id"]
        for c in a["citations"] + [c for e in a.get("status", []) for c in e.get("citations", [])]:
            assert c["source"] in known["source"], (a["id"], c["source"])
        dates = [e["date"] for e in a.get("status", [])]
        assert dates == sorted(dates) and all(d <= DATA["dataset"]["as_of"] for d in dates), a["id"]


def diff(old, new):
    """Per kind in canonical order, entities added (in the new set's order), removed (in the
    old set's order) and changed (fields whose values differ, or that one side lacks)."""
    out = {"added": [], "removed": [], "changed": [], "changed_fields": {}}
    for kind in KIND_ORDER:
        before = {e["id"]: e for e in entities(old, kind)}
        after = {e["id"]: e for e in entities(new, kind)}
        for e in entities(new, kind):
            assert not e.get("previous_ids") or e["id"] in before, "renames are not modelled here"
            if e["id"] not in before:
                out["added"].append(f"{kind}/{e['id']}")
            elif before[e["id"]] != e:
                o = before[e["id"]]
                fields = sorted(k for k in set(o) | set(e) if o.get(k) != e.get(k))
                out["changed"].append(f"{kind}/{e['id']}")
                out["changed_fields"][f"{kind}/{e['id']}"] = fields
        out["removed"] += [f"{kind}/{e['id']}" for e in entities(old, kind) if e["id"] not in after]
    return out


def apply_overlay(text):
    merged, changes, codes = merge_overlay(text)
    if codes:
        return {"error": "validation", "codes": sorted(codes)}
    check_references(merged)
    # TOML tables have no key order, so the order of kinds within one file is not part of
    # the contract: changes are compared grouped by kind in canonical order.
    changes.sort(key=lambda c: KIND_ORDER.index(c["kind"]))
    return {"changes": changes, "diff": diff(DATA, merged)}


def source(id_, title, url, publisher, cls):
    """A registry entry for an overlay's new source."""
    return (f'[[sources]]\nid = "{id_}"\ntitle = "{title}"\nurl = "{url}"\npublisher = "{publisher}"\n'
            f'class = "{cls}"\nlanguage = "en"\nreadable = "whole page"\n')


def cite(table, id_, verification="official_summary", fields=None, locator=None):
    out = f'[[{table}.citations]]\nsource = "{id_}"\n'
    if fields:
        out += "fields = [" + ", ".join(f'"{f}"' for f in fields) + "]\n"
    if locator:
        out += f'locator = "{locator}"\n'
    return out + f'verification = "{verification}"\n'


AS_OF_TEXT = DATA["dataset"]["as_of"]

OVERLAY_NEW_ACTION = f"""[overlay]
name = "Conformance: a new action"

[[actions]]
id = "conformance-national-contact-point"
title = "National contact point for ProtectEU"
summary = "A Member State sets up a national contact point for the strategy (conformance test)."
section = "introduction-governance"
kind = "operational"
timing = {{ kind = "year", year = 2026, text = "2026" }}
lead = ["member-states"]
themes = ["cybercrime"]

{cite("actions", "conformance-press-note", fields=["title", "summary", "timing", "lead"], locator="first paragraph")}
{source("conformance-press-note", "Ministry press note", "https://example.org/press-note", "A national ministry", "national_government")}"""

OVERLAY_AMEND_NOTE = f"""[[actions]]
id = "encryption-technology-roadmap"
amends = true
notes = "A national parliament asked for the roadmap's timetable (conformance test)."

{cite("actions", "conformance-question", "secondary_source", fields=["notes"])}
{source("conformance-question", "Parliamentary question", "https://example.org/question", "A national parliament", "national_government")}"""

OVERLAY_STATUS_EVENT = f"""[[actions]]
id = "ransomware-response"
amends = true

[[actions.status]]
date = "{AS_OF_TEXT}"
status = "in_preparation"
note = "Work reported as started (conformance test)."

{cite("actions.status", "conformance-work-programme", locator="item 4")}
{source("conformance-work-programme", "Agency work programme", "https://example.org/work-programme", "An EU agency", "eu_institution")}"""

OVERLAY_DUPLICATE = f"""[[actions]]
id = "encryption-technology-roadmap"
notes = "Re-uses an id without amends (conformance test)."

{cite("actions", "conformance-note", "secondary_source", fields=["notes"])}
{source("conformance-note", "A note", "https://example.org/note", "An editor", "forum_blog")}"""

OVERLAY_UNKNOWN = f"""[[actions]]
id = "conformance-no-such-action"
amends = true
notes = "Amends an id the data set does not have (conformance test)."

{cite("actions", "conformance-note", "secondary_source", fields=["notes"])}
{source("conformance-note", "A note", "https://example.org/note", "An editor", "forum_blog")}"""

OVERLAY_NO_SOURCE = """[[actions]]
id = "encryption-technology-roadmap"
amends = true
title = "Encryption roadmap, renamed without a source (conformance test)"
"""

OVERLAY_ACTOR_AND_ACTION = f"""[[actors]]
id = "conformance-national-cyber-agency"
name = "National cyber agency (conformance test)"
kind = "member_states"

{cite("actors", "conformance-decree", fields=["name", "kind"])}
[[actions]]
id = "conformance-national-ransomware-unit"
title = "National ransomware unit"
summary = "The national cyber agency sets up a ransomware response unit (conformance test)."
section = "resilience-hybrid-threats"
kind = "operational"
timing = {{ kind = "ongoing", text = "ongoing" }}
lead = ["conformance-national-cyber-agency"]
involved = ["europol"]
threats = ["cyberattacks"]

{cite("actions", "conformance-ransomware-unit", fields=["title", "summary", "lead"])}
{source("conformance-decree", "Agency founding decree", "https://example.org/decree", "A national government", "national_government")}
{source("conformance-ransomware-unit", "Agency press release", "https://example.org/ransomware-unit", "A national cyber agency", "national_government")}"""


# --- provenance: the registry, citations and the fingerprint -----------------------------

def citation_lists(data):
    """(kind, citation list) of every entity and status event, in canonical order."""
    out = []
    for kind in KIND_ORDER:
        if kind == "source":
            continue
        for e in entities(data, kind):
            out.append((kind, e.get("citations", [])))
            for ev in e.get("status", []) if kind == "action" else []:
                out.append((kind, ev.get("citations", [])))
    return out


def sources(kind):
    """Registry rows in registry order: class, the levels citing it (strongest first) and the
    number of facts (one per field named, one for a citation naming none); `kind` keeps the
    sources cited by that kind's entities."""
    kind = KIND_OF[kind] if kind is not None else None
    use = {}
    for k, cites in citation_lists(DATA):
        for c in cites:
            u = use.setdefault(c["source"], {"levels": set(), "facts": 0, "kinds": set()})
            u["levels"].add(c["verification"])
            u["facts"] += max(1, len(c.get("fields", [])))
            u["kinds"].add(k)
    rows = []
    for src in DATA["sources"]:
        u = use.get(src["id"], {"levels": set(), "facts": 0, "kinds": set()})
        if kind is not None and kind not in u["kinds"]:
            continue
        rows.append({"id": src["id"], "class": src["class"],
                     "levels": [lv for lv in LEVELS if lv in u["levels"]], "facts": u["facts"]})
    return {"sources": rows}


def citations(kind, id_):
    """An entity's citations field by field: one per field a citation names (`*` when it
    names none), then each status event's as `status[i]`."""
    kind = KIND_OF[kind]
    found = [e for e in entities(DATA, kind) if e["id"] == id_]
    if not found:
        return nf(kind, id_, None)
    e = found[0]
    out = []
    def expand(cites, whole):
        for c in cites:
            for f in c.get("fields") or [whole]:
                out.append({"field": f, "source": c["source"], "locator": c.get("locator"),
                            "verification": c["verification"]})
    expand(e.get("citations", []), "*")
    for i, ev in enumerate(e.get("status", []) if kind == "action" else []):
        expand(ev.get("citations", []), f"status[{i}]")
    return {"citations": out}


def fingerprint():
    """The SHA-256 of the canonical JSON (the embedded file, byte for byte)."""
    return {"fingerprint": hashlib.sha256(CANONICAL).hexdigest()}


def coverage():
    """Per section (its subsections' actions included) and in total: the key-actions box,
    the actions by the strongest level any of their citations reaches, the actions with
    status events / with an evidence document, the events and the newest event's date
    (spec: crates/protecteu/src/query/coverage.rs module docs, data/README.md)."""
    def tally(acts):
        best = {lv: 0 for lv in LEVELS}
        best["uncited"] = 0
        for a in acts:
            levels = [c["verification"] for c in a.get("citations", [])]
            top = min(levels, key=LEVELS.index) if levels else "uncited"
            best[top] += 1
        dates = [e["date"] for a in acts for e in a.get("status", [])]
        return {"actions": len(acts), "best_level": best,
                "with_status_events": sum(1 for a in acts if a.get("status")),
                "with_evidence_document": sum(1 for a in acts if any("evidence" in e for e in a.get("status", []))),
                "status_events": len(dates), "newest_event": max(dates) if dates else None}
    rows = []
    for sec in DATA["sections"]:
        tree = section_tree(sec["id"])
        box = sec.get("key_actions_box", "not_seen")
        box_levels = [c["verification"] for c in sec.get("citations", []) if "key_actions_box" in c.get("fields", [])]
        rows.append({"section": sec["id"], "key_actions_box": box,
                     "key_actions_box_level": min(box_levels, key=LEVELS.index) if box_levels else None,
                     **tally([a for a in DATA["actions"] if a["section"] in tree])})
    chapters = [sec.get("key_actions_box", "not_seen") for sec in DATA["sections"] if not sec.get("parent")]
    total = {"as_of": DATA["dataset"]["as_of"], "sections": len(DATA["sections"]), "chapters": len(chapters),
             "chapters_box_seen_whole": chapters.count("seen_whole"),
             "chapters_box_seen_in_part": chapters.count("seen_in_part"),
             "chapters_box_not_seen": chapters.count("not_seen"),
             "titles_confirmed": sum(1 for sec in DATA["sections"] if sec["title_confirmed"]),
             **tally(DATA["actions"])}
    return {"sections": rows, "total": total}


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
    ("export-jsonl-all", "export", {"format": "jsonl", }),
    ("export-jsonl-themes", "export", {"format": "jsonl", "kind": "themes"}),
    ("export-csv-actions", "export", {"format": "csv", "kind": "actions"}),
    ("export-csv-actors", "export", {"format": "csv", "kind": "actors"}),
    ("export-csv-instrument-singular", "export", {"format": "csv", "kind": "instrument"}),
    ("export-csv-strategy", "export", {"format": "csv", "kind": "strategy"}),
    ("export-unknown-format", "export", {"format": "pdf", }),
    ("export-csv-without-kind", "export", {"format": "csv", }),
    ("export-csv-unknown-kind", "export", {"format": "csv", "kind": "agencies"}),
    ("export-turtle-with-kind", "export", {"format": "turtle", "kind": "actions"}),
    ("overlay-new-action", "overlay", {"text": OVERLAY_NEW_ACTION, "file": "new-action.toml"}),
    ("overlay-amend-note-and-source", "overlay", {"text": OVERLAY_AMEND_NOTE, "file": "note.toml"}),
    ("overlay-amend-status-event", "overlay", {"text": OVERLAY_STATUS_EVENT, "file": "status.toml"}),
    ("overlay-duplicate-id", "overlay", {"text": OVERLAY_DUPLICATE, "file": "duplicate.toml"}),
    ("overlay-amends-unknown-id", "overlay", {"text": OVERLAY_UNKNOWN, "file": "unknown.toml"}),
    ("overlay-amendment-without-source", "overlay", {"text": OVERLAY_NO_SOURCE, "file": "no-source.toml"}),
    ("overlay-actor-and-action", "overlay", {"text": OVERLAY_ACTOR_AND_ACTION, "file": "actor.toml"}),
    ("export-csv-sources", "export", {"format": "csv", "kind": "sources"}),
    ("export-jsonl-sources", "export", {"format": "jsonl", "kind": "source"}),
    ("get-source", "get", {"kind": "source", "id": DATA["sources"][0]["id"]}, {"id": DATA["sources"][0]["id"]}),
    ("sources-all", "sources", {}),
    ("sources-cited-by-figures", "sources", {"kind": "figures"}),
    ("sources-cited-by-the-strategy", "sources", {"kind": "strategy"}),
    ("citations-lawful-access-roadmap", "citations", {"kind": "action", "id": "lawful-access-roadmap"}),
    ("citations-europol-mandate-revision", "citations", {"kind": "action", "id": "europol-mandate-revision"}),
    ("citations-actor-europol", "citations", {"kind": "actor", "id": "europol"}),
    ("citations-instrument-europol-regulation", "citations", {"kind": "instrument", "id": "europol-regulation"}),
    ("citations-strategy", "citations", {"kind": "strategy", "id": DATA["strategy"]["id"]}),
    ("citations-figure", "citations", {"kind": "figure", "id": DATA["figures"][0]["id"]}),
    ("citations-unknown-action", "citations", {"kind": "action", "id": "quantum-teleportation"}, nf("action", "quantum-teleportation", None)),
    ("fingerprint", "fingerprint", {}),
    ("coverage", "coverage", {}),
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
            elif op == "export":
                expect = export(args["format"], args.get("kind"))
            elif op == "overlay":
                expect = apply_overlay(args["text"])
            elif op == "sources":
                expect = sources(args.get("kind"))
            elif op == "citations":
                expect = citations(args["kind"], args["id"])
            elif op == "fingerprint":
                expect = fingerprint()
            elif op == "coverage":
                expect = coverage()
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
