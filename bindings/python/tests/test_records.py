"""Flat records and DataFrames."""

from __future__ import annotations

import datetime
import re

import pytest

import protecteu

PLURALS = ["strategy", "objectives", "principles", "sections", "themes", "threats", "actions",
           "actors", "instruments", "documents", "figures"]
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.mark.parametrize("kind", PLURALS)
def test_records_of_every_kind(s: protecteu.Strategy, kind: str) -> None:
    rows = s.records(kind)
    singular = protecteu.Kind.STRATEGY if kind == "strategy" else kind[:-1]
    assert rows == s.records(str(singular))
    assert rows
    columns = list(rows[0])
    assert columns[0] == "id"
    for row in rows:
        assert list(row) == columns  # the same columns in the same order
        for key, value in row.items():
            assert value is None or isinstance(value, (str, int, float, bool, list,
                                                       datetime.date)), (key, value)
            # Date columns come back as dates; no ISO date is left behind as text.
            assert not (isinstance(value, str) and ISO_DATE.match(value)), (kind, key)


def test_action_records_match_the_model(s: protecteu.Strategy) -> None:
    rows = s.records("actions")
    assert [r["id"] for r in rows] == [a.id for a in s.actions()]
    for r in rows:
        assert r["status"] == s.status_of(r["id"])
        assert r["progress"] == s.progress_of(r["id"])
        a = s.action(r["id"])
        assert r["deadline"] == a.timing.deadline
        assert r["lead"] == a.lead


def test_records_unknown_kind(s: protecteu.Strategy) -> None:
    with pytest.raises(protecteu.InvalidArgumentError, match="invalid kind 'widgets'"):
        s.records("widgets")


def test_to_pandas(s: protecteu.Strategy) -> None:
    pd = pytest.importorskip("pandas")
    df = s.to_pandas("actions")
    assert isinstance(df, pd.DataFrame)
    assert len(df) == len(s.actions())
    assert list(df.columns) == list(s.records("actions")[0])
    assert df.loc[df["id"] == "europol-mandate-revision", "title"].item() == \
        s.action("europol-mandate-revision").title
    assert len(s.to_pandas("actors")) == len(s.actors)
    assert len(pd.DataFrame(s.records("instruments"))) == len(s.instruments)
    with pytest.raises(protecteu.InvalidArgumentError):
        s.to_pandas("widgets")


def test_to_pandas_without_pandas(s: protecteu.Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError, match=r"protecteu\[pandas\]"):
        s.to_pandas("actions")
