"""Word rules: easy words, explained words, the same word for the same thing, no acronyms,
no abbreviations, no foreign words, no metaphors."""

from __future__ import annotations

import bisect
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from .. import lexicon
from ..french import (
    DAY_ABBREVIATIONS,
    Sentence,
    Token,
    is_day_abbreviation,
    normalise,
)
from ..glossary import Glossary, Term
from . import Context, Finding, rule
from .numbers import roman_numeral

# ------------------------------------------------------------------ shared helpers


@dataclass(frozen=True)
class TermUse:
    """A glossary term found in the text."""

    term: Term
    start: int
    end: int
    #: True when the form found is one of the term's synonyms, not the term itself.
    synonym: bool = False


_Patterns = tuple[re.Pattern[str], dict[str, tuple[Term, bool]], dict[str, tuple[Term, bool]]]
#: Compiled term patterns per glossary object (a glossary is loaded once per run).
_PATTERNS: dict[int, tuple[Glossary, _Patterns]] = {}


def _term_patterns(glossary: Glossary) -> _Patterns:
    """One regex for every form of every term, and maps from a match to its term.

    Acronyms match with their case (« PLI », not « pli »), other terms in any case.
    """
    cached = _PATTERNS.get(id(glossary))
    if cached is not None and cached[0] is glossary:
        return cached[1]
    exact: dict[str, tuple[Term, bool]] = {}
    folded: dict[str, tuple[Term, bool]] = {}
    for term in glossary.terms:
        for forms, synonym in ((term.forms, False), (term.synonyms, True)):
            for form in forms:
                form = normalise(form) if term.kind != "acronym" else form.replace("\u2019", "'")
                if not form.strip():
                    continue
                target = exact if term.kind == "acronym" else folded
                target.setdefault(form, (term, synonym))
    alts = sorted({*exact, *folded}, key=len, reverse=True)
    body = "|".join(re.escape(a) for a in alts) or "(?!)"
    # Plurals and feminines of a term are the term (« primo-arrivant(e)s »).
    pattern = re.compile(rf"(?<![\w-])({body})(?:e?s|x|e)?(?![\w-])", re.IGNORECASE)
    if len(_PATTERNS) > 8:
        _PATTERNS.clear()
    _PATTERNS[id(glossary)] = (glossary, (pattern, exact, folded))
    return pattern, exact, folded


def term_uses(ctx: Context) -> list[TermUse]:
    """Every place a glossary term (or one of its synonyms) is used, in text order."""
    if ctx.glossary is None or not len(ctx.glossary):
        return []
    if "term_uses" in ctx.memo:
        return list(ctx.memo["term_uses"])
    pattern, exact, folded = _term_patterns(ctx.glossary)
    plain = ctx.text.replace("\u2019", "'").replace("\u02bc", "'")
    kept: list[TermUse] = []
    for m in pattern.finditer(plain):
        base = m.group(1)
        found = exact.get(base) or folded.get(base.lower()) or folded.get(normalise(base))
        if found is not None:
            kept.append(TermUse(found[0], m.start(), m.end(), found[1]))
    ctx.memo["term_uses"] = kept
    return list(kept)


def _folded(ctx: Context) -> str:
    """The whole text normalised (lower-case, plain apostrophes), computed once per run."""
    if "folded" not in ctx.memo:
        ctx.memo["folded"] = normalise(ctx.text)
    return str(ctx.memo["folded"])


def _tokens_in(ctx: Context, start: int, end: int) -> list[Token]:
    for s in ctx.sentences:
        if s.start <= start < s.end:
            toks = [t for t in s.tokens if start <= t.start < end]
            if toks:
                return toks
    return []


def _explained_nearby(ctx: Context, s: Sentence, tok: Token) -> bool:
    """« x, c’est-à-dire ... », « x (= ...) », « x : ... », « x veut dire ... », or a
    definition next: « L’isoloir est un endroit fermé. », « Une procuration, c’est ... »."""
    after = ctx.text[tok.end : s.end + 200].replace("\u2019", "'").lower()
    before = ctx.text[s.start : tok.start].replace("\u2019", "'").lower()
    word = re.escape(tok.norm)
    return bool(
        re.match(r"\s*(?:\(|:|,?\s*c'est-à-dire|,?\s*(?:qui\s+)?(?:veut dire|signifie))", after)
        # « Le décret, c’est une loi. », « Les bénéficiaires, ce sont les personnes... »
        or re.match(r"\s*,\s*(?:c'est|ce sont)\s+(?:un|une|des|le|la|les|l'|quoi)\b", after)
        # « Ce papier s’appelle une attestation. », « On appelle cela le bail. »
        or re.search(
            r"(?:s'appellent|s'appelle|appelle\s+(?:cela|ça|ce papier)|appelée?s?|nomme)"
            r"\s+(?:un|une|le|la|les|l'|des)?\s*$",
            before,
        )
        or re.search(rf"\b{word}\b[^.]{{0,30}}\b(?:veut dire|c'est|signifie)\b", after)
        or re.search(rf"\b{word}s?\b,?\s+(?:est|sont)\s+(?:un|une|des|le|la|les|l')\b", after)
    )


# ----------------------------------------------------------------- easy words

_FOREIGN_RE = re.compile(r"w|k|sh|th|oo|ee|ing$|[^aeiouy]y$|^y[^aeiou]")


_DIGIT_RE = re.compile(r"\d")


