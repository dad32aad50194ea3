"""Numbers and symbols: numbers in digits, no percentages or big numbers, no Roman numerals,
dates written in full, no special characters."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import lexicon
from ..french import Sentence, Token
from ..simplify.numbers import roundable_count
from . import Context, Finding, rule

NUMBER_WORDS = frozenset(
    """deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize
    vingt vingts trente quarante cinquante soixante septante huitante nonante cent cents
    mille million millions milliard milliards""".split()
)
_ROMAN_RE = re.compile(
    r"^(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
    r"(?P<suffix>e|er|ère|re|ème|es|èmes)?$"
)
_ROMAN_BEFORE = frozenset(
    """titre chapitre article livre tome partie annexe section acte volume classe
    siècle concile""".split()
)
_ROMAN_AFTER = frozenset("siècle siècles millénaire millénaires république empire".split())
_DATE_RES = (
    re.compile(r"(?<![\d.])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])"),
    re.compile(r"(?<![\d.])\d{1,2}[.-]\d{1,2}[.-]\d{4}(?![\d.])"),
    re.compile(r"(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])"),
    re.compile(
        r"\b\d{1,2}(?:er)?\s+(?:janv|févr|fév|avr|juil|sept|oct|nov|déc)\b\.?", re.IGNORECASE
    ),
    re.compile(r"\b(?:janv|févr|fév|avr|juil|sept|oct|nov|déc)\.\s*\d{2,4}\b", re.IGNORECASE),
)
#: A day and a month without the year, after a word that introduces a date: « le 14/11 »,
#: « jeudi 14/11 », « du 2/9 au 6/9 » (not « 1/2 », « 24/7 »).
_SHORT_DATE_RE = re.compile(
    r"\b(?:le|du|au|dès le|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
    r"[ \u00a0]+(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/])",
    re.IGNORECASE,
)
_SPECIAL = "&§#/;()[]{}*<>|\\~^_+=@"
_FOOTNOTE_RE = re.compile(r"\[\^?\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+")


def roman_numeral(tokens: list[Token], i: int) -> bool:
    """True if word token ``i`` is a Roman numeral in context (« XXe siècle », « Louis XIV »).

    Bare CV, MI, CD, DI, CM, MD... are acronyms or words: a numeral needs an ordinal
    suffix (« XIXe »), a word that counts (« siècle », « titre II »), or a name before it.
    """
    tok = tokens[i]
    m = _ROMAN_RE.match(tok.text)
    if not m or tok.text[0].islower():
        return False
    prev = tokens[i - 1] if i else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if m.group("suffix"):
        # « Ces », « Le », « Me », « Ve » are words or abbreviations, not « XXe ».
        return len(tok.text) - len(m.group("suffix")) > 1 or lexicon.entry(tok.text) is None
    if re.fullmatch("[IVX]{2,}", tok.text) and tok.text != "XL" and (
        prev is None or not prev.text.isupper() or len(prev.text) == 1
    ):
        return True  # « salle III », « annexes I à IV »: no acronym is made of I, V and X
    if nxt is not None and nxt.norm in _ROMAN_AFTER:
        return True
    if prev is not None and prev.norm in _ROMAN_BEFORE:
        return True
    # A name then a numeral: « Louis XIV », « Albert II », « Jean-Paul II »; only I, V, X
    # so that « Marie CV » or « Namur MI » stay acronyms.
    return (
        prev is not None
        and len(tok.text) >= 2
        and re.fullmatch("[IVX]+", tok.text) is not None
        and prev.kind == "word"
        and prev.text[:1].isupper()
        and not prev.text.isupper()
        and len(prev.text) > 2
    )


@rule("number-words", "warning", "Les nombres en chiffres")
def number_words(ctx: Context) -> Iterator[Finding]:
    """Numbers written in letters (except « un », « une »)."""
    for s in ctx.sentences:
        ws = [t for t in s.tokens if t.is_word]
        run: list[Token] = []
        for i, t in enumerate([*ws, None]):
            if t is not None and _number_word(ws, i):
                run.append(t)
                continue
            if run:  # « deux cents », « vingt et un »: one number, one finding
                written = ctx.text[run[0].start : run[-1].end]
                yield ctx.finding(
                    "number-words",
                    run,
                    f"Nombre écrit en lettres (« {written} »). Écrivez-le en chiffres.",
                )
                run = []


#: Ordinals in letters: « la troisième fois » -> « la 3e fois » (« premier », « second »
#: stay words).
ORDINAL_WORDS = frozenset(
    """deuxième troisième quatrième cinquième sixième septième huitième neuvième dixième
    onzième douzième treizième quatorzième quinzième seizième vingtième trentième
    quarantième cinquantième soixantième centième millième""".split()
)


def _number_word(ws: list[Token], i: int) -> bool:
    t = ws[i]
    if t.norm.removesuffix("s") in ORDINAL_WORDS:
        return not (t.text[:1].isupper() and i > 0)
    parts = t.norm.split("-")
    if not all(p in NUMBER_WORDS or p in ("et", "un", "une") for p in parts):
        return False
    if not any(p in NUMBER_WORDS for p in parts):
        return False
    if t.text[:1].isupper() and i > 0:
        return False  # part of a name: « Les Deux-Ourthes »
    if parts[0] in _BIG_UNITS and i > 0 and ws[i - 1].kind == "number":
        return False  # « 2,6 millions »: in digits already; the big-number rule reports it
    if t.norm == "sept" and (
        (i + 1 < len(ws) and ws[i + 1].kind == "number")
        or (i > 0 and ws[i - 1].kind == "number" and _day(ws[i - 1]))
    ):
        return False
    if t.norm == "neuf":
        # « un logement neuf », « tout neuf » (new); « neuf enfants » (9)
        nxt = lexicon.entry(ws[i + 1].text) if i + 1 < len(ws) else None
        if nxt is None or "NOM" not in nxt.cgram or ws[i + 1].start - t.end > 1:
            return False
    # « sept. 2025 », « le 30 sept. » are a month (date-format)
    # « 19,8 pour cent »: the big-number rule reports the percentage
    return not (t.norm == "cent" and i > 0 and ws[i - 1].norm == "pour")


def _day(tok: Token) -> bool:
    return tok.text.isdigit() and 1 <= int(tok.text) <= 31


_BIG_UNITS = frozenset(["million", "millions", "milliard", "milliards", "mille"])


def _value(tok: Token) -> float | None:
    digits = re.sub(r"[\s\u00a0\u202f]", "", tok.text)
    if re.fullmatch(r"\d+", digits):
        return float(digits)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits):
        return float(digits.replace(".", ""))  # « 22.417 » in Belgian writing
    return None


def _is_phone(tok: Token) -> bool:
    """« 0470 123 456 », « 081 73 71 76 »: a phone number, not a quantity."""
    return tok.text.startswith("0") and len(tok.text) > 3


def _is_postcode(tok: Token, nxt: Token | None) -> bool:
    """« 5000 Namur »: four digits then a place name."""
    return (
        re.fullmatch(r"\d{4}", tok.text) is not None
        and nxt is not None
        and nxt.kind == "word"
        and nxt.text[:1].isupper()
    )


_BOUND_RE = re.compile(
    r"(?:\bplus de|\bprès de|\benviron|\bpresque|\bmoins de|\bau moins|\bquelque|"
    r"\bjusqu['’]à)[ \u00a0]*$",
    re.IGNORECASE,
)
#: After a number: an amount or a measure, which stays exact (« plus de 1 200 € »).
_UNITS = frozenset(
    """€ euro euros eur km m kg g h heure heures minute minutes jour jours mois an ans
    année années mètre mètres kilomètre kilomètres litre litres""".split()
)


def _unround_bound(ctx: Context, t: Token, v: float, nxt: Token | None) -> bool:
    """« plus de 1 274 apprenants », « environ 22 417 personnes »: an approximate count
    that is not round (the simplifier keeps bounds as they are; a reader needs
    « plus de 1 000 »)."""
    if not _BOUND_RE.search(ctx.text[max(0, t.start - 20) : t.start]):
        return False
    if not re.fullmatch(r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d{4,}", t.text):
        return False
    if len(str(int(v)).rstrip("0")) < 3:
        # « plus de 1 000 », « environ 4 500 »: round enough (the simplifier rounds to two
        # significant digits, « 1 874 » -> « plus de 1 800 »: its drafts are not flagged)
        return False
    return nxt is not None and nxt.kind == "word" and nxt.text[:1].islower() and (
        nxt.norm not in _UNITS
    )


def _round(v: float, *, up: bool) -> str:
    """1 874 -> « 1 000 » (or « 2 000 » up), 22 417 -> « 20 000 »: one significant digit,
    French spacing."""
    n = int(v)
    scale = 10 ** (len(str(n)) - 1)
    r = (n // scale + (1 if up else 0)) * scale
    return f"{r:,}".replace(",", "\u00a0")


def _is_year(tok: Token, prev: Token | None) -> bool:
    v = _value(tok)
    if v is None or not re.fullmatch(r"\d{4}", tok.text):
        return False
    return 1800 <= v <= 2100


@rule("big-number", "warning", "Pas de pourcentages ni de grands nombres", langs="any")
def big_number(ctx: Context) -> Iterator[Finding]:
    """``%``, « pour cent », numbers from 1 000 up that are not years, millions."""
    limit = ctx.settings.big_number
    for s in ctx.sentences:
        toks = list(s.tokens)
        for i, t in enumerate(toks):
            prev = toks[i - 1] if i else None
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            percent = t.norm == "pour" and nxt is not None and nxt.norm == "cent"
            if t.text in ("%", "‰") or percent:
                span = [prev, t] if prev is not None and prev.kind == "number" else [t]
                if percent and nxt is not None:
                    span.append(nxt)
                yield ctx.finding(
                    "big-number",
                    span,
                    "Pourcentage. Écrivez plutôt « 1 personne sur 3 » ou « beaucoup de "
                    "personnes ».",
                )
            elif t.kind == "number":
                v = _value(t)
                if _is_phone(t) or _is_postcode(t, nxt):
                    continue
                # Only a count can be rounded (the simplifier's notion): a postal code, an
                # IBAN, a file number, an amount to pay or « plus de 1 000 » stay as they are.
                if (
                    v is not None
                    and v >= limit
                    and not _is_year(t, prev)
                    and roundable_count(ctx.text, t.start, t.end)
                ):
                    yield ctx.finding(
                        "big-number",
                        [t],
                        f"Grand nombre ({t.text}). Écrivez plutôt « beaucoup », « plus de "
                        "1 000 » ou arrondissez.",
                    )
                elif v is not None and v >= limit and _unround_bound(ctx, t, v, nxt):
                    upper = re.search(
                        r"(?:moins de|jusqu['’]à)\W*$", ctx.text[max(0, t.start - 20) : t.start],
                        re.IGNORECASE,
                    )
                    bound = f"moins de {_round(v, up=True)}" if upper else (
                        f"plus de {_round(v, up=False)}"
                    )
                    yield ctx.finding(
                        "big-number",
                        [t],
                        f"Grand nombre ({t.text}). Un nombre rond se lit mieux : « {bound} » "
                        "ou « beaucoup ».",
                    )
            elif ctx.lang == "fr" and t.norm in ("million", "millions", "milliard", "milliards"):
                yield ctx.finding(
                    "big-number",
                    [t],
                    f"Grand nombre (« {t.text} »). Écrivez plutôt « beaucoup » ou comparez.",
                )


@rule("roman-numeral", "warning", "Pas de chiffres romains")
def roman(ctx: Context) -> Iterator[Finding]:
    """Roman numerals in context (« XXe siècle », « Louis XIV », « titre II »)."""
    for s in ctx.sentences:
        ws = [t for t in s.tokens if t.is_word]
        for i, t in enumerate(ws):
            if roman_numeral(ws, i):
                yield ctx.finding(
                    "roman-numeral",
                    [t],
                    f"Chiffre romain (« {t.text} »). Écrivez-le en chiffres : « 20e siècle », "
                    "« Louis 14 ».",
                )


@rule("date-format", "warning", "Dates écrites en entier", langs="any")
def date_format(ctx: Context) -> Iterator[Finding]:
    """Numeric dates (12/03/2025, 2025-03-12) and abbreviated months."""
    for s in ctx.sentences:
        seen: list[tuple[int, int]] = []
        for pattern in _DATE_RES:
            for m in pattern.finditer(s.text):
                a, b = s.start + m.start(), s.start + m.end()
                if any(x < b and a < y for x, y in seen):
                    continue
                seen.append((a, b))
                toks = [t for t in s.tokens if a <= t.start < b] or [s.tokens[0]]
                yield ctx.finding(
                    "date-format",
                    toks,
                    f"Date abrégée (« {m.group()} »). Écrivez-la en entier : "
                    "« mercredi 12 mars 2025 ».",
                )
        for m in _SHORT_DATE_RE.finditer(s.text):
            a, b = s.start + m.start("d"), s.start + m.end()
            if not (1 <= int(m.group("d")) <= 31 and 1 <= int(m.group("m")) <= 12):
                continue
            if any(x < b and a < y for x, y in seen):
                continue
            seen.append((a, b))
            toks = [t for t in s.tokens if a <= t.start < b]
            if toks:
                written = ctx.text[a:b]
                yield ctx.finding(
                    "date-format",
                    toks,
                    f"Date abrégée (« {written} »). Écrivez-la en entier, avec le mois en "
                    "lettres : « jeudi 14 novembre ».",
                )


@rule("special-char", "warning", "Pas de caractères spéciaux", langs="any")
def special_char(ctx: Context) -> Iterator[Finding]:
    """``& § # / ; ( ) [ ]``, footnote markers, points ending a list; one finding per
    sentence and character."""
    for s in ctx.sentences:
        yield from _special_in(ctx, s)
        yield from _ellipsis(ctx, s)
        yield from _dash_aside(ctx, s)


def _italic(s: Sentence, t: Token) -> list[Token]:
    """« *très* », « _très_ »: Markdown italics (bold is ``**``), opener to closer."""
    if t.text not in "*_":
        return []
    toks = list(s.tokens)
    i = toks.index(t)
    if i + 1 >= len(toks) or toks[i + 1].start != t.end or not toks[i + 1].is_word:
        return []
    if i and toks[i - 1].text == t.text and toks[i - 1].end == t.start:
        return []  # « ** »
    for k in range(i + 2, min(len(toks), i + 12)):
        if toks[k].text == t.text and toks[k].start == toks[k - 1].end and toks[k - 1].is_word:
            return toks[i : k + 1]
    return []


def _code_slash(ctx: Context, t: Token) -> bool:
    from .words import in_code

    return in_code(ctx.text, t.start, t.end)


_INCLUSIVE_BRACKETS_RE = re.compile(
    r"[^\W\d_]{2,}\((?:e|ne|le|te|se|ve|fe|euse|rice|trice|ère|esse)\)\(?s?\)?"
)


def _inclusive_brackets(ctx: Context, t: Token) -> bool:
    """« (» of « muni(e) », « candidat(e)s »: a word's feminine ending, not an aside."""
    a = max(0, t.start - 30)
    for m in _INCLUSIVE_BRACKETS_RE.finditer(ctx.text, a, min(len(ctx.text), t.end + 30)):
        if m.start() <= t.start < m.end():
            return True
    return False


def _dash_aside(ctx: Context, s: Sentence) -> Iterator[Finding]:
    """« Les demandes — à défaut, ... — », « le CAI – qui existe depuis 1982 – aide »: an
    aside between dashes (or after an em dash) inside a sentence. Not a title's « – »."""
    if s.kind == "heading":
        return
    toks = list(s.tokens)
    dashes = [
        t for i, t in enumerate(toks)
        if t.text in "—–" and 0 < i < len(toks) - 1
        and toks[i - 1].end < t.start and t.end < toks[i + 1].start
    ]
    em = [t for t in dashes if t.text == "—"]
    if em or len(dashes) >= 2:
        yield ctx.finding(
            "special-char",
            [(em or dashes)[0]],
            "Tiret au milieu de la phrase : ce qu’il y a après est une autre idée. "
            "Faites une nouvelle phrase.",
        )


def _ellipsis(ctx: Context, s: Sentence) -> Iterator[Finding]:
    """« (CPAS, Lire et Écrire, Promotion sociale…) »: points that stand for « etc. »."""
    toks = list(s.tokens)
    for i, t in enumerate(toks):
        dots = t.text == "…" or (
            t.text == "." and i + 2 < len(toks) and toks[i + 1].text == toks[i + 2].text == "."
            and toks[i + 2].start == t.start + 2
        )
        if not dots or i == 0 or toks[i - 1].kind != "word" or toks[i - 1].end != t.start:
            continue
        if toks[i - 1].norm == "etc":
            continue  # the abbreviation rule reports « etc… »
        if any(u.text == "," for u in toks[:i]):
            yield ctx.finding(
                "special-char",
                [t] if t.text == "…" else toks[i : i + 3],
                "Points de suspension à la fin d’une liste. Écrivez la liste complète, ou "
                "« par exemple » avant la liste.",
            )
        return


def _special_in(ctx: Context, s: Sentence) -> Iterator[Finding]:
    notes = [(s.start + m.start(), s.start + m.end()) for m in _FOOTNOTE_RE.finditer(s.text)]
    for a, b in notes:
        toks = [t for t in s.tokens if a <= t.start < b]
        if toks:
            yield ctx.finding(
                "special-char",
                toks,
                "Renvoi à une note. Mettez l’information dans le texte, sans note.",
            )
    seen: set[str] = set()
    for t in s.tokens:
        if t.kind != "punct" or t.text not in _SPECIAL or t.text in seen:
            continue
        if t.text == "]":
            continue  # reported with its « [ »
        if any(a <= t.start < b for a, b in notes):
            continue
        if t.text == "*" and s.kind == "bullet":
            continue
        if t.text == ";" and s.kind == "bullet" and t is s.tokens[-1]:
            continue  # « - par téléphone ; »: how French ends a bullet, not a joined sentence
        if t.text == "/" and _code_slash(ctx, t):
            continue  # « Réf. 2024/SOC/01872 »: a number to copy as it is
        if t.text in "()" and _inclusive_brackets(ctx, t):
            continue  # « muni(e) »: the inclusive-writing rule reports the word
        seen.add(t.text)
        seen.add({"(": ")", "[": "]"}.get(t.text, t.text))
        italic = _italic(s, t)
        if italic:
            yield ctx.finding(
                "special-char",
                italic,
                "Italique. Le FALC n’utilise pas l’italique : écrivez le mot normalement, "
                "en gras (**mot**) s’il est important.",
            )
            continue
        span = [t]
        if t.text in "([":
            close = ")" if t.text == "(" else "]"
            end = next((u for u in s.tokens if u.start > t.start and u.text == close), None)
            if end is not None:
                span = [t, end]
        what = "Parenthèses" if t.text in "()" else f"Caractère spécial « {t.text} »"
        yield ctx.finding(
            "special-char",
            span,
            f"{what}. Écrivez avec des mots, ou faites une nouvelle phrase.",
        )
