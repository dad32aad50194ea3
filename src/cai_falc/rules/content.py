"""Whole-text rules: speak to the reader, clear titles, and facts the source supports."""

from __future__ import annotations

import importlib
from collections.abc import Iterator

from .. import lexicon
from . import Context, Finding, rule

_YOU = frozenset("vous votre vos tu ton ta tes te t'".split())


def _addresses_reader(tokens: list[str], first: str) -> bool:
    if any(t in _YOU for t in tokens):
        return True
    e = lexicon.entry(first)
    return e is not None and any(v.startswith("imp:") for v in e.infover) and first.endswith("ez")


@rule("address-reader", "info", "Parler au lecteur")
def address_reader(ctx: Context) -> Iterator[Finding]:
    """Few sentences speak to the reader (« vous », imperative)."""
    body = [s for s in ctx.sentences if s.kind != "heading"]
    if len(body) < 5:
        return
    speaking = 0
    for s in body:
        ws = [t.norm for t in s.tokens if t.is_word]
        if ws and _addresses_reader(ws, ws[0]):
            speaking += 1
    share = speaking / len(body)
    if share < ctx.settings.address_reader_share:
        yield ctx.finding(
            "address-reader",
            body[0],
            f"Peu de phrases parlent au lecteur ({speaking} sur {len(body)}). "
            "Dites « vous » : « Vous pouvez venir au CAI. »",
        )


@rule("title-question", "info", "Des titres clairs", falc_only=True)
def title_question(ctx: Context) -> Iterator[Finding]:
    """A long FALC text without headings."""
    headings = [s for s in ctx.sentences if s.kind == "heading"]
    body = [s for s in ctx.sentences if s.kind != "heading"]
    if not headings and len(body) > ctx.settings.sentences_per_heading:
        yield ctx.finding(
            "title-question",
            body[0],
            f"{len(body)} phrases sans titre. Ajoutez des titres courts (« ## Qui peut "
            "m’aider ? ») pour que le lecteur trouve l’information.",
        )


@rule("fact", "error", "Les faits de la fiche")
def fact(ctx: Context) -> Iterator[Finding]:
    """Numbers, years, dates and names of a FALC text that its source fiche does not have."""
    if ctx.source is None:
        return
    try:
        facts = importlib.import_module("cai_falc.facts")
    except ImportError:
        return  # the fact checker is optional: without it, this rule is skipped
    kinds = {"number": "Nombre", "year": "Année", "date": "Date", "name": "Nom"}
    for f in facts.unsupported_facts(ctx.text, source=ctx.source, glossary=ctx.glossary):
        end = max(f.end, f.start + 1)
        toks = [t for s in ctx.sentences for t in s.tokens if f.start <= t.start < end]
        if not toks:
            continue
        yield ctx.finding(
            "fact",
            toks,
            f"{kinds.get(f.kind, 'Fait')} absent de la fiche source (« {f.text} »). "
            "Vérifiez : le texte FALC ne doit rien inventer.",
        )