def _candidates(ctx: Context) -> list[tuple[Sentence, Token]]:
    """Content words a reader might stumble on: not names, acronyms, numbers or elisions."""
    if "candidates" in ctx.memo:
        return list(ctx.memo["candidates"])
    out = []
    for s in ctx.sentences:
        first = next((t for t in s.tokens if t.is_word), None)
        for t in s.tokens:
            text = t.text
            if t.kind != "word" or len(text) < 4 or text[-1] in "'\u2019":
                continue
            if text.isupper() or (text[0].isupper() and t is not first):
                continue  # acronyms; capitalised words inside a sentence are names
            if text[0].isupper() and lexicon.entry(text.lower()) is None:
                continue  # « Sambreville est une commune. »: a name starts the sentence
            if _DIGIT_RE.search(text):
                continue
            out.append((s, t))
    ctx.memo["candidates"] = out
    return list(out)


def _rarity(tok: Token) -> float:
    """Zipf frequency of a word, of its lemma, or of its rarest part (« vivre-ensemble »)."""
    z = lexicon.zipf(tok.text)
    if z == 0 and "-" in tok.text:
        parts = [p for p in tok.text.split("-") if p]
        z = min((lexicon.zipf(p) for p in parts), default=0.0)
    return z


def _foreign(tok: Token) -> bool:
    if lexicon.entry(tok.text) is not None or lexicon.entry(tok.text.lower()) is not None:
        return False
    return bool(_FOREIGN_RE.search(tok.norm))


def _boxed(ctx: Context, term: str) -> bool:
    """The term is in the « Mots difficiles » box, in the singular or the plural."""
    n = normalise(term)
    return bool({n, n + "s", n.removesuffix("s"), n + "x"} & ctx.explained)


def _explained_spans(ctx: Context) -> list[tuple[int, int]]:
    """Where the text uses a term of its « Mots difficiles » box, plurals included
    (« minerval » explains « les minervals », « contrat de bail » its « bail »)."""
    if not ctx.explained:
        return []
    if "explained_spans" not in ctx.memo:
        alts = sorted((re.escape(t) for t in ctx.explained if t.strip()), key=len, reverse=True)
        pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})(?:e?s|x)?(?![\w-])")
        folded = _folded(ctx)
        ctx.memo["explained_spans"] = [(m.start(), m.end()) for m in pattern.finditer(folded)]
    return list(ctx.memo["explained_spans"])


def _glossary_spans(ctx: Context) -> list[tuple[int, int]]:
    return [(u.start, u.end) for u in term_uses(ctx)]


def _in(spans: list[tuple[int, int]], tok: Token) -> bool:
    """True if the token starts inside one of the (sorted, disjoint) spans."""
    i = bisect.bisect_right(spans, (tok.start, sys.maxsize)) - 1
    return i >= 0 and spans[i][0] <= tok.start < spans[i][1]


_ER = r"(?:e|es|ent|er|ez|ons|é|ée|és|ées|ait|aient|era|eront|erez|erait|ant)"
#: Words and phrases of administrative French that are frequent (wordfreq does not find
#: them rare) but that readers of FALC do not use: what to write instead. Warnings for
#: the jargon, infos for connectors every writer uses (« afin de », « lors de »).
ADMINISTRATIVE: tuple[tuple[str, str, str, str], ...] = (
    ("conformément à", r"conformément (?:à|au|aux)", "selon", "warning"),
    ("en vertu de", r"en vertu (?:de|du|des|d')", "selon", "warning"),
    ("nonobstant", r"nonobstant", "malgré", "warning"),
    ("afférent", r"(?:y )?afférent(?:e|s|es)?", "qui concerne", "warning"),
    ("susmentionné", r"susmentionné(?:e|s|es)?|susvisé(?:e|s|es)?|précité(?:e|s|es)?",
     "ce, cette", "warning"),
    ("ledit", r"ledit|ladite|lesdits|lesdites", "ce, cette", "warning"),
    ("dûment", r"dûment", "bien", "warning"),
    ("ci-joint", r"ci-joint(?:e|s|es)?|ci-annexé(?:e|s|es)?", "avec cette lettre", "warning"),
    ("ci-après", r"ci-après", "plus loin", "warning"),
    ("en l’occurrence", r"en l'occurrence", "ici", "warning"),
    ("d’office", r"d'office", "automatiquement", "warning"),
    ("il est à noter que", r"(?:il est )?à noter que", "attention", "warning"),
    ("au préalable", r"au préalable|préalablement", "avant", "warning"),
    ("à l’issue de", r"à l'issue (?:de|du|des|d')", "à la fin de", "warning"),
    ("par le biais de", r"par le biais (?:de|du|des|d')", "avec", "warning"),
    ("solliciter", rf"sollicit{_ER}", "demander", "warning"),
    ("octroyer", r"octroi(?:e|es|ent|era)?|octroy(?:er|ez|é|ée|és|ées|ait|ant)", "donner",
     "warning"),
    ("délivrer", rf"délivr{_ER}", "donner", "warning"),
    ("effectuer", rf"effectu{_ER}", "faire", "warning"),
    ("procéder à", r"procè?é?d\w* (?:à|au|aux)", "faire", "warning"),
    ("s’avérer", r"s'av[èé]r\w*", "être", "warning"),
    ("il convient de", r"il convient (?:de|d')", "il faut", "warning"),
    ("être tenu de", r"(?:êtes|est|sont|suis|sommes|être) tenue?s? (?:de|d')", "devoir",
     "warning"),
    ("muni de", r"muni(?:e|s|es)? (?:de|d'|du|des)", "avec", "warning"),
    ("veuillez", r"veuillez",
     "Écrivez le verbe à l’impératif : « Envoyez » plutôt que « Veuillez envoyer ».",
     "warning"),
    ("accuser réception", r"accus\w* (?:bonne )?réception", "nous avons reçu", "warning"),
    ("faire parvenir", r"f\w* parvenir", "envoyer", "warning"),
    ("à cet effet", r"à cet effet", "pour cela", "warning"),
    ("pièces justificatives", r"pièces? justificatives?", "les papiers qui prouvent",
     "warning"),
    ("dans les meilleurs délais", r"dans les (?:meilleurs|plus brefs) délais", "vite",
     "warning"),
    ("moyennant", r"moyennant", "avec, pour", "warning"),
    ("à compter de", r"à compter (?:de|du|des|d')", "à partir de", "warning"),
    ("afin de", r"afin (?:de|d'|que|qu')", "pour", "info"),
    ("lors de", r"lors (?:de|du|des|d')", "pendant, quand", "info"),
    ("auprès de", r"auprès (?:de|du|des|d')", "à, chez", "info"),
    ("en outre", r"en outre", "aussi", "info"),
    ("toutefois", r"toutefois|néanmoins", "mais", "info"),
    ("dans le cadre de", r"dans le cadre (?:de|du|des|d')", "pour, dans", "info"),
    ("en matière de", r"en matière (?:de|d')", "pour", "info"),
    ("relatif à", r"relati(?:f|ve|fs|ves) (?:à|au|aux)", "sur", "info"),
    ("bénéficier de", r"bénéfici(?:e|es|ent|er|ez|ons|é|ait|eront|ant) (?:de|du|des|d')",
     "recevoir, avoir", "info"),
    ("disposer de", rf"dispos{_ER} (?:de|du|des|d')", "avoir", "info"),
    ("s’élever à", r"s'él[èe]v\w* (?:à|au)", "être de", "info"),
)
_ADMIN_RE = re.compile(
    r"(?<![\w'-])(?:" + "|".join(f"(?P<a{i}>{p})" for i, (_, p, _, _) in
                                  enumerate(ADMINISTRATIVE)) + r")(?![\w-])",
    re.IGNORECASE,
)


