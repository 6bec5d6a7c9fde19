"""Shared fixtures. The tests import the *installed* package (see test.sh), not the sources."""

from __future__ import annotations

from pathlib import Path

import pytest

import protecteu

#: The repository root (bindings/python/tests -> ../../..).
REPO_ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def s() -> protecteu.Strategy:
    return protecteu.load()
