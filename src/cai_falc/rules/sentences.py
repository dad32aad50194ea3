"""Sentence rules: length, one idea per sentence, one sentence per line, lists as bullets."""

from __future__ import annotations

from collections.abc import Iterator

from .. import lexicon
from ..french import Sentence, Token
from ..metrics import reader_words
from . import Context, Finding, rule

_SUBJECT_CLITICS = frozenset("je j' tu il elle on nous vous ils elles".split())
_FINITE = ("ind", "cnd", "sub", "imp")


def word_count(s: Sentence, *, skip_label: bool = False) -> int:
    """Words of a sentence as a reader counts them: « l’accueil » is one word, and so is
    « étudiant.e.s ». With ``skip_label``, the words before a first « : » are not counted
    (the term of a « Mots difficiles » entry: « CPAS : Centre public d’action sociale. »)."""
    toks = s.tokens
    if skip_label:
        colon = next((i for i, t in enumerate(toks) if t.text == ":"), None)
        if colon is not None:
            toks = toks[colon + 1 :]
    return len(reader_words(toks))


@rule("long-sentence", "error", "Phrases courtes", langs="any")
def long_sentence(ctx: Context) -> Iterator[Finding]:
    """More words than the thresholds (bullets and line ends are sentence boundaries)."""
    c = ctx.settings
    for s in ctx.sentences:
        # A « Mots difficiles » entry: its term is a label, its explanation the sentence.
        n = word_count(s, skip_label=s.kind == "bullet" and s.line in ctx.box_lines)
        if n > c.long_sentence_error:
            # In translations, the length comes from the French: a warning is enough.
            severity = "error" if ctx.lang == "fr" else "warning"
            limit = c.long_sentence_error
        elif n > c.long_sentence_warning:
            severity, limit = "warning", c.long_sentence_warning
        else:
            continue
        yield ctx.finding(
            "long-sentence",
            s,
            f"Phrase trop longue : {n} mots (au plus {limit}). Coupez-la en phrases courtes, "
            "une idée par phrase.",
            severity=severity,
        )


def _finite_verbs(s: Sentence) -> list[Token]:
    """Finite verbs we are sure of: unambiguous verb forms, or a verb after a subject pronoun."""
    ws = [t for t in s.tokens if t.is_word]
    out: list[Token] = []
    for i, t in enumerate(ws):
        e = lexicon.entry(t.text)
        if e is None or not any(v.split(":", 1)[0] in _FINITE for v in e.infover):
            continue
        if "inf" in e.infover:
            continue  # « informer » (Lexique also lists it as « ind:pre:2p »): an infinitive
        after_subject = i > 0 and ws[i - 1].norm in _SUBJECT_CLITICS
        if e.cgram <= {"VER", "AUX"} or (after_subject and e.cgram & {"VER", "AUX"}):
            if out and out[-1] is ws[i - 1]:
                continue  # « a été », « peut venir »: one verb group
            out.append(t)
    return out


@rule("one-idea", "warning", "Une idée par phrase")
def one_idea(ctx: Context) -> Iterator[Finding]:
    """Too many commas, or more conjugated verbs than the threshold, in one sentence."""
    c = ctx.settings
    for s in ctx.sentences:
        commas = sum(1 for t in s.tokens if t.text == ",")
        if commas > c.max_commas:
            yield ctx.finding(
                "one-idea",
                s,
                f"Phrase avec {commas} virgules : elle dit sans doute plusieurs choses. "
                "Écrivez une idée par phrase.",
            )
            continue
        verbs = _finite_verbs(s)
        if len(verbs) > c.max_verbs:
            listed = ", ".join(f"« {t.text} »" for t in verbs)
            yield ctx.finding(
                "one-idea",
                s,
                f"Phrase avec {len(verbs)} verbes conjugués ({listed}). "
                "Écrivez une idée par phrase.",
            )


@rule("one-sentence-per-line", "error", "Une phrase par ligne", langs="any", falc_only=True)
def one_sentence_per_line(ctx: Context) -> Iterator[Finding]:
    """In a FALC text, a second sentence on the same line.

    Not in the "Mots difficiles" box: « - CPAS : Centre public d’action sociale. Un
    service de la commune. » is one entry, a term and its explanation; each of its
    sentences is still checked by the other rules.
    """
    for prev, s in zip(ctx.sentences, ctx.sentences[1:], strict=False):
        if s.line == prev.line and s.line not in ctx.box_lines and not _quoted(ctx, prev, s):
            yield ctx.finding(
                "one-sentence-per-line",
                s,
                "Deux phrases sur la même ligne. Commencez chaque phrase sur une nouvelle ligne.",
            )


def _quoted(ctx: Context, prev: Sentence, s: Sentence) -> bool:
    """« Par exemple : « Mon bébé dort mal. Que faire ? » »: the sentences of a quotation
    that opens in ``prev`` and closes at the end of ``s`` are one example, one line."""
    between = ctx.text[prev.start : s.start]
    if between.count("«") <= between.count("»"):
        return False
    return s.text.rstrip().endswith("»") or s.text.rstrip(" .!?…").endswith("»")


@rule("enumeration", "info", "Les listes en puces")
def enumeration(ctx: Context) -> Iterator[Finding]:
    """Three or more items separated by commas and « et »/« ou » in one sentence."""
    need = ctx.settings.enumeration_items
    for s in ctx.sentences:
        if s.kind in ("bullet", "heading"):
            continue  # a title names its subjects: « Radicalisme, stigmatisation et repli »
        commas = [t for t in s.tokens if t.text == ","]
        if not commas:
            continue
        # A list ends with « et »/« ou » before its last item (« A, B et C »); commas alone
        # separate clauses (the one-idea rule) or address people (« Madame, Monsieur, »).
        after = [t.norm for t in s.tokens if t.is_word and t.start > commas[-1].start]
        conj = next(
            (i for i, n in enumerate(after[:8]) if n in ("et", "ou") or (
                n == "ainsi" and after[i + 1 : i + 2] in (["que"], ["qu'"])
            )),
            None,
        )
        if conj is None:
            continue
        items = len(commas) + 2
        if items >= need:
            yield ctx.finding(
                "enumeration",
                s,
                f"Énumération ({items} éléments ou plus) dans une phrase. "
                "Faites une liste à puces, un élément par ligne.",
            )
