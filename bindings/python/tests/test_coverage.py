"""Strategy.coverage(): one row per section, totals that agree with the rest of the API."""

from __future__ import annotations

import datetime

import pytest

import protecteu


def test_one_row_per_section_in_document_order(s: protecteu.Strategy) -> None:
    c = s.coverage()
    assert [r.section for r in c.sections] == [sec.id for sec in s.sections]
    stats = {n.key: n.count for n in s.stats().by_section}
    for r in c.sections:
        assert r.actions == stats[r.section]
        assert sum(r.best_level.values()) == r.actions
        assert list(r.best_level) == [
            "official_text", "reproduced_text", "official_summary", "secondary_source", "uncited"]
        assert r.with_evidence_document <= r.with_status_events <= r.actions


def test_totals_agree_with_the_model(s: protecteu.Strategy) -> None:
    t = s.coverage().total
    actions = s.actions()
    assert t.actions == len(actions) == s.stats().actions
    events = [e for a in actions for e in a.status]
    assert t.status_events == len(events)
    assert t.newest_event == max(e.date for e in events)
    assert isinstance(t.as_of, datetime.date) and t.newest_event <= t.as_of
    assert t.with_status_events == sum(1 for a in actions if a.status)
    assert t.chapters == sum(1 for sec in s.sections if sec.parent is None)


def test_the_key_actions_box_is_a_section_field(s: protecteu.Strategy) -> None:
    seen = [sec.id for sec in s.sections if sec.key_actions_box != "not_seen"]
    assert seen == ["law-enforcement-tools"]
    row = next(r for r in s.coverage().sections if r.section == "law-enforcement-tools")
    assert (row.key_actions_box, row.key_actions_box_level) == ("seen_in_part", "reproduced_text")


def test_records_match_the_cli_columns_and_end_with_the_total(s: protecteu.Strategy) -> None:
    c = s.coverage()
    rows = c.records()
    assert len(rows) == len(c.sections) + 1
    assert rows[-1]["section"] == "total"
    assert rows[-1]["actions"] == c.total.actions
    assert list(rows[0])[:6] == ["section", "number", "title", "title_confirmed", "parent",
                                 "key_actions_box"]
    assert c.summary_line.startswith("Coverage: key-actions box read for 1 of 8 chapters")
    assert "Coverage(" in repr(c)


def test_to_pandas(s: protecteu.Strategy) -> None:
    pd = pytest.importorskip("pandas")
    df = s.coverage().to_pandas()
    assert isinstance(df, pd.DataFrame)
    assert int(df[df.section == "total"].actions.iloc[0]) == s.coverage().total.actions
