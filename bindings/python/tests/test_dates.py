"""Dates go in as datetime.date or ISO strings and come back as datetime.date."""

from __future__ import annotations

import datetime

import pytest

import protecteu


def test_as_of_argument_forms(s: protecteu.Strategy) -> None:
    d = datetime.date(2026, 1, 1)
    by_date = s.actions(progress="overdue", as_of=d)
    assert by_date == s.actions(progress="overdue", as_of="2026-01-01")
    assert by_date == s.actions(progress="overdue", as_of=" 2026-01-01 ")
    assert by_date == s.actions(progress="overdue", as_of=datetime.datetime(2026, 1, 1, 23, 59))
    assert s.timeline(d).as_of == d
    assert s.timeline("2026-01-01").as_of == d
    # `today` is the UTC date, which may differ from the local one by a day.
    assert abs((s.timeline("today").as_of - datetime.date.today()).days) <= 1


def test_dates_come_back_as_dates(s: protecteu.Strategy) -> None:
    assert type(s.as_of) is datetime.date
    assert type(s.timeline().as_of) is datetime.date
    for a in s.actions():
        if a.timing.deadline is not None:
            assert type(a.timing.deadline) is datetime.date
        for e in a.status:
            assert type(e.date) is datetime.date
    rows = s.records("actions")
    assert any(type(r["deadline"]) is datetime.date for r in rows)
    assert all(r["deadline"] is None or type(r["deadline"]) is datetime.date for r in rows)


@pytest.mark.parametrize("bad", ["2026-02-30", "2026-1-1x", "01/01/2026", "", "2026"])
def test_bad_dates(s: protecteu.Strategy, bad: str) -> None:
    with pytest.raises(protecteu.InvalidArgumentError) as info:
        s.timeline(as_of=bad)
    assert info.value.name == "date" and info.value.value == bad


def test_status_changes_with_date(s: protecteu.Strategy) -> None:
    before = datetime.date(2025, 3, 31)  # the day before the strategy was adopted
    assert s.actions(status="announced", as_of=before) == s.actions()
    assert s.actions(progress="delivered", as_of=before) == []
