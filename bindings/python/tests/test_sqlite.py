"""The SQLite export read by real clients: Python's sqlite3, DuckDB and Datasette.

sqlite3 is in the standard library and always runs. DuckDB (with its sqlite extension) and
Datasette are installed by test.sh into the main venv, which sets PROTECTEU_TEST_ALL=1 so that
a missing client fails there instead of being skipped; in the venv without extras they skip.
"""

from __future__ import annotations

import asyncio
import csv
import importlib
import io
import json
import os
import sqlite3
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import protecteu


def need(module: str) -> ModuleType:
    """The module, or a skip; a failure where test.sh installed every client."""
    if os.environ.get("PROTECTEU_TEST_ALL") == "1":
        return importlib.import_module(module)
    return pytest.importorskip(module)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, s: protecteu.Strategy) -> Path:
    path = tmp_path_factory.mktemp("sqlite") / "protecteu.sqlite"
    s.export_sqlite(path, datasette_metadata=path.with_name("metadata.json"))
    return path


@pytest.fixture()
def conn(db: Path) -> Any:
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    yield c
    c.close()


def csv_tables(s: protecteu.Strategy) -> dict[str, list[dict[str, str]]]:
    return {
        name[: -len(".csv")]: list(csv.DictReader(io.StringIO(text)))
        for name, text in s.export_files("csv").items()
    }


# ---- sqlite3 -------------------------------------------------------------------------------


def test_integrity_and_foreign_keys_are_clean(conn: Any) -> None:
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    # Foreign keys are declared, not only absent violations.
    fks = conn.execute("SELECT \"from\", \"table\" FROM pragma_foreign_key_list('action_lead')").fetchall()
    assert ("actor", "actors") in fks and ("action", "actions") in fks


def test_every_csv_table_has_the_same_rows_and_columns(conn: Any, s: protecteu.Strategy) -> None:
    tables = csv_tables(s)
    assert {"actions", "action_lead", "action_involved", "action_theme", "sources", "citations", "action_status"} <= set(tables)
    for name, rows in tables.items():
        cur = conn.execute(f'SELECT * FROM "{name}"')
        columns = [d[0] for d in cur.description]
        got = cur.fetchall()
        assert len(got) == len(rows), name
        if rows:
            assert columns == list(rows[0].keys()), name
        # Cell by cell: the CSV text is the SQLite value written as text (NULL as empty).
        def text(v: Any) -> str:
            if v is None:
                return ""
            return str(v)

        for want, row in zip(rows, got):
            for col, value in zip(columns, row):
                expected = want[col]
                if expected in ("true", "false"):
                    assert value == (1 if expected == "true" else 0), (name, col)
                elif isinstance(value, float):
                    assert value == float(expected), (name, col)
                else:
                    assert text(value) == expected, (name, col)


def test_row_counts_equal_the_model(conn: Any, s: protecteu.Strategy) -> None:
    def count(table: str) -> int:
        return int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])

    assert count("actions") == len(s.actions())
    assert count("actors") == len(s.actors)
    assert count("sources") == len(s.sources())
    assert count("action_lead") == sum(len(a.lead) for a in s.actions())
    assert count("action_involved") == sum(len(a.involved) for a in s.actions())
    assert count("action_status") == sum(len(a.status) for a in s.actions())
    assert count("action_progress") == len(s.actions())


def test_metadata_names_the_data(conn: Any, s: protecteu.Strategy) -> None:
    meta = dict(conn.execute("SELECT key, value FROM metadata").fetchall())
    assert meta["fingerprint"] == s.fingerprint
    assert meta["data_version"] == s.dataset_version
    assert meta["as_of"] == s.as_of.isoformat()


def test_current_status_view_is_the_librarys_answer(conn: Any, s: protecteu.Strategy) -> None:
    rows = conn.execute("SELECT action, status, progress, deadline FROM current_status").fetchall()
    expected = [
        (
            a.id,
            s.status_of(a),
            s.progress_of(a),
            a.timing.deadline.isoformat() if a.timing.deadline else None,
        )
        for a in s.actions()
    ]
    assert rows == expected


def test_overdue_view_is_the_librarys_answer(conn: Any, s: protecteu.Strategy) -> None:
    got = [r[0] for r in conn.execute("SELECT action FROM overdue")]
    assert got == [a.id for a in s.actions(progress="overdue")]


