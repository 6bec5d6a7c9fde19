"""The source registry, citations field by field, and the data fingerprint."""

from __future__ import annotations

import hashlib

import pytest

import protecteu

OFFICIAL = {"official_text", "official_summary"}
UNOFFICIAL = {"forum_blog", "press", "aggregator", "law_firm_consultancy", "ngo_think_tank",
              "journal_academic"}


def test_registry_rows_name_their_source_levels_and_facts(s: protecteu.Strategy) -> None:
    rows = s.sources()
    assert isinstance(rows, protecteu.ResultList)
    assert rows and all(isinstance(u, protecteu.SourceUsage) for u in rows)
    ids = [u.source.id for u in rows]
    assert len(ids) == len(set(ids))
    for u in rows:
        assert isinstance(u.source, protecteu.Source)
        assert s.source(u.source.id) == u.source
        assert u.facts >= 1, f"{u.source.id} is cited by no fact"
        assert u.levels and set(u.levels) <= {"official_text", "reproduced_text",
                                              "official_summary", "secondary_source"}
        if u.source.class_ in UNOFFICIAL:
            assert not set(u.levels) & OFFICIAL, u
    # A kind keeps only the sources its entities cite.
    figures = s.sources("figures")
    assert 0 < len(figures) < len(rows)
    assert all("figure" in u.kinds for u in figures)
    with pytest.raises(protecteu.InvalidArgumentError):
        s.sources("spaceships")
    with pytest.raises(protecteu.NotFoundError) as e:
        s.source("no-such-source")
    assert e.value.kind == "source"


def test_citations_field_by_field(s: protecteu.Strategy) -> None:
    found = s.citations("lawful-access-roadmap")
    assert all(isinstance(c, protecteu.FactCitation) for c in found)
    fields = {c.field for c in found}
    assert {"lead", "timing", "status[0]"} <= fields
    assert found == s.citations("action", "lawful-access-roadmap")
    assert found == s.citations(protecteu.Kind.ACTION, "lawful-access-roadmap")
    # Each fact cites a registry source, and the entity's own citations expand to it.
    a = s.action("lawful-access-roadmap")
    expanded = [(f, c.source) for c in a.citations for f in (c.fields or ["*"])]
    assert [(c.field, c.source) for c in found if not c.field.startswith("status[")] == expanded
    for c in found:
        assert s.source(c.source).id == c.source
    assert s.citations("actor", "europol")
    with pytest.raises(protecteu.NotFoundError) as e:
        s.citations("lawful-acces-roadmap")
    assert e.value.suggestion == "lawful-access-roadmap"
    with pytest.raises(protecteu.NotFoundError):
        s.citations("action", "no-such-action")


def test_fingerprint_is_the_sha256_of_the_canonical_json(s: protecteu.Strategy) -> None:
    f = s.fingerprint
    assert len(f) == 64 and f == f.lower()
    assert f == hashlib.sha256(s.to_json().encode("utf-8")).hexdigest()
    assert protecteu.load(expect_fingerprint=f).fingerprint == f
    assert protecteu.load(expect_fingerprint=f.upper()).fingerprint == f


def test_a_wrong_fingerprint_raises_a_typed_error_naming_both_values() -> None:
    wrong = "0" * 64
    with pytest.raises(protecteu.FingerprintError) as e:
        protecteu.load(expect_fingerprint=wrong)
    err = e.value
    assert isinstance(err, protecteu.ProtectEUError) and isinstance(err, ValueError)
    actual = protecteu.load().fingerprint
    assert err.expected == wrong and err.actual == actual
    assert wrong in str(err) and actual in str(err)


def test_provenance_stats(s: protecteu.Strategy) -> None:
    p = s.provenance_stats()
    assert p["sources"] == len(s.sources())
    assert p["facts"] == sum(u.facts for u in s.sources())
    assert sum(p["facts_by_level"].values()) == p["facts"]
    assert p["status_events"] == p["status_events_cited"]
    assert p["actions_citing_lead"] * 10 >= p["actions_with_lead"] * 9
    assert p["actions_citing_timing"] * 10 >= p["actions_with_stated_timing"] * 9