def _administrative(
    ctx: Context, spans: list[tuple[int, int]]
) -> Iterator[tuple[list[Token], str, str, str]]:
    """Administrative words and phrases, once each: (tokens, label, replacement, severity)."""
    plain = ctx.text.replace("\u2019", "'").replace("\u00a0", " ")
    seen: set[str] = set()
    for m in _ADMIN_RE.finditer(plain):
        i = int(next(k for k, v in m.groupdict().items() if v is not None)[1:])
        label, _, replacement, severity = ADMINISTRATIVE[i]
        if label in seen or any(a <= m.start() < b for a, b in spans):
            continue
        toks = _tokens_in(ctx, m.start(), m.end())
        if toks:
            seen.add(label)
            yield toks, label, replacement, severity


@rule("hard-word", "warning", "Des mots faciles, de tous les jours")
def hard_word(ctx: Context) -> Iterator[Finding]:
    """Words rarer than the Zipf threshold (form or lemma), not in the glossary, not
    explained; once per word. Glossary terms that have a simpler replacement too."""
    threshold = ctx.settings.hard_word_zipf
    for use in term_uses(ctx):
        if use.term.replacement and not use.synonym:
            toks = _tokens_in(ctx, use.start, use.end)
            if toks:
                yield ctx.finding(
                    "hard-word",
                    toks,
                    f"Mot difficile. Écrivez plutôt « {use.term.replacement} ».",
                )
    spans = _glossary_spans(ctx)
    admin: list[tuple[int, int]] = []
    for toks, label, replacement, severity in _administrative(ctx, spans):
        admin.append((toks[0].start, toks[-1].end))
        yield ctx.finding(
            "hard-word",
            toks,
            f"Mot de l’administration (« {label} »). "
            + (replacement if replacement.endswith(".") else f"Écrivez plutôt « {replacement} »."),
            severity=severity,
        )
    spans = sorted(spans + admin + _explained_spans(ctx))
    seen: set[str] = set()
    for s, t in _candidates(ctx):
        key = lexicon.lemmas(t.text)[0] if lexicon.entry(t.text) else t.norm
        if key in seen or t.norm in ctx.explained or _in(spans, t):
            continue
        if _rarity(t) >= threshold or _foreign(t):
            continue
        seen.add(key)
        if _explained_nearby(ctx, s, t):
            continue
        yield ctx.finding(
            "hard-word",
            [t],
            f"Mot peu courant (« {t.text} »). Utilisez un mot de tous les jours, "
            "ou expliquez-le dans la phrase suivante.",
        )


def _name_spans(ctx: Context) -> list[tuple[int, int]]:
    """Where the text writes out the expansion of a glossary acronym (a name)."""
    if ctx.glossary is None:
        return []
    folded = _folded(ctx)
    spans = []
    for term in ctx.glossary.terms:
        if term.kind in ("acronym", "name") and len(term.expansion) > 8:
            # Only the first words: « Centre d'action interculturelle » of a longer name.
            head = " ".join(normalise(term.expansion).split()[:3])
            for m in re.finditer(re.escape(head), folded):
                spans.append((m.start(), m.end()))
    return spans


