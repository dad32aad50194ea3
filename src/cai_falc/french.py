"""French text as it is really written: sentences, word tokens and syllables, with positions.

Sentences end at ``.!?…`` (not after abbreviations, initials or inside numbers such as
``11.11.11`` or ``3,5``), at line breaks, and before bullets (``- ``, ``• ``, ``* ``) and
Markdown headings (``## ``): that is how FALC is laid out, and how the fiches use bullets.
Words split elisions (``l’accueil`` -> ``l’`` + ``accueil``) but keep fixed forms
(``aujourd’hui``, ``quelqu’un``) and hyphenated words (``vivre-ensemble``); verb-subject
inversions (``a-t-il``) are split. Every sentence and token keeps its offset, line and column
(1-based) in the original text, so findings point at the right words.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

APOSTROPHES = "'\u2019\u02bc"
#: Elided words: ``l’``, ``qu’``, ``jusqu’``... (lower-case, plain apostrophe).
ELISIONS = frozenset(
    "l d j m n s t c qu jusqu lorsqu puisqu quoiqu presqu quelqu".split()
)
#: Forms with an apostrophe that are one word.
FIXED_APOSTROPHE = frozenset(
    ["aujourd'hui", "quelqu'un", "quelqu'une", "presqu'île", "presqu'îles", "prud'homme",
     "prud'hommes", "prud'homal", "entr'aide", "c'est-à-dire", "d'abord"]
)
_FIXED_SPLIT = frozenset(["d'abord", "c'est-à-dire"])  # listed to be split normally
#: Pronouns after a verb in an inversion (``dit-il``, ``a-t-on``, ``est-ce``).
_INVERSION = frozenset("je tu il elle on nous vous ils elles ce moi toi lui leur y en".split())
_HYPHEN_KEEP = frozenset(["rendez-vous", "chez-soi", "vis-à-vis", "va-et-vient"])

#: Abbreviations whose final dot does not end a sentence (lower-case, without the dot).
ABBREVIATIONS = frozenset(
    """m mm mme mmes mlle mlles dr pr me mgr st ste etc cf p ex ex. éd vol chap art al
    av bd boul tél tel fax env min max nb n no réf ref coll dir ca resp cie ets sté
    hab approx adm prov ch ss suiv sq vs janv févr fév avr juil sept oct nov déc""".split()
)

_BULLET_RE = re.compile(r"[ \t\u00a0]*(?:[-•*▪◦‣–·]|\d{1,2}[.)])[ \t\u00a0]+")
_HEADING_RE = re.compile(r"[ \t]*#{1,6}[ \t]+")
_URL_RE = (
    r"(?:https?://|www\.)[^\s<>«»\"]+[^\s<>«»\".,;:!?)\]]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    # A bare domain: « cainamur.be », « inami.fgov.be/fr » (one word, not « cainamur » + « be »)
    r"|(?<![\w.@])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:be|com|org|net|eu|fr|info|gov|lu|ch)"
    r"(?![\w-])(?:/[^\s<>«»\"]*[^\s<>«»\".,;:!?)\]])?"
)
#: A time as written: « 14 h 30 », « 9 h », « 14h30 », « 12 H 00 »: one number, not three words.
_TIME_RE = r"(?<![\d,.])(?:[01]?\d|2[0-4])[ \u00a0\u202f]?[hH](?:[ \u00a0\u202f]?[0-5]\d)?(?![\w])"
#: A phone number: « 081 73 71 76 », « 0470 12 34 56 », « +32 81 72 61 11 », « 02/511.23.45 »
#: (the digits are checked: 9 or 10 after a 0, 10 to 13 with an international prefix).
_PHONE_RE = (
    r"(?<![\w+])(?:\+\d{2,3}[ \u00a0]?(?:\(0\)[ \u00a0]?)?|00\d{2}[ \u00a0]?|0)"
    r"\d{1,3}(?:[ \u00a0./-]?\d{2,3}){2,4}(?![\d])"
)
_NUMBER_RE = r"\d+(?:[.,/:h]\d+)*(?:[ \u00a0\u202f]\d{3}(?![\d]))*(?:[.,]\d+)?"
#: Inside a word: letters, digits, combining marks (Arabic harakat, Cyrillic stress) and the
#: Persian zero-width non-joiner (« می‌کند » is one word).
#: Superscript digits are footnote calls (« charbonnages¹ »), not part of the word.
_IN_WORD = (
    r"(?:(?![¹²³⁴⁵⁶⁷⁸⁹⁰_])[\w\u200c\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670"
    r"\u06d6-\u06ed])"
)
_WORD_RE = rf"[nN]°|(?![¹²³⁴⁵⁶⁷⁸⁹⁰])[^\W\d_](?:{_IN_WORD}|[-'\u2019\u02bc](?=\w))*"
_ORDINAL_RE = r"\d+(?:er|ère|re|e|es|ème|èmes|ers|ères|nd|nde)\b"
_TOKEN_RE = re.compile(
    rf"(?P<url>{_URL_RE})|(?P<phone>{_PHONE_RE})|(?P<ord>{_ORDINAL_RE})|(?P<time>{_TIME_RE})"
    rf"|(?P<num>{_NUMBER_RE})|(?P<word>{_WORD_RE})|(?P<p>\S)"
)
#: The same without phone numbers: what a digit run that is not a phone number is.
_TOKEN_NO_PHONE_RE = re.compile(
    rf"(?P<url>{_URL_RE})|(?P<ord>{_ORDINAL_RE})|(?P<time>{_TIME_RE})"
    rf"|(?P<num>{_NUMBER_RE})|(?P<word>{_WORD_RE})|(?P<p>\S)"
)


def _is_phone_number(text: str) -> bool:
    digits = sum(c.isdigit() for c in text)
    if text.startswith("+"):
        return 10 <= digits <= 13
    if text.startswith("00"):
        return 11 <= digits <= 14
    return 9 <= digits <= 10 and not re.fullmatch(r"0\d*[.,]\d{1,2}", text)
_END_CHARS = ".!?…؟"
_CLOSERS = "»\"”’)]*"
_WORD_CHARS_RE = re.compile(r"\w")


@dataclass(eq=False)
class Token:
    """A word, number, URL or punctuation mark, with its place in the original text."""

    text: str
    start: int
    end: int
    line: int
    col: int
    is_word: bool
    #: ``word``, ``number``, ``url`` or ``punct``.
    kind: str = "word"

    @cached_property
    def norm(self) -> str:
        """Lower-case with a plain apostrophe: the key for dictionaries."""
        return normalise(self.text)


@dataclass(frozen=True)
class Sentence:
    """A sentence (or bullet, or heading), with its place in the original text."""

    text: str
    line: int
    col: int
    start: int
    end: int
    tokens: tuple[Token, ...]
    #: ``sentence``, ``bullet`` or ``heading``.
    kind: str = "sentence"

    @property
    def words(self) -> list[Token]:
        """The word and number tokens (what sentence lengths count)."""
        return [t for t in self.tokens if t.is_word]


_APOSTROPHE_TABLE = str.maketrans({a: "'" for a in APOSTROPHES[1:]})


def normalise(word: str) -> str:
    """Lower-case, typographic apostrophes made plain, NFC."""
    if not word.isascii():
        word = unicodedata.normalize("NFC", word).translate(_APOSTROPHE_TABLE)
    return word.lower()


class LineIndex:
    """Offsets to (line, column), both 1-based, in O(log n)."""

    def __init__(self, text: str, *, first_line: int = 1) -> None:
        self.starts = [0]
        self.starts.extend(m.end() for m in re.finditer("\n", text))
        self.first_line = first_line

    def position(self, offset: int) -> tuple[int, int]:
        """The (line, column) of a character offset."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.first_line + i, offset - self.starts[i] + 1


