"""Exports, overlays and diffs (issue #7) through the Python API."""

from __future__ import annotations

import csv
import doctest
import io
import json
from pathlib import Path

import pytest

import protecteu

NEW_ACTION = """
[[actions]]
id = "national-ecc-pilot"
title = "National pilot of the critical communication system"
summary = "A Member State tests cross-border links for its first responders ahead of the EU system."
section = "law-enforcement-tools"
kind = "operational"
timing = { kind = "year", year = 2027, text = "2027 (national plan)" }
lead = ["member-states"]
themes = ["law-enforcement-cooperation"]

[[actions.citations]]
source = "national-plan-example"
fields = ["title", "summary", "timing", "lead"]
verification = "official_summary"

[[sources]]
id = "national-plan-example"
title = "National implementation plan (example)"
url = "https://example.org/plan"
publisher = "A Member State's ministry"
class = "national_government"
language = "en"
readable = "whole document"
"""

AMENDMENT = """
[[actions]]
id = "europol-mandate-revision"
amends = true
notes = "National note: parliament briefed."

[[actions.citations]]
source = "dg-home-internal-security-page"
fields = ["notes"]
locator = "priority areas and actions"
verification = "official_summary"
"""


def entity_count(s: protecteu.Strategy) -> int:
    return sum(len(s.records(k)) for k in protecteu.Kind if k != "strategy")


@pytest.mark.parametrize("fmt", list(protecteu.ExportFormat))
def test_every_format_exports_text(s: protecteu.Strategy, fmt: protecteu.ExportFormat) -> None:
    kind = "actions" if fmt == "csv" else None
    text = s.export(fmt, kind)
    assert text.strip(), fmt
    assert text == s.export(str(fmt.value), kind)


def test_json_export_is_the_canonical_json(s: protecteu.Strategy) -> None:
    assert s.export("json") == s.to_json()
    assert json.loads(s.export("json"))["dataset"]["version"] == s.dataset_version


def test_jsonl_has_one_line_per_entity(s: protecteu.Strategy) -> None:
    lines = s.export("jsonl").splitlines()
    rows = [json.loads(line) for line in lines]
    kinds = {r["kind"] for r in rows}
    assert "action" in kinds and "instrument" in kinds
    assert len([r for r in rows if r["kind"] not in ("dataset", "strategy")]) == entity_count(s)
    only_actions = s.export("jsonl", "actions").splitlines()
    assert len(only_actions) == len(s.actions())


def test_csv_of_a_kind_parses_with_the_csv_module(s: protecteu.Strategy) -> None:
    rows = list(csv.DictReader(io.StringIO(s.export("csv", "actors"))))
    assert [r["id"] for r in rows] == [a.id for a in s.actors]


def test_csv_needs_a_kind_or_export_files(s: protecteu.Strategy) -> None:
    with pytest.raises(protecteu.InvalidArgumentError, match="kind"):
        s.export("csv")
    files = s.export_files("csv")
    assert "actions.csv" in files and "action_lead.csv" in files
    leads = list(csv.DictReader(io.StringIO(files["action_lead.csv"])))
    assert len(leads) == sum(len(a.lead) for a in s.actions())


def test_bad_format_and_kind_are_invalid_arguments(s: protecteu.Strategy) -> None:
    with pytest.raises(protecteu.InvalidArgumentError, match="turtle"):
        s.export("rdfxml")
    with pytest.raises(protecteu.InvalidArgumentError, match="kind"):
        s.export("csv", "nonsense")
    with pytest.raises(protecteu.InvalidArgumentError, match="whole model"):
        s.export("turtle", "actions")


def test_export_files_names_follow_the_format(s: protecteu.Strategy) -> None:
    assert list(s.export_files("turtle")) == ["protecteu.ttl"]
    assert list(s.export_files("jsonl", "actions")) == ["actions.jsonl"]


def test_json_and_jsonl_exports_load_back_byte_for_byte(s: protecteu.Strategy) -> None:
    again = protecteu.loads(s.export("json"))
    assert again.to_json() == s.to_json()
    from_lines = protecteu.loads(s.export("jsonl"), "jsonl")
    assert from_lines.to_json() == s.to_json()
    mine = s.with_overlay_text(NEW_ACTION)
    assert protecteu.loads(mine.export("json")).to_json() == mine.to_json()


def test_loads_rejects_what_cannot_load_back(s: protecteu.Strategy) -> None:
    with pytest.raises(protecteu.InvalidArgumentError, match="jsonl"):
        protecteu.loads(s.export("turtle"), "turtle")
    broken = s.export("json").replace('"europol-mandate-revision"', '"Bad Id"', 1)
    with pytest.raises(protecteu.ValidationError):
        protecteu.loads(broken)


def test_jsonld_is_json_with_a_context(s: protecteu.Strategy) -> None:
    doc = json.loads(s.export("jsonld"))
    assert "@context" in doc


