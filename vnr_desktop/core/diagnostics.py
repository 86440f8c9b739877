"""Located, plain-language problems found in content (errors and warnings)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Diagnostic:
    """One problem, with where it is: file, line, column and the field path inside the file."""

    severity: Severity
    message: str
    file: str
    line: int | None = None
    column: int | None = None
    path: str = ""
    code: str = "invalid"

    def where(self) -> str:
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column or 1}"

    def __str__(self) -> str:
        field = f" {self.path}:" if self.path else ""
        return f"{self.where()}: {self.severity}:{field} {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "code": self.code,
            "message": self.message,
        }


def format_path(parts: tuple[str | int, ...]) -> str:
    """``("contacts", 3, "phones", 0)`` -> ``contacts[3].phones[0]``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