# ------------------------------------------------------------------------- tokens


_JOINERS_RE = re.compile("['\u2019\u02bc-]")


def _split_word(text: str, start: int) -> list[tuple[str, int, str]]:
    """Split a raw word at elisions and inversions: (text, start, kind) parts."""
    if not _JOINERS_RE.search(text):
        return [(text, start, "word")]  # most words: nothing to split
    low = normalise(text)
    if low in FIXED_APOSTROPHE and low not in _FIXED_SPLIT:
        return [(text, start, "word")]
    parts: list[tuple[str, int, str]] = []
    # Elisions: l’, qu’, jusqu’... (several in a row is possible: « qu’aujourd’hui »).
    pos = 0
    while True:
        m = re.match(r"([^\W\d_]{1,7})['\u2019\u02bc](?=\w)", text[pos:])
        if not m or normalise(m.group(1)) not in ELISIONS:
            break
        rest = normalise(text[pos + m.end():])
        parts.append((text[pos:pos + m.end()], start + pos, "word"))
        pos += m.end()
        if rest in FIXED_APOSTROPHE:
            break
    rest = text[pos:]
    low = normalise(rest)
    if "-" in rest and low not in _HYPHEN_KEEP:
        pieces = rest.split("-")
        # Inversions: « a-t-il », « dit-elle », « est-ce »: the verb and its pronoun.
        tail = [p.lower() for p in pieces[1:]]
        if len(pieces) >= 2 and tail[-1] in _INVERSION and all(
            p in _INVERSION or p == "t" for p in tail
        ) and pieces[0]:
            off = pos
            for i, piece in enumerate(pieces):
                if i > 0:
                    off += 1  # the hyphen
                if piece.lower() == "t":
                    parts.append(("-t-", start + off - 1, "punct"))
                    off += len(piece)
                    continue
                parts.append((piece, start + off, "word"))
                off += len(piece)
            return parts
    if rest:
        parts.append((rest, start + pos, "word"))
    return parts