@rule("unexplained-word", "warning", "Expliquer les mots difficiles")
def unexplained_word(ctx: Context) -> Iterator[Finding]:
    """A glossary or jargon term (not an acronym) used the first time without explanation."""
    seen: set[str] = set()
    names = _name_spans(ctx)
    for use in term_uses(ctx):
        term = use.term
        if term.kind in ("acronym", "name") or term.replacement or use.synonym:
            continue
        if any(a <= use.start < b for a, b in names):
            continue  # part of a name: « Centre d’action interculturelle »
        if term.term in seen:
            continue
        toks = _tokens_in(ctx, use.start, use.end)
        if not toks:
            continue
        s = next(x for x in ctx.sentences if x.start <= use.start < x.end)
        first = next((t for t in s.tokens if t.is_word), None)
        if term.term[:1].islower() and toks[0].text[:1].isupper() and toks[0] is not first:
            continue  # a capital inside a sentence: a name (« la Plateforme FLE »)
        seen.add(term.term)
        if _boxed(ctx, term.term) or any(_boxed(ctx, v) for v in term.variants):
            continue
        if _explained_nearby(ctx, s, toks[-1]) or (
            term.explanation and normalise(term.explanation)[:40] in _folded(ctx)
        ):
            continue
        hint = f" Par exemple : « {term.explanation} »" if term.explanation else ""
        yield ctx.finding(
            "unexplained-word",
            toks,
            f"« {ctx.text[use.start:use.end]} » est un mot difficile : expliquez-le la "
            f"première fois.{hint}",
        )


@rule("same-word", "warning", "Le même mot pour la même chose")
def same_word(ctx: Context) -> Iterator[Finding]:
    """A glossary synonym used in a text that also uses the term itself."""
    uses = term_uses(ctx)
    main = {u.term.term for u in uses if not u.synonym}
    seen: set[tuple[str, str]] = set()
    for u in uses:
        if not u.synonym or u.term.term not in main:
            continue
        written = ctx.text[u.start : u.end]
        if (u.term.term, written.lower()) in seen:
            continue
        seen.add((u.term.term, written.lower()))
        toks = _tokens_in(ctx, u.start, u.end)
        if toks:
            yield ctx.finding(
                "same-word",
                toks,
                f"« {written} » et « {u.term.term} » désignent la même chose. "
                f"Gardez toujours le même mot : « {u.term.term} ».",
            )


# --------------------------------------------------------------------- acronyms

_ACRONYM_RE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý0-9]*[A-ZÀ-Ý]$|^[A-Z]{2,}\d+$|^[a-z][A-Z]{2,}$")
_IBAN_RE = re.compile(r"^[A-Z]{2}\d{2}$")
#: Language levels, and initials read as everyday words (« un SMS », « les WC »).
NOT_ACRONYMS = frozenset(
    ["A1", "A2", "B1", "B2", "C1", "C2", "OK", "TV", "SMS", "WC", "GPS", "USB", "DVD", "QR"]
)
_DOTTED_RE = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}(?:[A-Z](?![\w]))?")
_SMALL = frozenset(
    """de d' du des la le les l' et à au aux en pour sur par the of and for""".split()
)


