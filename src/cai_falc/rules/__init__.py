"""The FALC rules a machine can check, one module per family, one stable id per rule.

Each rule is a function ``rule(ctx) -> Iterable[Finding]`` registered with its id, its
severity and the languages it applies to. The ids and defaults are those of
``FALC_RULES.md``; thresholds come from ``[check]`` in ``cai-falc.toml``. Rules favour
precision: a reviewer who sees false alarms stops reading the findings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..config import CheckSettings
from ..french import Sentence, Token
from ..glossary import Glossary

SEVERITIES = ("error", "warning", "info")
#: The rule ids in the order of FALC_RULES.md (documentation, report columns).
ORDER = (
    "long-sentence", "one-idea", "one-sentence-per-line", "hard-word", "unexplained-word",
    "same-word", "acronym", "abbreviation", "inclusive-writing", "passive", "negation",
    "condition", "nominalisation", "number-words", "big-number", "roman-numeral", "date-format",
    "special-char", "enumeration", "foreign-word", "metaphor", "address-reader",
    "title-question", "fact",
)


@dataclass(frozen=True)
class Finding:
    """One place where a text breaks a FALC rule."""

    rule: str
    severity: str
    line: int
    col: int
    #: The words concerned, as written.
    text: str
    #: What is wrong and how to fix it, in plain French.
    message: str
    #: Offsets in the checked text (for highlighting); not part of the JSON output.
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)

    def as_dict(self) -> dict[str, object]:
        """The JSON form: rule, severity, line, col, text, message."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "line": self.line,
            "col": self.col,
            "text": self.text,
            "message": self.message,
        }


@dataclass
class Context:
    """What a rule sees: the text, its sentences, and what is known around it."""

    text: str
    sentences: list[Sentence]
    lang: str
    settings: CheckSettings
    #: True for FALC texts (``.falc.md`` or ``--falc``): layout rules apply.
    falc: bool = False
    glossary: Glossary | None = None
    #: Terms explained next to the text (FALC ``words``, fiche ``jargon``), normalised.
    explained: frozenset[str] = frozenset()
    #: Lines of the FALC text's "Mots difficiles" box (``- Terme : Explication.``): each
    #: entry is a term and its explanation, which may take several sentences.
    box_lines: frozenset[int] = frozenset()
    #: The source fiche's text, when this is a FALC text made from it.
    source: str | None = None
    #: Results shared between rules of one run (glossary matches...).
    memo: dict[str, Any] = field(default_factory=dict)

    def finding(
        self,
        rule: str,
        what: Sentence | Sequence[Token],
        message: str,
        *,
        severity: str | None = None,
    ) -> Finding:
        """A finding on a sentence or on a run of tokens, at its first word."""
        if isinstance(what, Sentence):
            start, end, line, col = what.start, what.end, what.line, what.col
        else:
            first, last = what[0], what[-1]
            start, end, line, col = first.start, last.end, first.line, first.col
        text = self.text[start:end]
        text = " ".join(text.split())
        if len(text) > 80:
            text = text[:77].rstrip() + "…"
        return Finding(
            rule,
            severity or RULES[rule].severity,
            line,
            col,
            text,
            message,
            start,
            end,
        )


RuleFunc = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A registered rule: id, default severity, short French title, where it applies."""

    id: str
    severity: str
    title: str
    func: RuleFunc
    #: ``fr`` (French only) or ``any`` (every language).
    langs: str = "fr"
    #: Only on FALC texts (``one-sentence-per-line``...).
    falc_only: bool = False


RULES: dict[str, Rule] = {}


def rule(
    id: str, severity: str, title: str, *, langs: str = "fr", falc_only: bool = False
) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule function under a stable id."""

    def register(func: RuleFunc) -> RuleFunc:
        RULES[id] = Rule(id, severity, title, func, langs, falc_only)
        return func

    return register


def run(ctx: Context, *, skip: Iterable[str] = ()) -> list[Finding]:
    """Every finding of every rule that applies to this text, in text order."""
    skipped = set(skip) | set(ctx.settings.disabled)
    out: list[Finding] = []
    for r in RULES.values():
        if r.id in skipped or (r.falc_only and not ctx.falc):
            continue
        if r.langs == "fr" and ctx.lang != "fr":
            continue
        out.extend(r.func(ctx))
    out.sort(key=lambda f: (f.start, f.rule))
    return out


# Registration happens on import (each module registers its rules).
from . import content, grammar, numbers, sentences, words  # noqa: E402

__all__ = [
    "ORDER", "RULES", "SEVERITIES", "Context", "Finding", "Rule", "content", "grammar", "numbers",
    "run", "sentences", "words",
]