def tokens(text: str, *, offset: int = 0, index: LineIndex | None = None) -> list[Token]:
    """All tokens of ``text``; positions are offsets in the original (``offset`` added)."""
    index = index or LineIndex(text)
    out: list[Token] = []
    for m in _matches(text):
        kind = m.lastgroup or "p"
        if kind == "word":
            for piece, start, pkind in _split_word(m.group(), m.start()):
                line, col = index.position(offset + start)
                out.append(
                    Token(piece, offset + start, offset + start + len(piece), line, col,
                          pkind == "word", pkind)
                )
            continue
        line, col = index.position(offset + m.start())
        tkind = {"num": "number", "ord": "number", "time": "number", "phone": "number",
                 "url": "url", "p": "punct"}[kind]
        out.append(
            Token(m.group(), offset + m.start(), offset + m.end(), line, col,
                  tkind != "punct", tkind)
        )
    return out


def _matches(text: str) -> Iterator[re.Match[str]]:
    """Token matches; a digit run read as a phone number that has too few or too many
    digits (« 0 12 345 », « 2 500 000 ») is read again as numbers."""
    for m in _TOKEN_RE.finditer(text):
        if m.lastgroup == "phone" and not _is_phone_number(m.group()):
            yield from _TOKEN_NO_PHONE_RE.finditer(text, m.start(), m.end())
            continue
        yield m


def words(text: str) -> list[Token]:
    """The word (and number) tokens of a text."""
    return [t for t in tokens(text) if t.is_word]


# ---------------------------------------------------------------------- sentences


def _before(segment: str, dot: int) -> str:
    """The few characters before ``dot``: enough to see an abbreviation.

    Searching the whole line before every dot with a regex anchored at its end made
    sentence splitting quadratic (minutes on a 200 000-character line). When the window
    cuts a word, three letters stand for its start, so a cut word never looks like a
    one- or two-letter abbreviation.
    """
    lo = max(0, dot - _ABBREVIATION_WINDOW)
    window = segment[lo:dot]
    if lo > 0 and not segment[lo - 1].isspace():
        window = "xxx" + window
    return window


_ABBREVIATION_WINDOW = 48


def _is_abbreviation(segment: str, dot: int) -> bool:
    """True if the dot at ``dot`` closes an abbreviation or an initial, not a sentence."""
    window = _before(segment, dot)
    segment, dot = window + segment[dot : dot + 64], len(window)
    m = re.search(r"([^\W\d_]+)\.?$", segment[:dot])
    if not m:
        return False
    word = m.group(1)
    before = segment[: m.start()]
    if len(word) == 1 and word.isupper():
        return True  # An initial: « J. Dupont », « A. B. C. »
    if len(word) <= 2 and re.search(r"(?:^|\s)[^\W\d_]{1,2}\.[ \u00a0]$", before):
        return True  # « p. ex. », « c.-à-d. »
    return word.lower() in ABBREVIATIONS and not (word.lower() == "etc" and _ends_at(segment, dot))


def _ends_at(segment: str, dot: int) -> bool:
    """« etc. » ends the sentence when a capital follows."""
    rest = segment[dot + 1:].lstrip(" \u00a0\u202f")
    return not rest or rest[0].isupper()


