"""The objects of the simplification stage: a trace step, a draft, an outcome."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CaiFalcError
from ..fiche import FalcText


@dataclass(frozen=True)
class Step:
    """One change made by one operation, and why (shown in the reviewer report)."""

    operation: str
    before: str
    after: str
    reason: str


@dataclass
class Draft:
    """A FALC draft and the trace of how it was made from its source."""

    falc: FalcText
    trace: list[Step] = field(default_factory=list)


#: What ``update_falc_files`` did with one fiche.
ACTIONS = ("written", "unchanged", "kept-edited", "stale", "error")


@dataclass
class SimplifyOutcome:
    """What happened to one FALC file: written, unchanged, kept-edited, stale or error."""

    id: str
    action: str
    path: Path
    message: str = ""
    #: Unified diff of the source change, for a stale human-owned text.
    diff: str = ""
    diff_path: Path | None = None
    #: The new draft (written or unchanged), with its trace.
    draft: Draft | None = None
    #: The FALC text now on disk: the draft, or the people's text that was kept.
    falc: FalcText | None = None
    #: Why the file could not be read (action "error"); nothing was written.
    error: CaiFalcError | None = None

    @property
    def fiche_id(self) -> str:
        return self.id

    @property
    def state(self) -> str:
        return self.action

    @property
    def trace(self) -> list[Step]:
        """The simplification trace (empty when people's text was kept)."""
        return self.draft.trace if self.draft is not None else []
