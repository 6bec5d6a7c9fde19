"""The progress report page from Python: same bytes as the Rust CLI, escaping, writing."""

from __future__ import annotations

import datetime
import hashlib
import os
import subprocess
from pathlib import Path

import pytest

import protecteu

ROOT = Path(__file__).resolve().parents[3]
AS_OF = "2026-01-15"


def cli_report(*args: str) -> bytes:
    """The page as the Rust CLI writes it, computed now (the reference is never stored)."""
    cmd = ["cargo", "run", "--release", "--quiet", "-p", "protecteu-cli", "--", *args, "report",
           "--as-of", AS_OF]
    return subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True,
                          env={**os.environ, "NO_COLOR": "1"}).stdout


@pytest.fixture(scope="module")
def s() -> protecteu.Strategy:
    return protecteu.load()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_same_bytes_as_the_rust_cli(s: protecteu.Strategy) -> None:
    ours = s.report_html(as_of=datetime.date(2026, 1, 15)).encode("utf-8")
    assert sha(ours) == sha(cli_report())
    # A date given as text reads the same.
    assert s.report_html(AS_OF).encode("utf-8") == ours


def test_same_bytes_as_the_cli_for_a_data_directory() -> None:
    data = ROOT / "data" / "protecteu-2025"
    ours = protecteu.load(str(data)).report_html(AS_OF).encode("utf-8")
    assert sha(ours) == sha(cli_report("--data", str(data)))


def test_one_card_per_action_and_the_default_date(s: protecteu.Strategy) -> None:
    html = s.report_html()
    assert html.startswith("<!DOCTYPE html>")
    assert html.count("data-action-id=") == len(s.actions())
    assert f'datetime="{s.as_of.isoformat()}"' in html
    assert html == s.report_html(s.as_of)
    assert html != s.report_html("2025-04-02")


def test_write_report_writes_the_same_bytes(s: protecteu.Strategy, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    s.write_report(out, as_of=AS_OF)
    assert out.read_bytes() == s.report_html(AS_OF).encode("utf-8")
    with pytest.raises(OSError):
        s.write_report(tmp_path / "no-such-dir" / "report.html")


def test_a_bad_date_is_an_invalid_argument(s: protecteu.Strategy) -> None:
    with pytest.raises(protecteu.InvalidArgumentError):
        s.report_html("15/01/2026")


def test_titles_stay_text(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay.toml"
    overlay.write_text(
        '[[actions]]\n'
        'id = "script-test"\n'
        'title = "<script>alert(1)</script>"\n'
        'summary = "Tom & Jerry"\n'
        'section = "drugs"\n'
        'kind = "other"\n'
        'timing = { kind = "not_stated", text = "not stated" }\n'
        '[[actions.citations]]\n'
        'source = "a-test"\n'
        'fields = ["title"]\n'
        'verification = "secondary_source"\n'
        '[[sources]]\n'
        'id = "a-test"\n'
        'title = "A test"\n'
        'url = "https://example.org/test"\n'
        'publisher = "Example"\n'
        'class = "press"\n'
        'language = "en"\n'
        'readable = "whole page"\n',
        encoding="utf-8",
    )
    html = protecteu.load(overlay=str(overlay)).report_html()
    assert "<script>alert(1)" not in html
    assert "&#60;script&#62;alert(1)&#60;/script&#62;" in html
    assert 'data-action-id="script-test"' in html
