"""The closed vocabularies used as query arguments, as ``str`` enums.

Each member *is* its snake_case string (``Status.PROPOSED == "proposed"``), so members and
plain strings can be passed interchangeably; properties return plain strings. The values are
the core's own: ``tests/test_vocab.py`` checks them against the compiled module.
"""

from __future__ import annotations

from enum import Enum

__all__ = ["Status", "Progress", "ActionKind", "Kind", "ExportFormat"]


class _StrEnum(str, Enum):
    def __str__(self) -> str:
        return str(self.value)


class Status(_StrEnum):
    """Implementation status of an action."""

    ANNOUNCED = "announced"
    IN_PREPARATION = "in_preparation"
    IN_PROGRESS = "in_progress"
    PROPOSED = "proposed"
    PROVISIONAL_AGREEMENT = "provisional_agreement"
    ADOPTED = "adopted"
    PUBLISHED = "published"
    DELIVERED = "delivered"
    ENDORSED = "endorsed"
    WITHDRAWN = "withdrawn"


class Progress(_StrEnum):
    """Where an action stands on a date, compared with its timing."""

    DELIVERED = "delivered"
    DUE = "due"
    OVERDUE = "overdue"
    OPEN = "open"
    WITHDRAWN = "withdrawn"


class ActionKind(_StrEnum):
    """What kind of commitment an action is."""

    LEGISLATIVE_PROPOSAL = "legislative_proposal"
    REVISION = "revision"
    ACTION_PLAN = "action_plan"
    STRATEGY = "strategy"
    ROADMAP = "roadmap"
    NETWORK = "network"
    FUNDING = "funding"
    OPERATIONAL = "operational"
    INTERNATIONAL = "international"
    ASSESSMENT = "assessment"
    GOVERNANCE = "governance"
    OTHER = "other"


class Kind(_StrEnum):
    """The kinds of entity (singular names, as ``records()`` and ``SearchHit.kind`` use)."""

    STRATEGY = "strategy"
    OBJECTIVE = "objective"
    PRINCIPLE = "principle"
    SECTION = "section"
    THEME = "theme"
    THREAT = "threat"
    ACTION = "action"
    ACTOR = "actor"
    INSTRUMENT = "instrument"
    DOCUMENT = "document"
    FIGURE = "figure"
    SOURCE = "source"


class ExportFormat(_StrEnum):
    """The formats ``Strategy.export`` writes."""

    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    MARKDOWN = "markdown"
    DOT = "dot"
    MERMAID = "mermaid"
    JSONLD = "jsonld"
    TURTLE = "turtle"
