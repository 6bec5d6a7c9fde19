"""Every method and property of the Python API."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any, Callable

import pytest

import protecteu
from protecteu import _native

# Every lookup method, the list property of its kind, and its class.
LOOKUPS: list[tuple[str, str, type]] = [
    ("objective", "objectives", protecteu.Objective),
    ("principle", "principles", protecteu.Principle),
    ("section", "sections", protecteu.Section),
    ("theme", "themes", protecteu.Theme),
    ("threat", "threats", protecteu.Threat),
    ("actor", "actors", protecteu.Actor),
    ("instrument", "instruments", protecteu.LegalInstrument),
    ("document", "documents", protecteu.Document),
    ("figure", "figures", protecteu.KeyFigure),
]


def test_version_and_dataset(s: protecteu.Strategy) -> None:
    assert protecteu.__version__ == _native.__version__
    assert protecteu.__version__.count(".") == 2
    assert s.dataset_version.count(".") == 2
    assert isinstance(s.as_of, datetime.date)
    assert s.as_of >= datetime.date(2025, 4, 1)
    assert repr(s).startswith("Strategy(id='protecteu'")


def test_load_twice_gives_equal_models(s: protecteu.Strategy) -> None:
    again = protecteu.load(None)
    assert again.to_json() == s.to_json()


def test_to_json_round_trip_through_load_path(s: protecteu.Strategy, tmp_path: Path) -> None:
    text = s.to_json()
    assert json.loads(text)["dataset"]["version"] == s.dataset_version
    path = tmp_path / "model.json"
    path.write_text(text, encoding="utf-8")
    for arg in (path, str(path)):
        loaded = protecteu.load(arg)
        assert loaded.to_json() == text
        assert [a.id for a in loaded.actions()] == [a.id for a in s.actions()]


@pytest.mark.parametrize("method,prop,cls", LOOKUPS)
def test_lists_and_lookups(s: protecteu.Strategy, method: str, prop: str, cls: type) -> None:
    items = getattr(s, prop)
    assert isinstance(items, protecteu.ResultList)
    assert isinstance(items, list)
    assert items, prop
    lookup: Callable[[str], Any] = getattr(s, method)
    for item in items:
        assert isinstance(item, cls)
        found = lookup(item.id)
        assert found == item
        assert hash(found) == hash(item)
        d = item.to_dict()
        assert d["id"] == item.id
        assert repr(item).startswith(f"{cls.__name__}(id='{item.id}'")
    with pytest.raises(protecteu.NotFoundError) as info:
        lookup(items[0].id + "x")
    e = info.value
    assert e.kind == method
    assert e.id == items[0].id + "x"
    assert e.suggestion == items[0].id
    assert str(e) == f"unknown {method} '{items[0].id}x'; did you mean '{items[0].id}'?"
    assert isinstance(e, KeyError) and isinstance(e, protecteu.ProtectEUError)


def test_action_lookup_and_hint(s: protecteu.Strategy) -> None:
    a = s.action("europol-mandate-revision")
    assert isinstance(a, protecteu.Action)
    with pytest.raises(KeyError, match="did you mean 'europol-mandate-revision'"):
        s.action("europol-mandate-revison")
    with pytest.raises(protecteu.NotFoundError) as info:
        s.action("quantum-teleportation")
    assert info.value.suggestion is None
    assert "did you mean" not in str(info.value)


def test_action_properties(s: protecteu.Strategy) -> None:
    a = s.action("europol-mandate-revision")
    assert a.id == "europol-mandate-revision"
    assert a.title and a.summary
    assert s.section(a.section).id == a.section
    assert a.kind in protecteu.ActionKind.__members__.values()
    assert isinstance(a.timing, protecteu.Timing)
    assert "europol" in a.lead + a.involved
    for ids, lookup in [(a.lead + a.involved, s.actor), (a.themes, s.theme),
                        (a.threats, s.threat), (a.objectives, s.objective),
                        (a.instruments, s.instrument)]:
        for i in ids:
            assert lookup(i).id == i
    assert all(isinstance(e, protecteu.StatusEvent) for e in a.status)
    assert a.citations and all(isinstance(x, protecteu.Citation) for x in a.citations)
    assert all(s.source(c.source).id == c.source for c in a.citations)
    assert a.notes is None or isinstance(a.notes, str)
    d = a.to_dict()
    assert list(d) == ["id", "title", "summary", "section", "kind", "timing", "lead", "involved",
                       "themes", "threats", "objectives", "instruments", "status", "citations",
                       "notes"]
    assert d["timing"] == a.timing.to_dict()
    assert d["citations"] == [x.to_dict() for x in a.citations]
    with pytest.raises(AttributeError):
        a.title = "changed"  # type: ignore[misc]


def test_value_classes(s: protecteu.Strategy) -> None:
    dated = [a for a in s.actions() if a.status]
    assert dated
    ev = dated[0].status[0]
    assert isinstance(ev.date, datetime.date)
    assert ev.status in protecteu.Status.__members__.values()
    assert ev.evidence is None or s.document(ev.evidence).id == ev.evidence
    assert ev == dated[0].status[0] and hash(ev) == hash(dated[0].status[0])
    assert ev.to_dict()["date"] == ev.date
    assert repr(ev).startswith("StatusEvent(date=")
    timed = [a for a in s.actions() if a.timing.deadline is not None]
    assert timed
    t = timed[0].timing
    assert isinstance(t.deadline, datetime.date)
    assert t.period is not None and t.period.startswith(str(t.year))
    assert t.kind in ("year", "half", "quarter", "by")
    assert t == timed[0].timing and t != s.action("security-mainstreaming-screening").timing
    assert set(t.to_dict()) == {"kind", "year", "half", "quarter", "text", "period", "deadline"}
    cite = timed[0].citations[0]
    assert cite.verification in ("official_text", "reproduced_text", "official_summary",
                                 "secondary_source")
    assert cite == timed[0].citations[0] and hash(cite) == hash(timed[0].citations[0])
    assert repr(cite).startswith("Citation(source=")
    src = s.source(cite.source)
    assert src == s.source(cite.source) and hash(src) == hash(s.source(cite.source))
    assert repr(src).startswith(f"Source(id='{src.id}', title=")
    assert src.class_ in ("eur_lex", "eu_institution", "national_government", "verbatim_copy",
                          "press", "ngo_think_tank", "journal_academic", "law_firm_consultancy",
                          "forum_blog", "aggregator")
    assert src.to_dict()["class_"] == src.class_


def test_entity_fields(s: protecteu.Strategy) -> None:
    europol = s.actor("europol")
    assert europol.abbreviation == "Europol"
    assert europol.kind == "eu_agency"
    inst = s.instrument("europol-regulation")
    assert inst.celex == "32016R0794"
    assert inst.eur_lex_url == "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0794"
    assert inst.instrument_type == "regulation" and inst.year == 2016
    assert all(d.date is None or isinstance(d.date, datetime.date) for d in s.documents)
    assert all(isinstance(f.statement, str) for f in s.figures)
    assert all(isinstance(x.number, int) for x in s.objectives)
    subs = [x for x in s.sections if x.parent]
    assert all(s.section(x.parent or "").id == x.parent for x in subs)


def test_equality_is_by_id_and_kind(s: protecteu.Strategy) -> None:
    a, b = s.actions()[:2]
    assert a != b
    assert a != a.id
    assert len({a, b, s.action(a.id)}) == 2
    assert (a == 1) is False


def test_actions_filters(s: protecteu.Strategy) -> None:
    every = s.actions()
    assert len(every) == s.stats().actions
    europol = s.actions(actor="europol")
    assert europol and all("europol" in a.lead + a.involved for a in europol)
    led = s.actions(lead="commission")
    assert led and all("commission" in a.lead for a in led)
    by_kind = s.actions(kind="legislative_proposal")
    assert by_kind == s.actions(kind=protecteu.ActionKind.LEGISLATIVE_PROPOSAL)
    assert all(a.kind == "legislative_proposal" for a in by_kind)
    proposed = s.actions(status=protecteu.Status.PROPOSED)
    assert proposed and all(s.status_of(a) == "proposed" for a in proposed)
    overdue = s.actions(progress="overdue", as_of="2026-06-26")
    assert all(s.progress_of(a, "2026-06-26") == "overdue" for a in overdue)
    due_2026 = s.actions(due_by=2026)
    assert due_2026 == s.actions(due_by="2026")
    assert all(a.timing.deadline and a.timing.deadline <= datetime.date(2026, 12, 31)
               for a in due_2026)
    q2 = s.actions(due_in="2026-Q2")
    assert all(a.timing.deadline and datetime.date(2026, 4, 1) <= a.timing.deadline
               <= datetime.date(2026, 6, 30) for a in q2)
    h1 = s.actions(due_in="2026-h1")
    assert set(q2) <= set(h1)
    sec = s.sections[0]
    assert s.actions(section=sec.id)
    theme = s.themes[0]
    assert all(theme.id in a.themes for a in s.actions(theme=theme.id))
    threat = s.threats[0]
    assert all(threat.id in a.threats for a in s.actions(threat=threat.id))
    obj = s.objectives[0]
    assert all(obj.id in a.objectives for a in s.actions(objective=obj.id))
    assert all("europol-regulation" in a.instruments
               for a in s.actions(instrument="europol-regulation"))
    assert [a.id for a in s.actions(text="encryption")] == ["encryption-technology-roadmap"]
    combined = s.actions(actor="europol", due_by=2026, text="mandate")
    assert set(combined) <= set(europol)


@pytest.mark.parametrize("kwargs", [
    {"actor": "europl"}, {"lead": "europl"}, {"section": "drugz"}, {"theme": "x"},
    {"threat": "x"}, {"objective": "x"}, {"instrument": "x"},
])
def test_actions_unknown_ids(s: protecteu.Strategy, kwargs: dict[str, str]) -> None:
    with pytest.raises(protecteu.NotFoundError):
        s.actions(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("kwargs", [
    {"due_by": "2026-Q5"}, {"due_in": "2026-H3"}, {"due_by": 99999}, {"due_in": "soon"},
    {"as_of": "2026-02-30"}, {"as_of": "yesterday"}, {"kind": "bogus"}, {"status": "overdue"},
    {"progress": "proposed"},
])
def test_actions_invalid_arguments(s: protecteu.Strategy, kwargs: dict[str, Any]) -> None:
    with pytest.raises(protecteu.InvalidArgumentError) as info:
        s.actions(**kwargs)
    assert isinstance(info.value, ValueError)
    assert info.value.name and info.value.expected
    assert str(info.value).startswith(f"invalid {info.value.name} ")


def test_actions_wrong_types(s: protecteu.Strategy) -> None:
    with pytest.raises(TypeError):
        s.actions(due_by=2026.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        s.actions("europol")  # type: ignore[misc]
    with pytest.raises(TypeError):
        s.actions(nonsense=1)  # type: ignore[call-arg]


def test_search(s: protecteu.Strategy) -> None:
    hits = s.search("Europol", limit=5)
    assert isinstance(hits, protecteu.ResultList) and len(hits) <= 5
    top = hits[0]
    assert isinstance(top, protecteu.SearchHit)
    assert (top.kind, top.id) == ("actor", "europol")
    assert top.title and top.score > 0
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert top.to_dict() == {"kind": top.kind, "id": top.id, "title": top.title,
                             "score": top.score, "field": top.field, "excerpt": top.excerpt,
                             "marks": top.marks}
    assert len(s.search("europol")) <= 20
    assert len(s.search("europol", 1)) == 1
    assert s.search("zzyzx") == []
    assert s.search("") == []
    for h in s.search("security", limit=50):
        assert getattr(s, h.kind)(h.id).id == h.id if h.kind != "strategy" else True
    with pytest.raises(OverflowError):
        s.search("europol", limit=-1)


def test_search_says_why_it_matched(s: protecteu.Strategy) -> None:
    hit = s.search("undersea cables", limit=3)[0]
    assert (hit.id, hit.field) == ("subsea-cable-protection", "title")
    # Code-point offsets: Python slices the excerpt with them.
    assert [hit.excerpt[a:b] for a, b in hit.marks] == ["subsea", "cables"]
    assert s.search_correction("Europool") == "europol"
    assert s.search("Europool")[0].id == "europol"
    assert s.search_correction("europol") is None
    # Every word optional: a word the data lacks does not empty the answer.
    assert s.search("ransomware zzyzx")[0].id == "ransomware-response"


def test_timeline(s: protecteu.Strategy) -> None:
    t = s.timeline()
    assert isinstance(t, protecteu.Timeline) and t.as_of == s.as_of
    groups = t.groups
    assert groups and all(isinstance(g, protecteu.TimelineGroup) for g in groups)
    n = sum(len(g.entries) for g in groups)
    assert n == s.stats().actions
    dated = [g for g in groups if g.start is not None]
    assert all(g.end is not None and g.start <= g.end for g in dated if g.start)
    assert [g.start for g in dated] == sorted(g.start for g in dated if g.start)
    e = groups[0].entries[0]
    assert isinstance(e, protecteu.TimelineEntry) and isinstance(e.action, protecteu.Action)
    assert e.status == s.status_of(e.action, t.as_of)
    assert e.progress == s.progress_of(e.action.id, t.as_of)
    for p in protecteu.Progress:
        got = t.with_progress(p)
        assert all(x.progress == p for x in got)
    early = s.timeline(as_of="2026-01-01")
    assert all(x.action.timing.deadline and x.action.timing.deadline < datetime.date(2026, 1, 1)
               for x in early.with_progress("overdue"))
    d = t.to_dict()
    assert d["as_of"] == t.as_of and len(d["groups"]) == len(groups)
    assert repr(t).startswith("Timeline(as_of=")
    with pytest.raises(protecteu.InvalidArgumentError):
        t.with_progress("late")
    assert "<table" in groups._repr_html_()


def test_stats(s: protecteu.Strategy) -> None:
    st = s.stats()
    assert isinstance(st, protecteu.Stats)
    assert st.actions == len(s.actions())
    assert sum(c.count for c in st.by_kind) == st.actions
    assert sum(c.count for c in st.by_status) == st.actions
    assert all(isinstance(c, protecteu.Count) for c in st.by_section + st.by_actor)
    assert [c.key for c in st.by_section] == [x.id for x in s.sections]
    assert st.by_actor[0].count >= st.by_actor[-1].count
    assert st == s.stats() and hash(st) == hash(s.stats())
    d = st.to_dict()
    assert d["actions"] == st.actions and d["by_kind"][0] == st.by_kind[0].to_dict()


def test_status_and_progress_of(s: protecteu.Strategy) -> None:
    a = s.actions(status="proposed")[0]
    assert s.status_of(a) == "proposed"
    assert s.status_of(a.id) == "proposed"
    assert s.status_of(a, as_of="2025-04-01") == "announced"
    assert s.status_of(a, datetime.date(2025, 4, 1)) == "announced"
    assert s.progress_of(a) == "delivered"
    with pytest.raises(protecteu.NotFoundError):
        s.status_of("no-such-action")
    with pytest.raises(protecteu.InvalidArgumentError):
        s.progress_of(a, "2026-13-01")
    with pytest.raises(TypeError):
        s.status_of(42)  # type: ignore[arg-type]


def test_repr_html(s: protecteu.Strategy) -> None:
    html = s.actions(actor="europol")._repr_html_()
    assert html.startswith("<table") and "europol" in html
    assert f"{len(s.actions(actor='europol'))} results" in html
    assert "<th>id</th>" in s.search("europol")._repr_html_()
    assert "0 results" in s.actions(text="zzyzx")._repr_html_()
    # Markup in data is escaped.
    assert "<script" not in protecteu.ResultList(["<script>"])._repr_html_()


def test_query_results_share_one_object_per_action(s: protecteu.Strategy) -> None:
    first = s.action("europol-mandate-revision")
    assert s.action("europol-mandate-revision") is first
    assert any(a is first for a in s.actions(actor="europol"))
    other = protecteu.load()
    assert other.action("europol-mandate-revision") is not first
    assert other.action("europol-mandate-revision") == first


def test_shared_objects_are_per_model_after_an_overlay(s: protecteu.Strategy) -> None:
    amended = s.with_overlay_text(
        '[[actions]]\nid = "europol-mandate-revision"\namends = true\nnotes = "Changed."\n'
        '[[actions.citations]]\nsource = "dg-home-internal-security-page"\n'
        'fields = ["notes"]\nverification = "official_summary"\n'
    )
    assert amended.action("europol-mandate-revision").notes == "Changed."
    assert s.action("europol-mandate-revision").notes != "Changed."