def test_actions_per_actor_view_is_the_librarys_answer(conn: Any, s: protecteu.Strategy) -> None:
    checked = 0
    for actor in s.actors:
        def ids(role: str) -> set[str]:
            return {
                r[0]
                for r in conn.execute(
                    "SELECT action FROM actions_per_actor WHERE actor = ? AND role = ?",
                    (actor.id, role),
                )
            }

        assert ids("lead") == {a.id for a in s.actions(lead=actor.id)}, actor.id
        assert ids("lead") | ids("involved") == {a.id for a in s.actions(actor=actor.id)}, actor.id
        checked += len(ids("lead"))
    assert checked > 0


def test_full_text_search(conn: Any, s: protecteu.Strategy) -> None:
    hits = conn.execute(
        "SELECT kind, id FROM search WHERE search MATCH ? ORDER BY rank", ("encryption",)
    ).fetchall()
    assert ("action", "encryption-technology-roadmap") in hits
    # Every entity the library's search finds for a plain word is in the FTS answer too.
    lib = {(h.kind, h.id) for h in s.search("europol", limit=1000)}
    fts = set(conn.execute("SELECT kind, id FROM search WHERE search MATCH 'europol'").fetchall())
    assert ("actor", "europol") in fts
    assert len(fts & lib) > 0


def test_same_bytes_twice(tmp_path: Path, s: protecteu.Strategy) -> None:
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    s.export_sqlite(a)
    s.export_sqlite(b)
    assert a.read_bytes() == b.read_bytes() == s.to_sqlite()


def test_a_file_that_cannot_be_written_is_a_write_error(tmp_path: Path, s: protecteu.Strategy) -> None:
    with pytest.raises(protecteu.WriteError) as e:
        s.export_sqlite(tmp_path / "no" / "such" / "dir" / "x.sqlite")
    assert isinstance(e.value, OSError)
    assert "x.sqlite" in e.value.path


# ---- DuckDB ----------------------------------------------------------------------------------


def duckdb_with_sqlite() -> Any:
    """A DuckDB connection with the sqlite extension loaded: from DuckDB's own repository when
    it can be reached, else from the PyPI package test.sh installs (DuckDB checks the
    extension's signature either way: unsigned extensions stay refused)."""
    duckdb = need("duckdb")
    con = duckdb.connect()
    assert con.execute("SELECT current_setting('allow_unsigned_extensions')").fetchone()[0] is False
    try:
        con.execute("LOAD sqlite")
        return con
    except Exception:
        pass
    ext = need("duckdb_extension_sqlite_scanner")
    files = sorted(Path(ext.__file__).parent.rglob("*.duckdb_extension"))
    assert files, "the PyPI package carries no extension file"
    con.execute(f"LOAD '{files[-1]}'")
    return con


def test_duckdb_reads_the_database(db: Path, s: protecteu.Strategy) -> None:
    con = duckdb_with_sqlite()
    n = con.execute("SELECT count(*) FROM sqlite_scan(?, 'actions')", [str(db)]).fetchone()[0]
    assert n == len(s.actions())
    con.execute(f"ATTACH '{db}' AS pe (TYPE sqlite, READ_ONLY)")
    rows = con.execute(
        "SELECT p.progress, count(*) FROM pe.actions a JOIN pe.action_progress p ON p.action = a.id "
        "GROUP BY 1 ORDER BY 1"
    ).fetchall()
    expected: dict[str, int] = {}
    for a in s.actions():
        p = s.progress_of(a)
        expected[p] = expected.get(p, 0) + 1
    assert dict(rows) == expected
    overdue = [r[0] for r in con.execute("SELECT action FROM pe.overdue").fetchall()]
    assert overdue == [a.id for a in s.actions(progress="overdue")]


# ---- Datasette -------------------------------------------------------------------------------


def test_datasette_serves_the_database_with_its_metadata(db: Path) -> None:
    datasette_app = need("datasette.app")
    metadata = json.loads(db.with_name("metadata.json").read_text())
    assert metadata["license"] and metadata["source_url"].startswith("http")
    ds = datasette_app.Datasette([str(db)], metadata=metadata)

    async def fetch() -> list[Any]:
        return [
            await ds.client.get("/protecteu/actions"),
            await ds.client.get("/protecteu/overdue.json?_shape=array"),
            await ds.client.get("/protecteu/search?_search=encryption"),
            await ds.client.get("/protecteu"),
        ]

    table, overdue, search, index = asyncio.run(fetch())
    assert table.status_code == 200
    description = metadata["databases"]["protecteu"]["tables"]["actions"]["description"]
    assert description and description[:30] in table.text
    assert overdue.status_code == 200 and len(overdue.json()) >= 1
    assert search.status_code == 200 and "encryption-technology-roadmap" in search.text
    assert index.status_code == 200 and "current_status" in index.text