def _unaccent(text: str) -> str:
    """« É » -> « E »: « indice socio-économique (ISE) » spells its acronym."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _initials_match(acronym: str, s: Sentence) -> bool:
    """Words in the sentence whose initials spell the acronym (« Centre public d’action
    sociale (CPAS) », « CPAS (Centre public d’action sociale) »)."""
    letters = [c for c in _unaccent(acronym).upper() if c.isalpha()]
    content = [t for t in s.tokens if t.kind == "word" and t.norm not in _SMALL and
               not t.text.isupper()]
    initials = "".join(_unaccent(t.text[0]).upper() for t in content)
    target = "".join(letters)
    if len(target) < 2:
        return False
    if target in initials:
        return True
    # Hyphenated words may give two letters (« primo-arrivants » -> PA).
    parts = "".join(
        "".join(_unaccent(p[0]).upper() for p in t.text.split("-") if p) for t in content
    )
    return target in parts


def capitalised_word(text: str, glossary: Glossary | None = None) -> bool:
    """A common French word written in capitals (not an acronym of the glossary): « ATTENTION »
    (shared with the simplifier, which finds acronyms as this rule does)."""
    if len(text) < 4 or (glossary is not None and glossary.get(text) is not None):
        return False
    return lexicon.entry(text.lower()) is not None and lexicon.zipf(text.lower()) >= 4.5


def _explained_after(ctx: Context, s: Sentence, key: str) -> bool:
    """The acronym spelt out in one of the next two sentences (« CAI veut dire Centre
    d’action interculturelle. »); headings in between do not count, and an acronym in a
    heading may be explained in the first four sentences of the text under it."""
    i = ctx.sentences.index(s)
    following = [x for x in ctx.sentences[i + 1 : i + 12] if x.kind != "heading"]
    for nxt in following[: 4 if s.kind == "heading" else 2]:
        plain = nxt.text.replace("\u2019", "'")
        if re.search(rf"\b{re.escape(key)}\b,? (?:veut dire|signifie|c'est|est le sigle)", plain):
            return True
        if key in plain and _initials_match(key, nxt):
            return True
    return False


@rule("acronym", "error", "Pas de sigles")
def acronym(ctx: Context) -> Iterator[Finding]:
    """Upper-case initials (CAI, CPAS, d’ISP, C.P.A.S.) not expanded at their first use."""
    first: dict[str, tuple[Sentence, list[Token]]] = {}
    expanded: set[str] = set()
    for s in ctx.sentences:
        ws = [t for t in s.tokens if t.is_word]
        caps = sum(1 for t in ws if t.text.isupper() and len(t.text) >= 4)
        shouting = caps >= 3 and caps >= len(ws) // 2  # a title in capitals, not acronyms
        for i, t in enumerate(ws):
            if shouting or t.kind != "word" or t.text in NOT_ACRONYMS:
                continue
            if _in_code(ctx, t):
                continue  # « Réf. 2024/SOC/01872 »: a reference to copy, not initials
            if t.text == "SVP" or (t.text in ("NB", "PS") and _initials_alone(ctx, t.end)):
                continue  # abbreviations (« s’il vous plaît »): the abbreviation rule
            if not _ACRONYM_RE.match(t.text) or roman_numeral(ws, i):
                continue
            if _IBAN_RE.match(t.text) and i + 1 < len(ws) and ws[i + 1].kind == "number":
                continue  # « BE68 0910 1234 5678 »: a bank account number, not initials
            if re.fullmatch("[IVXLCDM]", t.text):
                continue
            if capitalised_word(t.text, ctx.glossary):
                continue  # « ATTENTION », « IMPORTANT »: a word in capitals, not initials
            key = t.text
            if key not in first:
                first[key] = (s, [t])
                if _initials_match(key, s):
                    expanded.add(key)
        for m in _DOTTED_RE.finditer(s.text):
            key = m.group().replace(".", "")
            if key.lower() in _ABBR_INITIALS:
                continue  # « N.B. », « S.V.P. »: abbreviations, not acronyms
            toks = [t for t in s.tokens if s.start + m.start() <= t.start < s.start + m.end()]
            if key not in first and toks:
                first[key] = (s, toks)
    glossary = ctx.glossary
    for key, (s, toks) in sorted(first.items(), key=lambda kv: kv[1][1][0].start):
        if key in expanded or normalise(key) in ctx.explained or key.lower() in ctx.explained:
            continue
        if _explained_after(ctx, s, key):
            continue
        term = glossary.get(key) if glossary is not None else None
        if term is not None and term.expansion and normalise(term.expansion) in _folded(ctx):
            continue
        hint = f" : « {term.expansion} »" if term is not None and term.expansion else ""
        yield ctx.finding(
            "acronym",
            toks,
            f"Sigle « {key} ». Écrivez les mots en entier{hint}, ou expliquez le sigle la "
            "première fois.",
        )


# ---------------------------------------------------------------- abbreviations

#: Abbreviations that always need their dot to be one (« cf. », « M. »), lower-case.
_ABBR_DOT = frozenset(
    """etc cf ex éd vol chap art av bd boul tél env réf coll dir resp hab approx adm suiv
    min max nb""".split()
)
_ABBR_ANY = frozenset("mme mmes mlle mlles càd asbl n° etc bte".split())
#: Titles and street words written without a dot before a name: « Dr Dupont »,
#: « Bd Cauchy », « Av. Louise » (with a capital, and a capitalised word after).
_ABBR_BEFORE_NAME = frozenset(["Dr", "Pr", "Mgr", "Bd", "Av", "Bld", "Bvd"])
#: Initials that are abbreviations, not names of organisations: « N.B. », « P.-S. »,
#: « SVP » (lower-case key without dots -> what to write).
_ABBR_INITIALS = {"nb": "attention", "ps": "à noter", "svp": "s’il vous plaît"}
_ABBR_INITIALS_RE = re.compile(
    r"(?<![\w.])(?:N\.\s?B\.?|P\.-?\s?S\.?|S\.\s?V\.\s?P\.?|NB|PS|SVP|svp)(?![\w])"
)
#: Words cut short in everyday speech: « plus d’infos », « le ciné » (lower-case -> full).
_CLIPPED = {
    "info": "information", "infos": "informations", "ciné": "cinéma", "appli": "application",
    "applis": "applications", "expo": "exposition", "promo": "promotion",
    "dispo": "disponible", "gratos": "gratuit", "resto": "restaurant", "restos": "restaurants",
    "ado": "adolescent", "ados": "adolescents", "perm": "permanence", "perms": "permanences",
}
#: Units written short after a number: « 15 min ».
_ABBR_UNITS = frozenset(["min", "mn"])
_ABBR_CAP_DOT = frozenset(["M", "MM", "Dr", "Pr", "Me", "Mgr", "St", "Ste"])
#: Abbreviations that are also words: « l’art. 3 », « vol. 2 », but « l’art. » and « un
#: vol. » end a sentence with a noun. They are abbreviations before a number only.
_ABBR_BEFORE_NUMBER = frozenset(["art", "vol", "chap"])
#: Courtesy titles before a name: every letter and envelope uses them, a reader can
#: decode them; still, FALC writes « Monsieur », « Madame ». A warning, not an error.
_TITLES = frozenset(["m", "mm", "mme", "mmes", "mlle", "mlles", "dr"])
#: What to write instead, by abbreviation (lower-case, without dots or spaces).
_FULL = {
    "m": "Monsieur", "mm": "Messieurs", "mme": "Madame", "mmes": "Mesdames",
    "mlle": "Mademoiselle", "mlles": "Mesdemoiselles", "dr": "Docteur", "pr": "Professeur",
    "me": "Maître", "mgr": "Monseigneur", "st": "Saint", "ste": "Sainte",
    "cf": "voir", "ex": "par exemple", "pex": "par exemple", "éd": "édition",
    "vol": "volume", "chap": "chapitre", "art": "article", "av": "avenue",
    "bd": "boulevard", "boul": "boulevard", "tél": "téléphone", "env": "environ",
    "réf": "référence", "coll": "collection", "dir": "direction", "resp": "responsable",
    "hab": "habitants", "approx": "environ", "adm": "administration",
    "suiv": "et les pages suivantes", "min": "minutes", "max": "au maximum",
    "nb": "attention", "càd": "c’est-à-dire", "c-à-d": "c’est-à-dire",
    "asbl": "association", "n°": "numéro", "p": "page", "bte": "boîte",
    "bld": "boulevard",
    "bvd": "boulevard", "mn": "minutes", "lun": "lundi", "mar": "mardi", "mer": "mercredi",
    "jeu": "jeudi", "ven": "vendredi", "sam": "samedi", "dim": "dimanche", **_ABBR_INITIALS,
}
_NOUN_DETERMINERS = frozenset("un le l' mon ton son notre votre leur cet ce".split())


_MULTI_ABBR_RE = re.compile(r"(?<!\w)(?:p\.\s?ex\.|c\.-à-d\.?|c-à-d\b|càd\b|p\.\s?\d+)", re.I)


@rule("abbreviation", "error", "Pas d’abréviations")
def abbreviation(ctx: Context) -> Iterator[Finding]:
    """etc., cf., p. ex., M., Mme, n°, c.-à-d., asbl... An error when a reader cannot
    decode it; a warning for « M. », « Mme » before a name."""
    for s in ctx.sentences:
        spans = []
        for m in _MULTI_ABBR_RE.finditer(s.text):
            a, b = s.start + m.start(), s.start + m.end()
            spans.append((a, b))
            toks = [t for t in s.tokens if a <= t.start < b]
            if toks:
                yield _abbr(ctx, toks)
        for m in _ABBR_INITIALS_RE.finditer(s.text):
            a, b = s.start + m.start(), s.start + m.end()
            toks = [t for t in s.tokens if a <= t.start < b]
            if m.group() in ("PS", "NB") and not _initials_alone(ctx, b):
                continue  # « PS » before a name or in a list of parties: an acronym
            if toks:
                spans.append((a, b))
                yield _abbr(ctx, toks)
        spans.sort()
        toks = list(s.tokens)
        words = [t for t in toks if t.is_word]
        for i, t in enumerate(toks):
            if t.kind != "word" or _in(spans, t):
                continue
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            dotted = nxt is not None and nxt.text == "." and nxt.start == t.end
            n = t.norm
            if t.text.isupper() and len(t.text) > 1 and t.text not in _ABBR_CAP_DOT:
                continue  # « ASBL », « MIN. »: acronyms, the acronym rule reports them
            with_dot = dotted and (n in _ABBR_DOT or t.text in _ABBR_CAP_DOT)
            if dotted and nxt is not None and n in DAY_ABBREVIATIONS:
                if is_day_abbreviation(t.text, ctx.text[nxt.end : nxt.end + 40]):
                    yield _abbr(ctx, [t, nxt])  # « lun. 12 mars »
            elif with_dot and nxt is not None:
                if _dotted_abbreviation(t, words):
                    yield _abbr(ctx, [t, nxt])
            elif n in _ABBR_ANY:
                yield _abbr(ctx, [t])  # « Mme », « asbl. »: the dot ends the sentence
            elif t.text in _ABBR_BEFORE_NAME and _before_name(t, words):
                yield _abbr(ctx, [t])  # « Dr Dupont », « Bd Cauchy »
            elif n in _CLIPPED and not dotted:
                yield ctx.finding(
                    "abbreviation",
                    [t],
                    f"Mot raccourci (« {t.text} »). Écrivez le mot entier : « {_CLIPPED[n]} ».",
                    severity="warning",
                )
            elif n in _ABBR_UNITS and i and toks[i - 1].kind == "number":
                yield _abbr(ctx, [t, nxt] if dotted and nxt is not None else [t])


def _before_name(t: Token, words: list[Token]) -> bool:
    k = next(i for i, w in enumerate(words) if w is t)
    after = words[k + 1] if k + 1 < len(words) else None
    return after is not None and after.kind == "word" and after.text[:1].isupper()


def _in_code(ctx: Context, t: Token) -> bool:
    """A token inside a file or reference number: « 2024/SOC/01872 », « DOS/12-345 »."""
    return in_code(ctx.text, t.start, t.end)


def in_code(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a reference code: a run without spaces that
    joins digits and letters with slashes (« 2024/SOC/01872 »), not « et/ou »."""
    a = start
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = end
    while b < len(text) and not text[b].isspace():
        b += 1
    run = text[a:b].rstrip(".,;:!?)»")
    if "/" not in run or not any(c.isdigit() for c in run):
        return False
    # Capitals (« 2024/SOC/01872 », « A/12 ») or a long number (« 2024/01872 »); not
    # « 24h/24 » nor « et/ou ».
    return any(c.isupper() for c in run) or re.search(r"\d{3,}/|/\d{3,}", run) is not None


