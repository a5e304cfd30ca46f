"""Problems found in the data file, reported all at once."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One fault, located and explained so a translator can fix it."""

    file: str
    line: int
    subject: str
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.subject}: {self.message} ({self.fix})"


class DataError(Exception):
    """The data file cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the method data:"
        return "\n".join([head, *(str(p) for p in self.problems)])
