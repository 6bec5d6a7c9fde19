"""protecteu: a typed, validated, queryable model of ProtectEU, the European Internal
Security Strategy (COM(2025) 148 final).

>>> import protecteu
>>> s = protecteu.load()                      # the embedded data set, validated
>>> europol = s.actions(actor="europol")      # filter actions
>>> hits = s.search("encryption", limit=5)    # ranked full-text search
>>> df = s.to_pandas("actions")               # with the optional pandas extra
>>> ttl = s.export("turtle")                  # json, jsonl, csv, markdown, dot, mermaid, jsonld
>>> mine = s.with_overlay_text('''
... [[actions]]
... id = "europol-mandate-revision"
... amends = true
... notes = "National note."
... [[actions.citations]]
... source = "dg-home-internal-security-page"
... fields = ["notes"]
... verification = "official_summary"
... ''')
>>> [k["kind"] for k in s.diff(mine).kinds]
['action']
>>> [c.field for c in s.citations("lawful-access-roadmap")][-1]   # field by field
'status[0]'
>>> pinned = protecteu.load(expect_fingerprint=s.fingerprint)   # SHA-256 of the data

Every rule and query lives in the Rust core crate ``protecteu``; this package is a thin
binding (``protecteu._native``) plus these Python helpers.
"""

from __future__ import annotations

from ._errors import (
    FingerprintError,
    InvalidArgumentError,
    LoadError,
    NotFoundError,
    ProtectEUError,
    ValidationError,
    WriteError,
)
from ._native import (
    Action,
    Actor,
    Citation,
    Count,
    Coverage,
    CoverageTotals,
    Diff,
    Document,
    FactCitation,
    KeyFigure,
    LegalInstrument,
    Objective,
    Principle,
    Problem,
    SearchHit,
    Section,
    SectionCoverage,
    Source,
    SourceUsage,
    Stats,
    StatusEvent,
    Strategy,
    Theme,
    Threat,
    Timeline,
    TimelineEntry,
    TimelineGroup,
    Timing,
    __version__,
    load,
    loads,
)
from ._results import ResultList
from ._types import DateLike, PeriodLike
from ._vocab import ActionKind, ExportFormat, Kind, Progress, Status

__all__ = [
    "__version__",
    "load",
    "loads",
    "Strategy",
    "Action",
    "Actor",
    "Section",
    "Objective",
    "Principle",
    "Theme",
    "Threat",
    "LegalInstrument",
    "Document",
    "KeyFigure",
    "Source",
    "SourceUsage",
    "Citation",
    "FactCitation",
    "StatusEvent",
    "Timing",
    "SearchHit",
    "Stats",
    "Count",
    "Coverage",
    "SectionCoverage",
    "CoverageTotals",
    "Timeline",
    "Diff",
    "TimelineGroup",
    "TimelineEntry",
    "Problem",
    "ResultList",
    "DateLike",
    "PeriodLike",
    "Status",
    "Progress",
    "ActionKind",
    "Kind",
    "ExportFormat",
    "ProtectEUError",
    "ValidationError",
    "WriteError",
    "NotFoundError",
    "InvalidArgumentError",
    "LoadError",
    "FingerprintError",
]