def _initials_alone(ctx: Context, end: int) -> bool:
    """« NB : », « PS : » (a note), not « le PS » (a party)."""
    return ctx.text[end : end + 3].lstrip(" \u00a0").startswith((":", "-", "–"))


def _dotted_abbreviation(t: Token, words: list[Token]) -> bool:
    """Whether a word followed by a dot is an abbreviation, not a word ending a sentence
    (« l’art. », « Max. ») nor an initial (« Marie M. »)."""
    k = next(i for i, w in enumerate(words) if w is t)
    prev = words[k - 1] if k else None
    after = words[k + 1] if k + 1 < len(words) else None
    n = t.norm
    if n in _ABBR_BEFORE_NUMBER:
        return after is not None and (after.kind == "number" or after.norm == "premier")
    if t.text in ("M", "MM"):
        # « M. Dupont » (Monsieur) but not « Marie M. » (an initial) nor « taille M. ».
        if after is None or not after.text[:1].isupper():
            return False
        return prev is None or k == 1 or not prev.text[:1].isupper()
    if t.text[:1].isupper() and prev is not None and t.text not in _ABBR_CAP_DOT:
        # « Max. » or « Art. » ending a sentence is a name; « Réf. : 12 », « Tél. 081 »,
        # « la Réf. du dossier », « Av. Louise » are abbreviations (the sentence goes on).
        if after is None:
            return False
        if after.kind == "number" or after.text[:1].islower():
            return True
        return lexicon.entry(n) is None
    if n == "ex" and prev is not None and prev.norm in _NOUN_DETERMINERS:
        return False  # « mon ex. »
    return True


