"""Every input of the bad-input catalogue (tests/bad-inputs/catalogue.json) raises
ValidationError with exactly the catalogued problems: never a crash, a PanicException or a
silently loaded model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import protecteu

from conftest import REPO_ROOT

CATALOGUE_DIR = REPO_ROOT / "tests" / "bad-inputs"
ENTRIES: list[dict[str, Any]] = json.loads(
    (CATALOGUE_DIR / "catalogue.json").read_text(encoding="utf-8")
)["inputs"]


def _materialise(entry: dict[str, Any], tmp_path: Path) -> Path:
    """The input's path; generated inputs are prefix + repeat * count + suffix."""
    spec = entry.get("generate")
    if spec is None:
        return CATALOGUE_DIR / entry["input"]
    path = tmp_path / f"{entry['name']}.{spec['ext']}"
    with path.open("w", encoding="utf-8") as f:
        f.write(spec["prefix"])
        f.write(spec["repeat"] * spec["count"])
        f.write(spec["suffix"])
    return path


def test_the_catalogue_has_at_least_forty_inputs() -> None:
    assert len(ENTRIES) >= 40
    assert len({e["name"] for e in ENTRIES}) == len(ENTRIES)


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["name"] for e in ENTRIES])
def test_bad_input_raises_validation_error(entry: dict[str, Any], tmp_path: Path) -> None:
    path = _materialise(entry, tmp_path)
    with pytest.raises(protecteu.ValidationError) as info:
        protecteu.load(path)
    e = info.value
    assert isinstance(e, ValueError) and isinstance(e, protecteu.ProtectEUError)
    found = e.problems
    expected = entry["expect"]
    assert len(found) == len(expected), found
    for want, p in zip(expected, found):
        assert isinstance(p, protecteu.Problem)
        assert p.code == want["code"], p
        assert p.line == want["line"], p
        assert p.path == want["path"], p
        if want.get("column") is not None:
            assert p.column == want["column"], p
        assert (p.column is None) == (p.line is None), p
        if want["file"] is None:
            assert p.file is None, p
        else:
            assert p.file is not None, p
            name = Path(want["file"]).name
            assert Path(p.file).name == name, p
        assert p.message.strip(), p
        assert p.code in str(e)
