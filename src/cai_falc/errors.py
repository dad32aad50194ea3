"""The one exception hierarchy of cai-falc.

Every error says where (file, line, field when known) and how to fix it, in plain
words. The CLI turns these into click exceptions at the boundary; nothing here
imports click, so the library can be used and tested on its own.
"""

from __future__ import annotations

from pathlib import Path


class CaiFalcError(Exception):
    """Base class: an error a user can fix. ``exit_code`` is what the CLI returns."""

    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message}\n  {self.hint}"
        return self.message


class InputError(CaiFalcError):
    """A file given to a command cannot be read or understood."""

    def __init__(
        self,
        path: str | Path,
        message: str,
        *,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.line = line
        where = f"{self.path}:{line}" if line is not None else str(self.path)
        super().__init__(f"{where}: {message}", hint=hint)


class ExportError(InputError):
    """The CMS export cannot be split into fiches."""


class FicheError(InputError):
    """A fiche file (or FALC text) has invalid front matter or a missing field."""

    def __init__(
        self,
        path: str | Path,
        message: str,
        *,
        line: int | None = None,
        field: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.field = field
        if field is not None:
            message = f"field '{field}': {message}"
        super().__init__(path, message, line=line, hint=hint)


class GlossaryError(InputError):
    """A glossary file is invalid."""


class CatalogError(InputError):
    """A translation catalog (PO file) cannot be read or written."""


class ConfigError(CaiFalcError):
    """``cai-falc.toml`` is missing a value or has a wrong one."""

    def __init__(self, problems: list[str], *, path: str | Path | None = None) -> None:
        self.problems = problems
        self.path = Path(path) if path is not None else None
        where = f"{self.path}: " if self.path is not None else ""
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{where}invalid configuration:\n{lines}")


class ModelError(CaiFalcError):
    """A translation model package is invalid, unsafe, or cannot be loaded."""


class ModelMissingError(ModelError):
    """No installed model translates between two languages."""

    def __init__(self, source: str, target: str, *, hint: str | None = None) -> None:
        self.source = source
        self.target = target
        super().__init__(
            f"no translation model installed for {source} -> {target}",
            hint=hint
            or (
                "Install one with "
                f"'cai-falc models install translate-{source}_{target}.argosmodel' "
                f"(or 'cai-falc models download {source} {target}' on a machine with internet)."
            ),
        )


class TemplateError(CaiFalcError):
    """A template is missing or fails to render."""


class OutputError(CaiFalcError):
    """An output file cannot be written (read-only folder, full disk...)."""

    def __init__(self, path: str | Path, message: str, *, hint: str | None = None) -> None:
        self.path = Path(path)
        super().__init__(f"{self.path}: {message}", hint=hint)


class FindingsError(CaiFalcError):
    """Work finished but left findings (checker errors, failed fiches): exit 1."""

    exit_code = 1