def _abbr(ctx: Context, toks: list[Token]) -> Finding:
    written = ctx.text[toks[0].start : toks[-1].end]
    key = re.sub(r"[.\s\u00a0]", "", normalise(written))
    if key.startswith("p") and key[1:].isdigit():
        key = "p"
    if key == "etc":
        how = "Écrivez la liste complète, ou « par exemple » avant la liste."
    elif key in _FULL:
        full = _FULL[key]
        how = f"Écrivez « {full} »" + (" et le numéro." if key == "p" else ".")
    else:
        how = "Écrivez le mot en entier."
    title = key in _TITLES
    why = "" if title or key == "etc" else " Le lecteur ne connaît pas forcément les abréviations."
    return ctx.finding(
        "abbreviation",
        toks,
        f"Abréviation (« {written} »). {how}{why}",
        severity="warning" if title else "error",
    )


# ------------------------------------------------------------ inclusive writing

#: Feminine endings written after a dot, a middle dot, a hyphen or in brackets.
_FEM = r"(?:e|ne|le|te|se|ve|fe|euse|rice|trice|ère|esse)"
_MID = "[·‧⋅•∙]"
_INCLUSIVE_RE = re.compile(
    rf"(?<![\w@./:-])(?P<stem>[^\W\d_]{{2,}})(?:"
    # « étudiant·e·s », « citoyen·ne·s », « travailleur·euse·s », « un·e », « étudiant·es »
    rf"{_MID}(?P<f1>{_FEM})(?:{_MID}?(?P<s1>s))?"
    # « étudiant.e.s », « étudiant.es », « étudiant.e »
    rf"|\.(?P<f2>{_FEM})(?:\.?(?P<s2>s))?"
    # « étudiant-e-s », « candidat-es »
    rf"|-(?P<f3>{_FEM})-?(?P<s3>s)"
    # « candidat(e)s », « inscrit(e) », « candidat(e)(s) », « ami(e)s »
    rf"|\((?P<f4>{_FEM})\)(?:\(?(?P<s4>s)\)?)?"
    # « étudiant/e/s », « étudiant/es »
    rf"|/(?P<f5>{_FEM})(?:/?(?P<s5>s))?"
    rf")(?![\w@/-]|\.\w)"
)


def _inclusive_forms(stem: str, fem: str, plural: bool) -> tuple[str, str] | None:
    """The feminine and masculine words of « étudiant·e·s »: (« étudiantes », « étudiants »),
    when both are known words (Lexique or wordfreq); None when they cannot be guessed."""
    masc = stem
    if plural:
        masc = stem if stem.endswith(("s", "x", "z")) else stem + "s"
    feminine = None
    # « -e » is added to the word; longer endings replace its end (« travailleur·euse »
    # -> « travailleuse », « acteur·rice » -> « actrice », « premier·ère » -> « première »).
    for cut in range(0, 5 if fem != "e" else 1):
        base = stem[: len(stem) - cut] if cut else stem
        if not base:
            break
        cand = base + fem + ("s" if plural else "")
        if lexicon.known(cand):
            feminine = cand
            break
    if feminine is None or feminine == masc or not lexicon.known(masc):
        return None
    return feminine, masc.lower() if masc[1:].islower() else masc


@rule("inclusive-writing", "warning", "Pas d’écriture inclusive abrégée")
def inclusive_writing(ctx: Context) -> Iterator[Finding]:
    """« étudiant.e.s », « citoyen·ne·s », « candidat(e)s », « salarié-e-s »: a reader
    cannot read these words aloud. Not decimals, addresses, e-mails nor « p.ex. »."""
    for s in ctx.sentences:
        urls = [(t.start, t.end) for t in s.tokens if t.kind == "url"]
        for m in _INCLUSIVE_RE.finditer(s.text):
            a, b = s.start + m.start(), s.start + m.end()
            if any(u0 < b and a < u1 for u0, u1 in urls):
                continue  # inside a web address or an e-mail
            stem = m.group("stem")
            fem = next(g for g in (m.group(f"f{k}") for k in range(1, 6)) if g)
            plural = any(m.group(f"s{k}") for k in range(1, 6))
            forms = _inclusive_forms(stem, fem, plural)
            if forms is None and (m.group("f2") is not None or m.group("f3") is not None):
                # A dot or a hyphen joins other things too (« exemple.es », a web address):
                # the word and its feminine must be French words.
                continue
            toks = [t for t in s.tokens if a <= t.start < b]
            if not toks:
                continue
            if forms is not None:
                how = f"Écrivez les deux mots en entier : « {forms[0]} et {forms[1]} »"
            else:
                how = "Écrivez les deux mots en entier (« les étudiantes et les étudiants »)"
            yield ctx.finding(
                "inclusive-writing",
                toks,
                f"Écriture inclusive abrégée (« {m.group()} ») : le lecteur ne sait pas la "
                f"lire. {how}, ou un mot pour tout le monde (« les personnes »).",
            )


# ---------------------------------------------------------------- foreign words


@rule("foreign-word", "info", "Pas de mots étrangers")
def foreign_word(ctx: Context) -> Iterator[Finding]:
    """Words that are not French (absent from Lexique, foreign spelling), not names."""
    spans = sorted(_glossary_spans(ctx) + _explained_spans(ctx))
    seen: set[str] = set()
    for _s, t in _candidates(ctx):
        if t.norm in seen or t.norm in ctx.explained or _in(spans, t):
            continue
        if not _foreign(t) or lexicon.zipf(t.text) >= ctx.settings.hard_word_zipf:
            continue
        seen.add(t.norm)
        yield ctx.finding(
            "foreign-word",
            [t],
            f"Mot étranger (« {t.text} »). Utilisez un mot français de tous les jours.",
        )


