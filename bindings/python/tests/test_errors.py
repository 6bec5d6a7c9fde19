"""Every error: the hierarchy, bad data sets with located problems, unreadable paths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import protecteu

DANGLING_ACTION = """\
[[actions]]
id = "dangling-action"
title = "An action naming an actor that does not exist"
summary = "Test data."
section = "{section}"
kind = "other"
lead = ["no-such-actor"]

[actions.timing]
kind = "not_stated"
text = "not stated"

[[actions.citations]]
source = "dg-home-internal-security-page"
verification = "official_summary"
"""


def test_hierarchy() -> None:
    assert issubclass(protecteu.ValidationError, protecteu.ProtectEUError)
    assert issubclass(protecteu.ValidationError, ValueError)
    assert issubclass(protecteu.NotFoundError, protecteu.ProtectEUError)
    assert issubclass(protecteu.NotFoundError, KeyError)
    assert issubclass(protecteu.InvalidArgumentError, protecteu.ProtectEUError)
    assert issubclass(protecteu.InvalidArgumentError, ValueError)
    assert issubclass(protecteu.LoadError, protecteu.ProtectEUError)
    assert issubclass(protecteu.LoadError, OSError)


def _data_dir(s: protecteu.Strategy, tmp_path: Path) -> Path:
    """A valid data directory: the canonical JSON of the embedded model."""
    d = tmp_path / "data"
    d.mkdir()
    (d / "model.json").write_text(s.to_json(), encoding="utf-8")
    return d


def test_valid_directory_loads(s: protecteu.Strategy, tmp_path: Path) -> None:
    loaded = protecteu.load(_data_dir(s, tmp_path))
    assert loaded.stats() == s.stats()


def test_dangling_reference_is_located(s: protecteu.Strategy, tmp_path: Path) -> None:
    d = _data_dir(s, tmp_path)
    (d / "extra.toml").write_text(DANGLING_ACTION.format(section=s.sections[0].id))
    with pytest.raises(protecteu.ValidationError) as info:
        protecteu.load(d)
    e = info.value
    assert isinstance(e, ValueError)
    refs = [p for p in e.problems if p.code == "unknown-reference"]
    assert len(refs) == 1, e.problems
    p = refs[0]
    assert isinstance(p, protecteu.Problem)
    assert p.file is not None and p.file.endswith("extra.toml")
    assert p.line == 7 and p.column is not None
    assert p.kind == "action" and p.id == "dangling-action"
    assert "no-such-actor" in p.message
    assert p.to_dict()["code"] == "unknown-reference"
    assert set(p.to_dict()) == {"code", "message", "file", "line", "column", "path", "kind", "id"}
    assert str(p).startswith(f"{p.file}:7:")
    assert repr(p).startswith("Problem(code='unknown-reference'")
    assert "unknown-reference" in str(e)


def test_broken_toml_and_dangling_reference(s: protecteu.Strategy, tmp_path: Path) -> None:
    d = _data_dir(s, tmp_path)
    (d / "extra.toml").write_text(DANGLING_ACTION.format(section=s.sections[0].id))
    (d / "broken.toml").write_text('[[themes]]\nid = "broken"\nname = "unterminated\n')
    with pytest.raises(protecteu.ValidationError) as info:
        protecteu.load(d)
    problems = info.value.problems
    syntax = [p for p in problems if p.code == "syntax"]
    assert syntax, problems
    assert syntax[0].file is not None and syntax[0].file.endswith("broken.toml")
    assert syntax[0].line == 3
    assert all(p.file and p.line for p in problems), problems


def test_broken_json_file(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text('{"dataset": {"version": "1.0.0", "as_of": "2026-01-01"},\n  "strategy": ]\n')
    with pytest.raises(protecteu.ValidationError) as info:
        protecteu.load(path)
    p = info.value.problems[0]
    assert p.code == "syntax" and p.line == 2 and p.file == str(path)


def test_schema_problems(s: protecteu.Strategy, tmp_path: Path) -> None:
    model = json.loads(s.to_json())
    model["actions"][0]["kind"] = "teleportation"
    model["actions"][1]["id"] = model["actions"][2]["id"]
    path = tmp_path / "model.json"
    path.write_text(json.dumps(model, indent=2))
    with pytest.raises(protecteu.ValidationError) as info:
        protecteu.load(path)
    codes = {p.code for p in info.value.problems}
    assert "schema" in codes or "duplicate-id" in codes
    assert all(p.line for p in info.value.problems)


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    with pytest.raises(protecteu.LoadError) as info:
        protecteu.load(missing)
    assert isinstance(info.value, OSError)
    assert str(missing) in str(info.value)
    assert info.value.path == str(missing)


def test_wrong_argument_type() -> None:
    with pytest.raises(TypeError):
        protecteu.load(42)  # type: ignore[arg-type]


def test_no_panic_on_odd_input(s: protecteu.Strategy, tmp_path: Path) -> None:
    # Odd but well-typed input gives answers or ProtectEUErrors, never a PanicException.
    for text in ["", " ", "\u0000", "é" * 10_000, "*", "-", "europol" * 1000]:
        s.search(text, limit=3)
        s.actions(text=text)
        with pytest.raises(protecteu.NotFoundError):
            s.action(text)
    for period in ["", "0000", "-2026", "2026-Q", "2026-Q10", "9999-Q4x", "２０２６"]:
        with pytest.raises(protecteu.InvalidArgumentError):
            s.actions(due_by=period)
    for year in [0, -1, 2**31, 10**30]:
        with pytest.raises((protecteu.InvalidArgumentError, OverflowError, TypeError)):
            s.actions(due_by=year)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(protecteu.ProtectEUError):
        protecteu.load(empty)
    (tmp_path / "bin.json").write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(protecteu.ProtectEUError):
        protecteu.load(tmp_path / "bin.json")
