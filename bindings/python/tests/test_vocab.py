"""The Python enums hold exactly the core's vocabularies, in the core's order."""

from __future__ import annotations

from enum import Enum

import pytest

import protecteu
from protecteu import _native


@pytest.mark.parametrize("enum,native", [
    (protecteu.Status, _native.STATUSES),
    (protecteu.Progress, _native.PROGRESSES),
    (protecteu.ActionKind, _native.ACTION_KINDS),
    (protecteu.Kind, _native.KINDS),
    (protecteu.ExportFormat, _native.EXPORT_FORMATS),
])
def test_enum_matches_core(enum: type[Enum], native: list[str]) -> None:
    assert [m.value for m in enum] == native


def test_members_are_strings() -> None:
    assert protecteu.Status.PROPOSED == "proposed"
    assert str(protecteu.Progress.OVERDUE) == "overdue"
    assert isinstance(protecteu.ActionKind.REVISION, str)


def test_public_names() -> None:
    for name in protecteu.__all__:
        assert hasattr(protecteu, name), name
