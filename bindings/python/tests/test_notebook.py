"""examples/python/protecteu-tour.ipynb: committed without outputs, and it runs.

The run needs nbclient, nbformat, ipykernel, pandas and matplotlib, which test.sh installs into
its main venv (where PROTECTEU_TEST_ALL=1 turns a missing one into a failure); the venv without
extras skips it. The outputs check needs nothing and always runs.
"""

from __future__ import annotations

import importlib
import json
import os
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from conftest import REPO_ROOT

NOTEBOOK = REPO_ROOT / "examples" / "python" / "protecteu-tour.ipynb"


def need(module: str) -> ModuleType:
    if os.environ.get("PROTECTEU_TEST_ALL") == "1":
        return importlib.import_module(module)
    return pytest.importorskip(module)


def code_cells(nb: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def test_the_committed_notebook_has_no_outputs() -> None:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    cells = code_cells(nb)
    assert len(cells) >= 8
    for i, c in enumerate(cells):
        assert c["outputs"] == [], f"code cell {i} has outputs: clear them before committing"
        assert c["execution_count"] is None, f"code cell {i} has an execution count"


def test_the_notebook_runs_from_top_to_bottom(tmp_path: Path) -> None:
    for m in ("pandas", "matplotlib", "ipykernel"):
        need(m)
    nbformat = need("nbformat")
    nbclient = need("nbclient")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    # A cell that raises makes execute() raise CellExecutionError: the test fails with it.
    client.execute()
    outputs = [o for c in code_cells(nb) for o in c["outputs"]]
    assert not [o for o in outputs if o["output_type"] == "error"]
    kinds = {k for o in outputs for k in o.get("data", {})}
    assert "image/png" in kinds, "the chart of progress per chapter was not drawn"
    assert "text/html" in kinds, "no table or report page was displayed"
    text = "".join(
        o.get("text", "") if o["output_type"] == "stream" else "" for o in outputs
    )
    assert "europol-mandate-revision" in text or "europol" in text