# -------------------------------------------------------------------- metaphors

#: Idioms and images found in administrative French; verbs by their stem.
METAPHORS: tuple[tuple[str, str], ...] = tuple(
    (label, pattern)
    for label, pattern in (
        ("parcours du combattant", r"parcours du combattant"),
        ("fer de lance", r"fers? de lance"),
        ("pierre angulaire", r"pierres? angulaires?"),
        ("clé de voûte", r"cl[ée]s? de vo[ûu]te"),
        ("sonnette d’alarme", r"sonnettes? d'alarme"),
        ("mettre en lumière", r"m[ei]\w* en lumière"),
        ("mettre en évidence", r"m[ei]\w* en évidence"),
        ("mettre l’accent sur", r"m[ei]\w* l'accent sur"),
        ("porter ses fruits", r"port\w* (?:ses|leurs|des) fruits"),
        ("pain sur la planche", r"pain sur la planche"),
        ("coup de pouce", r"coups? de pouce"),
        ("coup de main", r"coups? de main"),
        ("premier arrivé, premier servi", r"premiers? arrivés?,? premiers? servis?"),
        ("tendre la main", r"tend\w* la main"),
        ("bouc émissaire", r"boucs? émissaires?"),
        ("cheval de bataille", r"chevaux? de bataille"),
        ("pierre à l’édifice", r"pierre à l'édifice"),
        ("fil rouge", r"fils? rouges?"),
        ("jeter des ponts", r"jet\w* (?:des|un) ponts?"),
        ("briser la glace", r"bris\w* la glace"),
        ("en première ligne", r"en première ligne"),
        ("feu vert", r"feux? verts?"),
        ("à la croisée des chemins", r"à la croisée des chemins"),
        ("tourner la page", r"tourn\w* la page"),
        ("plafond de verre", r"plafonds? de verre"),
        ("ascenseur social", r"ascenseurs? socia\w+"),
        ("tissu associatif", r"tissus? associatifs?"),
        ("acteurs de terrain", r"acteurs? de terrain"),
        ("sur le terrain", r"sur le terrain"),
        ("faire ses preuves", r"f\w+ (?:ses|leurs) preuves"),
        ("monter au créneau", r"mont\w* au créneau"),
        ("boule de neige", r"boules? de neige"),
        ("goutte d’eau", r"goutte d'eau"),
        ("bras ouverts", r"à bras ouverts"),
        ("noyer le poisson", r"noy\w* le poisson"),
        ("prendre le taureau par les cornes", r"pr\w* le taureau par les cornes"),
        ("jeter l’éponge", r"jet\w* l'éponge"),
        ("mettre la main à la pâte", r"m[ei]\w* la main à la pâte"),
        ("levier", r"leviers? d'action|comme levier|un levier|les leviers"),
        ("terreau", r"terreau"),
        ("creuset", r"creuset"),
        ("vivier", r"vivier"),
        ("porte-drapeau", r"porte-drapeaux?"),
        ("faire tache d’huile", r"tache d'huile"),
        ("bouffée d’oxygène", r"bouffées? d'oxygène"),
        ("main dans la main", r"main dans la main"),
        ("sous le même toit", r"sous le même toit"),
        ("un défi de taille",
         r"(?:défis?|enjeux?|tâches?) de taille|(?:est|reste|sont|restent) de taille"),
        ("franchir le pas", r"franchi\w* (?:le pas|le cap|les portes|la porte)"),
        ("ouvrir la voie", r"ouv\w* la voie"),
        ("au cœur de", r"au c(?:œ|oe)ur d(?:e|u|es|')"),
        ("coup d’envoi", r"coups? d'envoi"),
        ("à bras-le-corps", r"à bras-le-corps"),
        ("baisser les bras", r"baiss\w* les bras"),
        ("tremplin", r"(?:un|le|comme|de) tremplin"),
        ("passerelle", r"(?:une|la|les|des|comme|de) passerelles?(?! pour piétons)"),
        ("en amont", r"en amont"),
        ("en aval", r"en aval"),
        ("faire le point",
         r"(?:fai|fer|fis|fit)\w* le point(?! de (?:départ|rendez-vous|vente|contact))"),
        ("à part entière", r"à part entière"),
        ("se battre pour", r"(?:se|nous|vous) bat\w*(?= (?:pour|sur|contre))"),
        ("jouer un rôle", r"jou\w* un rôle (?:clé|essentiel|central|moteur|majeur)"),
        ("voir le jour", r"(?:vu|voit|voient|verra|verront|voir) le jour(?! se)"),
    )
)
_METAPHOR_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(p for _, p in METAPHORS) + r")(?!\w)", re.IGNORECASE
)


@rule("metaphor", "info", "Pas de métaphores ni d’expressions imagées")
def metaphor(ctx: Context) -> Iterator[Finding]:
    """Common idioms (« parcours du combattant », « fer de lance »...)."""
    plain = ctx.text.replace("\u2019", "'").replace("\u00a0", " ")
    for m in _METAPHOR_RE.finditer(plain):
        toks = _tokens_in(ctx, m.start(), m.end())
        if toks:
            yield ctx.finding(
                "metaphor",
                toks,
                f"Expression imagée (« {ctx.text[m.start():m.end()]} »). Dites les choses "
                "simplement, avec les mots de tous les jours.",
            )
