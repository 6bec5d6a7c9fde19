"""Query results: plain lists that render as an HTML table in Jupyter."""

from __future__ import annotations

import html
from typing import Any, List, TypeVar

__all__ = ["ResultList"]

T = TypeVar("T")

#: At most this many rows are rendered; the rest are counted in a footer.
MAX_ROWS = 200


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return f"{len(value)}"
        return html.escape(", ".join(str(v) for v in value))
    if isinstance(value, dict):
        return html.escape(str(value.get("text", value.get("label", ""))) or "")
    return html.escape(str(value))


class ResultList(List[T]):
    """A list of results (entities, search hits, timeline entries) with ``_repr_html_``."""

    def _repr_html_(self) -> str:
        rows: list[dict[str, Any]] = []
        for item in self[:MAX_ROWS]:
            to_dict = getattr(item, "to_dict", None)
            rows.append(to_dict() if callable(to_dict) else {"value": item})
        columns: list[str] = []
        for row in rows:
            for key, value in row.items():
                if key not in columns and key not in ("citations", "summary"):
                    columns.append(key)
        head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{_cell(row.get(c))}</td>" for c in columns) + "</tr>"
            for row in rows
        )
        more = len(self) - len(rows)
        foot = f"<p>… and {more} more</p>" if more > 0 else ""
        return (
            f'<table class="protecteu"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table><p>{len(self)} result"
            f"{'' if len(self) == 1 else 's'}</p>{foot}"
        )