def test_overlay_text_adds_an_action_that_queries_find(s: protecteu.Strategy) -> None:
    mine = s.with_overlay_text(NEW_ACTION)
    assert len(mine.actions()) == len(s.actions()) + 1
    assert [a.id for a in mine.actions(lead="member-states", due_in="2027")] == [
        "national-ecc-pilot"
    ]
    cite = mine.action("national-ecc-pilot").citations[0]
    assert mine.source(cite.source).url == "https://example.org/plan"
    assert sorted(mine.overlay_changes, key=lambda c: str(c["kind"])) == [
        {"change": "added", "kind": "action", "id": "national-ecc-pilot", "file": "overlay.toml"},
        {"change": "added", "kind": "source", "id": "national-plan-example",
         "file": "overlay.toml"},
    ]
    assert mine.fingerprint != s.fingerprint
    assert s.overlay_changes == []
    with pytest.raises(protecteu.NotFoundError):
        s.action("national-ecc-pilot")


def test_overlay_amendment_keeps_base_sources_and_shows_in_the_diff(
    s: protecteu.Strategy,
) -> None:
    mine = s.with_overlay_text(AMENDMENT, "mine.toml")
    base = s.action("europol-mandate-revision")
    amended = mine.action("europol-mandate-revision")
    assert amended.notes == "National note: parliament briefed."
    assert amended.citations[: len(base.citations)] == base.citations
    assert len(amended.citations) == len(base.citations) + 1
    (change,) = mine.overlay_changes
    assert change["change"] == "amended" and change["replaced"] == ["notes"]
    assert change["sources_added"] == 1 and change["file"] == "mine.toml"

    d = s.diff(mine)
    assert bool(d) and not d.is_empty
    (kind,) = d.kinds
    assert kind["kind"] == "action" and kind["added"] == [] and kind["removed"] == []
    (changed,) = kind["changed"]
    assert changed["id"] == "europol-mandate-revision"
    assert {f["field"] for f in changed["fields"]} == {"notes", "citations"}
    assert "~ europol-mandate-revision" in d.to_text()
    assert str(d) == d.to_text()
    assert json.loads(d.to_json()) == d.to_dict()


def test_reusing_an_id_without_amends_is_a_located_validation_error(
    s: protecteu.Strategy,
) -> None:
    text = NEW_ACTION.replace("national-ecc-pilot", "europol-mandate-revision")
    with pytest.raises(protecteu.ValidationError) as err:
        s.with_overlay_text(text, "dup.toml")
    problems = err.value.problems
    assert any(
        p.code == "duplicate-id" and p.id == "europol-mandate-revision" and "dup.toml" in p.file
        for p in problems
    ), problems


def test_load_with_overlay_paths_applies_them_in_order(
    s: protecteu.Strategy, tmp_path: Path
) -> None:
    first = tmp_path / "first.toml"
    first.write_text(NEW_ACTION, encoding="utf-8")
    second = tmp_path / "second.toml"
    second.write_text(AMENDMENT, encoding="utf-8")
    one = protecteu.load(overlay=first)
    both = protecteu.load(overlay=[first, second])
    assert [c["id"] for c in both.overlay_changes if c["kind"] != "source"] == [
        "national-ecc-pilot",
        "europol-mandate-revision",
    ]
    assert "national-plan-example" in [c["id"] for c in both.overlay_changes]
    assert one.with_overlay(second).to_json() == both.to_json()
    with pytest.raises(protecteu.LoadError):
        protecteu.load(overlay=tmp_path / "missing.toml")


def test_diff_of_a_model_with_itself_is_empty(s: protecteu.Strategy) -> None:
    d = s.diff(protecteu.load())
    assert d.is_empty and not d and d.kinds == [] and d.dataset == []
    assert d.old_version == d.new_version == s.dataset_version


def test_diff_lists_added_and_removed(s: protecteu.Strategy) -> None:
    mine = s.with_overlay_text(NEW_ACTION)
    forward = s.diff(mine).kinds[0]
    backward = mine.diff(s).kinds[0]
    assert forward["added"] == [
        {"id": "national-ecc-pilot", "title": "National pilot of the critical communication system"}
    ]
    assert backward["removed"] == forward["added"]
    assert "Diff(" in repr(s.diff(mine))


def _docstring_tests(*, pandas: bool) -> list[doctest.DocTest]:
    """The package's doctests: all of them with `pandas`, else without the examples that need
    the optional pandas extra (no later example uses their result)."""
    tests = doctest.DocTestFinder().find(protecteu)
    if not pandas:
        for t in tests:
            t.examples = [e for e in t.examples if "to_pandas" not in e.source]
    return [t for t in tests if t.examples]


def _run(tests: list[doctest.DocTest]) -> tuple[int, int]:
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for t in tests:
        runner.run(t)
    return runner.failures, runner.tries


def test_package_docstring_examples_run() -> None:
    # Needs only the package: the examples with the optional pandas extra run in the next test.
    failures, tried = _run(_docstring_tests(pandas=False))
    assert tried > 0
    assert failures == 0


def test_package_docstring_examples_run_with_pandas() -> None:
    pytest.importorskip("pandas")
    failures, tried = _run(_docstring_tests(pandas=True))
    assert tried > 0
    assert failures == 0