def _split_line(line: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within one line of text."""
    spans: list[tuple[int, int]] = []
    start = 0
    i = 0
    n = len(line)
    while i < n:
        ch = line[i]
        if ch in _END_CHARS:
            j = i + 1
            while j < n and line[j] in _END_CHARS:
                j += 1
            # closing quotes and brackets belong to the sentence that ends
            k = j
            while k < n and (line[k] in _CLOSERS or line[k] in " \u00a0\u202f"):
                if line[k] in _CLOSERS:
                    j = k + 1
                k += 1
            if k >= n:
                break
            if k == j:  # no space after: 3.5, 11.11.11, www.cai.be, « ?! »
                i = j
                continue
            nxt = line[k]
            boundary = nxt.isupper() or nxt.isdigit() or nxt in "«\"“([-–•*¿¡"
            # Scripts without case (Arabic, Persian...): any letter may start a sentence.
            boundary = boundary or (nxt.isalpha() and not nxt.islower() and not nxt.isupper())
            if ch == "." and re.fullmatch(r"[ \t\u00a0]*(?:\d{1,2}\.)*\d{1,2}", line[start:i]):
                boundary = False  # « ## 1. Votre commune », « 2.3. Les papiers »: a number
            elif ch == "." and j == i + 1 and _is_abbreviation(line, i):
                boundary = boundary and _abbreviation_ends(line, i, nxt)
            elif ch == "." and j == i + 1 and nxt.isdigit() and _day_before(line, i):
                boundary = False  # « le lun. 12 mars »: a day written short, then its date
            if ch in "!?…؟" and not nxt.islower():
                boundary = True
            if boundary:
                spans.append((start, j))
                start = k
            i = k
            continue
        i += 1
    if line[start:].strip():
        spans.append((start, n))
    return spans


#: Days written short before a date (« lun. 12 mars »); « mer. » and « jeu. » are also
#: words (the sea, a game), so only a number after them makes them days.
DAY_ABBREVIATIONS = frozenset("lun mar mer jeu ven sam dim".split())


_MONTHS = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
    "janv févr fév avr juil sept oct nov déc"
).split()
_DATE_AFTER_RE = re.compile(
    r"[ \u00a0\u202f]*(?:[12]\d|3[01]|0?[1-9])(?:er)?(?P<month>/\d{1,2}|[ \u00a0\u202f]+(?:"
    + "|".join(_MONTHS) + r")\b)?",
    re.IGNORECASE,
)


def is_day_abbreviation(word: str, after: str) -> bool:
    """« lun. 12 », « jeu. 14 novembre », « mer. 3/5 »: a day written short before its date
    (``after`` is the text after the dot). « un jeu. 2 joueurs » is a word and a number."""
    w = word.lower()
    if w not in DAY_ABBREVIATIONS:
        return False
    m = _DATE_AFTER_RE.match(after)
    if not m:
        return False
    return w in ("lun", "ven", "sam", "dim") or m.group("month") is not None


def _day_before(line: str, dot: int) -> bool:
    word = re.search(r"(?:^|[^\w])([^\W\d_]+)$", _before(line, dot))
    return word is not None and is_day_abbreviation(word.group(1), line[dot + 1 : dot + 40])


def _abbreviation_ends(line: str, dot: int, nxt: str) -> bool:
    word = re.search(r"([^\W\d_]+)$", _before(line, dot))
    w = word.group(1).lower() if word else ""
    # « etc. Ensuite » ends; « M. Dupont », « cf. Fiche 38 » do not.
    return w == "etc" and nxt.isupper()


def _is_block_start(line: str) -> bool:
    return bool(_HEADING_RE.match(line) or _BULLET_RE.match(line)) or line.lstrip().startswith(
        "<!--"
    )


#: Words a sentence cannot end with: a line ending with one goes on, even before a
#: capital or a number (« contactez Mme\nLambert », « au\n081 22 33 44 »).
_OPEN_ENDS = frozenset(
    """le la les l' un une des du de d' à au aux et ou en par pour sur avec chez dans vers
    entre sans sous mme mmes mlle m. dr dr. me mgr madame monsieur rue avenue boulevard
    place n° no""".split()
)


def _open_end(line: str) -> bool:
    last = line.split()[-1] if line.split() else ""
    return normalise(last) in _OPEN_ENDS or normalise(last).endswith(("'", "’"))


def _join_wrapped(text: str) -> str:
    """The text with the line breaks of hard-wrapped paragraphs made spaces (same length).

    A break joins two lines when the first does not end a sentence (no ``.!?…:;``) and the
    second goes on in lower case; bullets, headings and blank lines always break.
    """
    lines = text.split("\n")
    out = list(text)
    pos = 0
    for line, nxt in itertools.pairwise(lines):
        pos += len(line)
        a, b = line.rstrip(), nxt.lstrip()
        if (
            a and b and (b[0].islower() or _open_end(a)) and a[-1] not in "!?…:;»\""
            and (a[-1] != "." or _open_end(a))
            and not _HEADING_RE.match(line) and not _is_block_start(nxt)
        ):
            out[pos] = " "
        pos += 1
    return "".join(out)


def sentences(
    text: str, *, first_line: int = 1, join_wrapped: bool = False
) -> list[Sentence]:
    """The sentences, bullets and headings of a text, with positions and tokens.

    Line breaks end sentences (FALC puts one sentence per line); with ``join_wrapped``,
    a line that goes on in lower case on the next line continues the sentence
    (hard-wrapped prose in a .txt file).
    """
    index = LineIndex(text, first_line=first_line)
    work = _join_wrapped(text) if join_wrapped else text
    out: list[Sentence] = []
    pos = 0
    for raw in work.split("\n"):
        line_start = pos
        pos += len(raw) + 1
        if not raw.strip() or raw.lstrip().startswith("<!--"):
            continue
        body_start = 0
        kind = "sentence"
        m = _HEADING_RE.match(raw)
        if m:
            kind, body_start = "heading", m.end()
        else:
            m = _BULLET_RE.match(raw)
            if m and raw[m.end():].strip():
                kind, body_start = "bullet", m.end()
        body = raw[body_start:]
        for a, b in _split_line(body):
            seg = body[a:b]
            lead = len(seg) - len(seg.lstrip())
            size = len(seg.strip())
            if not size:
                continue
            start = line_start + body_start + a + lead
            seg_text = text[start : start + size]  # the original, line breaks included
            toks = tokens(seg_text, offset=start, index=index)
            if not any(t.is_word for t in toks):
                continue
            line, col = index.position(start)
            out.append(Sentence(seg_text, line, col, start, start + size, tuple(toks), kind))
            kind = "sentence" if kind == "bullet" else kind
    return out


# ---------------------------------------------------------------------- syllables

_TIME_FULL_RE = re.compile(_TIME_RE)
_PHONE_FULL_RE = re.compile(_PHONE_RE)
_VOWELS = "aeiouyàâäéèêëîïôöùûüœæ"
_VOWEL_GROUP_RE = re.compile(f"[{_VOWELS}]+")


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Spoken syllables of a French word: Lexique's ``nbsyll``, else a rule-based count."""
    if not _WORD_CHARS_RE.search(word):
        return 0
    if word[:1].isdigit() or word[:1] == "+":
        groups = re.findall(r"\d+", word)
        if _TIME_FULL_RE.fullmatch(word):
            return len(groups) + 1  # « 14 h 30 »: « quatorze heures trente », read at a glance
        if len(groups) > 2 and _PHONE_FULL_RE.fullmatch(word) and _is_phone_number(word):
            return len(groups)  # a phone number is copied group by group, not read
        return max(1, len(re.sub(r"\D", "", word)))  # digits are read one number at a time
    try:
        from . import lexicon

        n = lexicon.nbsyll(word)
    except Exception:
        n = None
    if n:
        return n
    if any(a in word for a in APOSTROPHES) and normalise(word).rstrip("'") in ELISIONS:
        return 0  # « l’ », « qu’ » join the next word's first syllable
    return syllables_rules(word)


def syllables_rules(word: str) -> int:
    """Rule-based French syllable count (hiatus, final mute e, leading vowels)."""
    w = normalise(word)
    w = re.sub(r"[^\w]", "", w)
    if not w:
        return 0
    if w.isupper() or (len(w) <= 5 and not _VOWEL_GROUP_RE.search(w)):
        return max(1, len(w))  # acronyms without vowels are spelt out
    # u after q or g is not a vowel (« quelque », « guerre »)
    w = re.sub(r"(?<=[qg])u(?=[aeiouyéèê])", "", w)
    # y between vowels is a consonant sound plus a vowel (« payer », « moyen »)
    w = re.sub(r"(?<=[aeiouéèê])y(?=[aeiouéèê])", "ij", w)
    count = 0
    for m in _VOWEL_GROUP_RE.finditer(w):
        group = m.group()
        count += 1
        tail = w[m.end():]
        # Hiatus: é/è then another vowel (« réalité », « créé »), diaeresis (« naïf »),
        # « oé » (« poésie »); but « -ée(s) » at the end is one syllable (« année »).
        for i, (a, b) in enumerate(itertools.pairwise(group)):
            final_ee = b == "e" and i + 2 == len(group) and tail in ("", "s")
            if a in "éè" and b in _VOWELS and not final_ee:
                count += 1
            elif b in "ïüë" and a not in "gq":
                count += 1
            elif a == "o" and b == "é":
                count += 1
    # Final mute e: « étrangère(s) », « propose », « joie », but not « le », « des ».
    if count > 1 and re.search(f"[^{_VOWELS}]es?$", w):
        count -= 1
    return max(1, count)
