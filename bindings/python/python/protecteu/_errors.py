"""The exceptions raised by protecteu.

Every error the package raises is a :class:`ProtectEUError`; each subclass also derives from
the built-in exception a Python programmer would expect (``ValueError``, ``KeyError``,
``OSError``), so ``except ValueError`` keeps working.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Sequence

if TYPE_CHECKING:
    from ._native import Problem

__all__ = [
    "ProtectEUError",
    "ValidationError",
    "NotFoundError",
    "InvalidArgumentError",
    "LoadError",
    "FingerprintError",
]


class ProtectEUError(Exception):
    """Base class of every protecteu error."""


class ValidationError(ProtectEUError, ValueError):
    """The data set did not validate; ``problems`` lists every problem found, located."""

    problems: list[Problem]

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.problems = list(problems)


class NotFoundError(ProtectEUError, KeyError):
    """No entity of ``kind`` has this ``id``; ``suggestion`` is the closest id, if any."""

    kind: str
    id: str
    suggestion: Optional[str]

    def __init__(
        self, message: str, kind: str = "", id: str = "", suggestion: Optional[str] = None
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.id = id
        self.suggestion = suggestion

    def __str__(self) -> str:
        # KeyError would show the message in quotes.
        return str(self.args[0]) if self.args else ""


class InvalidArgumentError(ProtectEUError, ValueError):
    """A query argument could not be understood (a bad date, period or vocabulary value)."""

    name: str
    value: str
    expected: str

    def __init__(self, message: str, name: str = "", value: str = "", expected: str = "") -> None:
        super().__init__(message)
        self.name = name
        self.value = value
        self.expected = expected


class _FileError(ProtectEUError, OSError):
    """A file could not be read or written: ``path`` is the file."""

    path: str

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(message)
        self.path = path

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class LoadError(_FileError):
    """A data file or directory could not be read."""


class WriteError(_FileError):
    """An export could not be written (``export_sqlite``): ``path`` is the file."""


class FingerprintError(ProtectEUError, ValueError):
    """The data's fingerprint is not the one expected (``load(expect_fingerprint=...)``):
    ``expected`` is the value asked for, ``actual`` the loaded data's."""

    expected: str
    actual: str

    def __init__(self, message: str, expected: str = "", actual: str = "") -> None:
        super().__init__(message)
        self.expected = expected
        self.actual = actual
