"""Type aliases for the arguments the API accepts."""

from __future__ import annotations

import datetime
from typing import Union

__all__ = ["DateLike", "PeriodLike"]

#: A ``datetime.date`` (or ``datetime.datetime``, whose date is used) or an ISO date string
#: (``"2026-06-30"``, or ``"today"``).
DateLike = Union[datetime.date, str]

#: A year (``2026``) or a period string (``"2026"``, ``"2026-H1"``, ``"2026-Q2"``).
PeriodLike = Union[int, str]
