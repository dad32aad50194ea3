"""The CMS importer: a text export of the centre's CMS -> one fiche file per fiche.

The export is plain text: each fiche starts with a title line ``YYYY – Titre``, usually
repeated once, then the chapeau (lead), the body (paragraphs, "  • " bullets, short
sub-headings, footnote markers ``[1]``), and trailing sections: "* Légende", image
captions, "Ressources à télécharger :", "Jargon, abréviations, sigles et acronymes :",
"Sources :" and "Catégories :" with ticked (☑) and unticked (☐) boxes.

Editorial leftovers (placeholders, questions for the editor, repeated paragraphs, a
double space where a word is missing, empty legends, images to place, misspellings)
are never published: each becomes a ``review`` entry of the fiche and is kept out of
the lead and body.

:func:`parse_export` is pure (text in, fiches out); :func:`import_export` reads the
export, then writes the files, keeping what people added to existing fiche files and
never overwriting a fiche whose source part a person edited.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import storage
from .errors import ExportError, InputError
from .fiche import (
    FALC_SUFFIX,
    Categories,
    Fiche,
    Imported,
    Related,
    Resource,
    ReviewItem,
    Source,
    Thematiques,
    read_fiche,
    write_fiche,
)
from .spelling import Speller

if TYPE_CHECKING:
    from .config import Settings
    from .lexicon import Entry

#: Longest slug (without the year), cut at a word boundary.
SLUG_LENGTH = 60
#: Most misspelled words reported per paragraph: beyond that, the editor gets the idea.
SPELLING_PER_PARAGRAPH = 3

STATUSES = ("created", "updated", "unchanged", "conflict")

# ------------------------------------------------------------------------ patterns

_TITLE_RE = re.compile(r"^((?:1[89]|20)\d\d)\s*[–—‒―-]+\s*(\S.*)$")
#: An image caption: "2014 — Couv Batisseurs Inter (vignette)" or a picture file name.
_CAPTION_RE = re.compile(
    r"\((?:vignette|image|photo|illustration|visuel|logo|miniature|couverture)\)\s*$"
    r"|\.(?:jpe?g|png|gif|webp|svg|tiff?)\b",
    re.IGNORECASE,
)
_BULLET_RE = re.compile(r"^(?:[•◦▪▫‣∙●○■□➢➤►–—]|[-*+](?=\s))\s*")
_TICKED = ("☑", "☒", "✅", "✔", "✓", "[x]", "[X]", "(x)")
_UNTICKED = ("☐", "□", "❏", "[ ]", "[]", "( )")
_FOOTNOTE_RE = re.compile(r"\[(\d{1,3})\]")
_SOURCE_ITEM_RE = re.compile(r"^(?:\[(\d{1,3})\]|\((\d{1,3})\)|(\d{1,3})[.)])\s*(.+)$")
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>«»\"]+[^\s<>«»\".,;:!?)]")
_XREF_RE = re.compile(
    r"\b(?:cf\.?|voir(?:\s+aussi)?|see)\s*:?\s+((?:la\s+|les\s+)?fiches?\s+(?:n[°o]\s*)?\d+.*?)"
    r"(?=\)|\]|$|\.\s|;)",
    re.IGNORECASE,
)
_XREF_ITEM_RE = re.compile(
    r"fiches?\s+(?:n[°o]\s*)?(\d+)\s*(?:[–—:-]\s*)?(.*?)\s*(?=(?:,|\bet\b|&)\s*(?:la\s+)?fiches?\s|$)",
    re.IGNORECASE,
)
#: Whole-line placeholders left by the editors.
_PLACEHOLDER_RE = re.compile(
    r"^(?:\[|\()?\s*(?:"
    r"ajouter\b.*|à\s+ajouter\b.*|a\s+ajouter\b.*|[àa]\s+compl[ée]ter\b.*|[àa]\s+venir\b.*"
    r"|[àa]\s+r[ée]diger\b.*|[àa]\s+v[ée]rifier\b.*|[àa]\s+d[ée]finir\b.*|[àa]\s+pr[ée]ciser\b.*"
    r"|compl[ée]ter\b.*|ins[ée]rer\b.*|mettre\s+(?:un|le|les|des)\s+liens?\b.*"
    r"|x{3,}|todo\b.*|tbd|fixme\b.*|lorem ipsum\b.*|texte\s+[àa]\s+venir\b.*"
    r"|\.{3,}|…|\?+|-+|_+"
    r")\s*(?:\]|\))?\s*[.!:]?$",
    re.IGNORECASE,
)
#: "Lien à ajouter", "Photo à venir", "Texte à compléter": a short note about what is missing.
_TO_DO_RE = re.compile(
    r"^(?:[\w’'-]+\s+){0,3}[àa]\s+(?:ajouter|compl[ée]ter|venir|v[ée]rifier|ins[ée]rer|"
    r"pr[ée]ciser|r[ée]diger|d[ée]finir|confirmer|mettre\s+[àa]\s+jour|reformuler|relire)\b",
    re.IGNORECASE,
)
#: Placeholders inside a sentence: "en XXX", "[à compléter]", "TODO".
_NOTE = r"[àa]\s+compl[ée]ter|[àa]\s+v[ée]rifier|[àa]\s+pr[ée]ciser|[àa]\s+confirmer|xx+|todo|\?+"
_INLINE_PLACEHOLDER_RE = re.compile(
    rf"\[\s*(?:{_NOTE}|ajouter[^\]]*)\s*\]|\(\s*(?:{_NOTE})\s*\)"
    r"|\bX{3,}\b|\bTODO\b|\bFIXME\b|\bTBD\b",
    re.IGNORECASE,
)
#: Where a sentence ends: . ! ? … then a space and a capital, a digit or an opening quote.
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])\s+(?=[«\"“(]?\s?[A-ZÀ-ÖØ-Þ0-9])")
#: Two or more spaces (any kind) between two pieces of text.
_GAP_RE = re.compile(r"(?<=\S)[^\S\n]{2,}(?=\S)")
_WS_RE = re.compile(r"\s+")
#: Zero-width characters and soft hyphens: invisible, never part of the centre's words.
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_END_PUNCT = tuple(".:;,!?…»)\"”")

_DETERMINERS = frozenset(
    "le la les l' un une des du au aux ce cet cette ces mon ma mes ton ta tes son sa ses "
    "notre nos votre vos leur leurs chaque plusieurs quelques certains certaines "
    "différents différentes divers diverses aucun aucune".split()
)
_PREPOSITIONS = frozenset(
    "de d' à en dans par pour sur sous avec sans vers chez entre contre selon depuis pendant "
    "parmi auprès envers via malgré dès".split()
)
_CONJUNCTIONS = frozenset("et ou ni mais car donc".split())
#: Verbs that take an adjective or participle right after them ("est implémentée").
_COPULAS = frozenset(
    "est sont était étaient sera seront serait seraient soit soient fut furent être été "
    "a ont avait avaient aura auront avoir ai as avons avez "
    "devient deviennent devenu devenue reste restent resté semble semblent paraît "
    "demeure demeurent".split()
)
_GLUE_WORDS = (
    _DETERMINERS | _PREPOSITIONS | _CONJUNCTIONS | frozenset("il elle ils elles on".split())
)
#: A lone lower-case letter that is no French word: what is left of a cut word ("e aide").
_FRAGMENT_RE = re.compile(r"(?<![\w’'.\-/°])([bcdefghijklmnpqrstuvwxz])(?=\s+[^\W\d_])")
_FUNCTION_POS = ("VER", "AUX", "PRE", "CON", "ART", "PRO", "ADV")


# ------------------------------------------------------------------------ results


@dataclass
class ImportOutcome:
    """What happened to one fiche file."""

    id: str
    path: Path
    status: str  # created | updated | unchanged | conflict
    fiche: Fiche
    #: Where the new import was written when the existing file was edited by a person.
    new_path: Path | None = None
    reason: str = ""
    #: Front-matter fields (and "body") that an update changed.
    changes: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    """The outcome of one import: per fiche, plus notes that concern the whole export."""

    export: Path
    encoding: str
    out_dir: Path
    outcomes: list[ImportOutcome] = field(default_factory=list)
    #: Fiche files of the folder that the export no longer holds (left untouched).
    absent: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def fiches(self) -> list[Fiche]:
        return [o.fiche for o in self.outcomes]

    def count(self, status: str) -> int:
        """How many fiches ended with ``status``."""
        return sum(1 for o in self.outcomes if o.status == status)


@dataclass
class ParsedExport:
    """The fiches found in an export, in export order, and notes on the whole export."""

    fiches: list[Fiche]
    notes: list[str] = field(default_factory=list)


# ------------------------------------------------------------------------ text helpers


def _clean(line: str) -> str:
    """A line with invisible characters removed and its ends stripped."""
    return _INVISIBLE_RE.sub("", line).strip()


def _norm(text: str) -> str:
    """Whitespace normalised: any run of spaces (NBSP included) becomes one space."""
    return _WS_RE.sub(" ", _INVISIBLE_RE.sub("", text)).strip()


def _fold(text: str) -> str:
    """A comparison key: no accents, no case, plain apostrophes and dashes, one space."""
    text = unicodedata.normalize("NFKD", _norm(text).casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[–—‒―-]+", "-", text.replace("’", "'"))


def slugify(text: str, *, length: int = SLUG_LENGTH) -> str:
    """An ASCII slug of ``text`` cut at a word boundary to at most ``length`` characters."""
    text = re.sub(r"['’‘`´]", " ", text)  # "d’un" -> "d-un", as slug tools do
    text = unicodedata.normalize("NFKD", text.replace("œ", "oe").replace("Œ", "Oe"))
    text = text.replace("æ", "ae").replace("Æ", "Ae").replace("ß", "ss")
    ascii_text = text.encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    kept: list[str] = []
    for word in words:
        if kept and len("-".join([*kept, word])) > length:
            # Do not end on an elided article: "...-un-tournant-dans-l".
            while len(kept) > 1 and len(kept[-1]) == 1 and not kept[-1].isdigit():
                kept.pop()
            break
        kept.append(word)
    return "-".join(kept)[:length].strip("-") or "fiche"


def _is_placeholder(text: str) -> bool:
    """A whole line or paragraph that is an editor's note: "Ajouter liens", "À compléter"..."""
    words = len(text.split())
    # "Compléter les formations par des stages est utile." is the centre's text: notes are
    # short and rarely end with a full stop.
    if words > 10 or (words > 3 and text.endswith(".")):
        return False
    return bool(_PLACEHOLDER_RE.match(text) or _TO_DO_RE.match(text))


def _is_blank(line: str) -> bool:
    return not _clean(line)


def _title_match(line: str) -> re.Match[str] | None:
    text = _norm(line)
    if len(text) > 300 or _CAPTION_RE.search(text):
        return None
    return _TITLE_RE.match(text)


def _same_title(line: str, title: re.Match[str]) -> bool:
    """True if ``line`` repeats the title: same year and words, whatever the case and spaces."""
    other = _title_match(line)
    if other is None or other.group(1) != title.group(1):
        return False
    return re.sub(r"\W+", "", _fold(other.group(2))) == re.sub(r"\W+", "", _fold(title.group(2)))


def _is_caption(line: str) -> bool:
    if len(line) > 300:
        return False
    text = _norm(line)
    return bool(_CAPTION_RE.search(text)) and len(text) < 200 and not text.startswith("*")


_SECTION_KEYS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^ressources(?: a telecharger)?$|^telechargements?$|^documents?$"), "resources"),
    (re.compile(r"^(?:jargon|glossaire|lexique|abreviations|sigles)\b.*$"), "jargon"),
    (re.compile(r"^(?:sources?|notes?|references?|bibliographie)$"), "sources"),
    (re.compile(r"^categories?$"), "categories"),
    (re.compile(r"^axes?(?: strategiques?)?(?: d'intervention)?$"), "axes"),
    (re.compile(r"^thematiques?(?: traversees? par l'activite)?$"), "thematiques"),
    (re.compile(r"^generales?$"), "generales"),
    (re.compile(r"^specifiques?$"), "specifiques"),
]
_SECTION_LABELS = {
    "resources": "Ressources à télécharger",
    "jargon": "Jargon, abréviations, sigles et acronymes",
    "sources": "Sources",
    "categories": "Catégories",
    "axes": "Axes stratégiques d’intervention",
    "thematiques": "Thématiques",
    "generales": "Thématiques générales",
    "specifiques": "Thématiques spécifiques",
    "legend": "Légende",
}


def _section_of(line: str) -> str | None:
    """The trailing section a heading line opens ("Sources :" -> "sources"), or None."""
    if len(line) > 120:
        return None
    text = _fold(line)
    if not text or len(text) > 80:
        return None
    text = text.rstrip(" :").strip()
    for pattern, name in _SECTION_KEYS:
        if pattern.match(text):
            return name
    return None


def _is_empty_legend(line: str) -> bool:
    if len(line) > 40:
        return False
    return bool(re.match(r"^\*?\s*l[ée]gende\s*:?\s*$", _norm(line), re.IGNORECASE))


# ------------------------------------------------------------------------ splitting


@dataclass
class _Segment:
    """The lines of one fiche in the export (0-based indexes into the export's lines)."""

    year: int
    title: str
    title_index: int
    content_start: int
    end: int


def _next_nonblank(lines: list[str]) -> list[int]:
    """For each index, the index of the next non-blank line after it (len(lines) if none)."""
    out = [len(lines)] * len(lines)
    following = len(lines)
    for i in range(len(lines) - 1, -1, -1):
        out[i] = following
        if not _is_blank(lines[i]):
            following = i
    return out


def _split(lines: list[str]) -> list[_Segment]:
    """Find where each fiche starts: a title line repeated, or after the previous trailer."""
    following = _next_nonblank(lines)
    segments: list[_Segment] = []
    in_trailer = True  # before the first fiche, any title line opens one
    i = 0
    while i < len(lines):
        line = lines[i]
        if _is_blank(line):
            i += 1
            continue
        match = _title_match(line)
        if match is not None:
            nxt = following[i]
            repeated = nxt < len(lines) and _same_title(lines[nxt], match)
            if repeated or in_trailer:
                if segments:
                    segments[-1].end = i
                content = following[nxt] if repeated else nxt
                segments.append(
                    _Segment(
                        year=int(match.group(1)),
                        title=_norm(match.group(2)),
                        title_index=i,
                        content_start=min(content, len(lines)),
                        end=len(lines),
                    )
                )
                in_trailer = False
                i = (nxt + 1) if repeated else (i + 1)
                continue
        if _section_of(line) or _is_empty_legend(line) or _is_caption(line):
            in_trailer = True
        i += 1
    return segments


# ------------------------------------------------------------------------ blocks


@dataclass
class _Block:
    """A paragraph, bullet or heading of the body, with the export lines it came from."""

    kind: str  # "para" | "bullet" | "heading"
    lines: list[tuple[int, str]]  # (1-based export line, cleaned line)
    text: str = ""

    @property
    def line(self) -> int:
        return self.lines[0][0]


def _join_lines(parts: list[str]) -> str:
    """Lines of one paragraph joined; a line broken after a hyphen joins without a space."""
    out = ""
    for part in parts:
        if not out:
            out = part
        elif re.search(r"\w-$", out) and part[:1].isalpha():
            out += part
        else:
            out += " " + part
    return out


def _blocks(lines: list[str], start: int, end: int) -> list[_Block]:
    """Group body lines into paragraphs and bullets (blank lines separate paragraphs)."""
    blocks: list[_Block] = []
    current: _Block | None = None
    for i in range(start, end):
        text = _clean(lines[i])
        if not text:
            current = None
            continue
        bullet = _BULLET_RE.match(text)
        if bullet and len(text) > bullet.end():
            current = _Block("bullet", [(i + 1, text[bullet.end():].strip())])
            blocks.append(current)
        elif current is not None and (
            current.kind == "para"
            or not current.lines[-1][1].endswith(_END_PUNCT)
            or text[:1].islower()
        ):
            current.lines.append((i + 1, text))
        else:
            current = _Block("para", [(i + 1, text)])
            blocks.append(current)
    for block in blocks:
        block.text = _norm(_join_lines([t for _, t in block.lines]))
    return blocks


def _is_heading(block: _Block) -> bool:
    """A short stand-alone line without final punctuation: a sub-heading."""
    text = block.text
    if block.kind != "para" or len(block.lines) != 1 or len(text) > 120:
        return False
    if text.endswith(_END_PUNCT) or not (text[:1].isupper() or text[:1].isdigit()):
        return False
    return 2 <= len(text.split()) <= 14


def _is_editor_question(block: _Block) -> bool:
    """A short stand-alone question such as "Lequel ?" or "Supprimer ?", not a quotation."""
    text = block.text
    if block.kind != "para" or not text.endswith("?") or text.startswith(("«", "“", '"')):
        return False
    return len(text.split()) <= 20


# ------------------------------------------------------------------------ leftovers


def _gap_is_missing_word(
    before: str, after: str, lookup: Callable[[str], Entry | None] | None = None
) -> bool:
    """Grammar cues that a word is missing in a double space ("La  est exigée").

    Innocent double spaces ("En  Wallonie", "en  pratique", "présente  les") have a noun,
    a name, a determiner or a quotation after the gap; missing words leave a determiner
    or preposition with nothing to govern, or a verb with no object. ``lookup`` gives
    Lexique's facts about a word (:func:`cai_falc.lexicon.entry` by default).
    """
    if lookup is None:
        from .lexicon import entry

        lookup = entry
    find: Callable[[str], Entry | None] = lookup
    last = re.search(r"(\S+)$", before)
    prev = last.group(1).replace("’", "'").lower() if last else ""
    elided = prev.rsplit("'", 1)[0] + "'" if "'" in prev else ""
    prev_entry = find(prev) if prev[:1].isalpha() and not elided else None
    prev_classes = prev_entry.cgram if prev_entry else frozenset()
    if not prev or prev[-1] in ".,;:!?»)…\"”":
        prev_kind = "punct"
    elif prev in _DETERMINERS or elided in ("l'",):
        prev_kind = "det"
    elif prev in _PREPOSITIONS or elided in ("d'", "jusqu'"):
        prev_kind = "prep"
    elif prev in _CONJUNCTIONS or elided in ("qu'",):
        prev_kind = "conj"
    elif prev not in _COPULAS and prev_classes and prev_classes <= {"VER", "AUX"}:
        prev_kind = "verb"
    else:
        prev_kind = "other"
    first = after[:1]
    next_word = re.match(r"[^\W\d_]+", after)
    word = next_word.group().lower() if next_word else ""
    # A lone letter that is not a French word: the rest of a cut word ("De plus  e aide").
    lone = next_word is not None and len(word) == 1 and word not in "aàyô"
    if lone and not after[1:2].isalpha() and after[1:2] not in "’'":
        return True
    # French puts a space before ; : ! ? » and editors often double it: innocent after a
    # verb or a noun ("y propose  :"), a missing word after an article or a preposition.
    if first in ";:!?»" and prev_kind not in ("det", "prep", "conj"):
        return False
    # A piece pasted after a comma: "l’insertion socioprofessionnelle,  De plus".
    if before.endswith(",") and first.isupper() and word in _GLUE_WORDS:
        return True
    if prev_kind in ("punct", "other"):
        return False
    if first in "([":
        return prev_kind in ("det", "prep")
    if first in ".,;:!?)]»…":
        return True
    if not next_word or first.isupper() or first in "«“\"":
        return False
    facts = find(word)
    classes = facts.cgram if facts else frozenset()
    if prev_kind == "det":
        # An article needs a noun: a gap followed by a verb or a tool word lost it.
        if word in _COPULAS:
            return True
        if not classes or classes & {"NOM", "ADJ"} or word in ("plus", "moins", "autre", "même"):
            return False
        return any(c.startswith(_FUNCTION_POS) for c in classes)
    if prev_kind in ("prep", "conj"):
        return bool(classes) and all(c.startswith("CON") for c in classes)
    # A transitive verb followed straight by a past participle: "Le Centre engage  dédié à".
    return facts is not None and facts.is_past_participle and not classes & {"NOM"}


@dataclass
class _Context:
    """What the leftover detectors need while parsing one fiche."""

    review: list[ReviewItem] = field(default_factory=list)
    speller: Speller | None = None
    skip_words: frozenset[str] = frozenset()
    #: Words already reported as misspelled in this fiche: once is enough.
    reported: set[str] = field(default_factory=set)

    def add(self, kind: str, message: str, line: int, text: str = "") -> None:
        self.review.append(ReviewItem(kind=kind, message=message, line=line, text=text))


def _quote(text: str, limit: int = 90) -> str:
    text = _norm(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _gaps(block: _Block, ctx: _Context) -> None:
    """Report double spaces that hide a missing word; innocent ones are just collapsed."""
    for number, raw in block.lines:
        for match in _GAP_RE.finditer(raw):
            before, after = raw[: match.start()], raw[match.end():]
            if not _gap_is_missing_word(before, after):
                continue
            left = " ".join(_norm(before).split()[-4:])
            right = " ".join(_norm(after).split()[:4])
            ctx.add(
                "missing-word",
                f"Mot manquant ? Un double espace dans « {left} … {right} » laisse la phrase "
                "incomplète : ajoutez le mot qui manque dans le CMS, puis réimportez.",
                number,
                f"{left}  {right}",
            )


def _fragments(block: _Block, ctx: _Context) -> None:
    """Report lone letters left by a cut or a bad paste ("De plus e aide à l’exercice")."""
    for number, raw in block.lines:
        text = _norm(raw)
        for match in _FRAGMENT_RE.finditer(text):
            left = " ".join(text[: match.start()].split()[-4:])
            right = " ".join(text[match.end() :].split()[:4])
            ctx.add(
                "cut-text",
                f"Texte coupé ? « {left} {match.group()} {right} » : un mot semble coupé ou un "
                "morceau collé ici. Rétablissez la phrase dans le CMS, puis réimportez.",
                number,
                f"{left} {match.group()} {right}",
            )


def _sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_END_RE.split(text) if part]


def _line_of(block: _Block, fragment: str) -> int:
    """The export line where ``fragment`` of a block starts (its first line if unknown)."""
    head = " ".join(fragment.split()[:3])
    return next((n for n, raw in block.lines if head and head in _norm(raw)), block.line)


def _inline_leftovers(block: _Block, ctx: _Context) -> None:
    """Drop the sentences holding "XXX", "TODO ...", "[à compléter]", and a trailing "Supprimer ?".

    The sentence goes whole: "passe à XXX dans la province" has no fact left to keep. Each
    dropped sentence is a review entry, with its text, for the editor.
    """
    if block.kind == "heading":
        return
    sentences = _sentences(block.text)
    kept: list[str] = []
    for n, sentence in enumerate(sentences):
        match = _INLINE_PLACEHOLDER_RE.search(sentence)
        if match is not None:
            ctx.add(
                "placeholder",
                f"Note de travail « {match.group()} » dans la phrase « {_quote(sentence)} » : "
                "complétez la phrase dans le CMS, puis réimportez. Elle n’est pas reprise dans "
                "la fiche.",
                _line_of(block, sentence),
                sentence,
            )
            continue
        last = n == len(sentences) - 1 and n > 0
        if last and sentence.endswith("?") and len(sentence.split()) <= 3 and "«" not in sentence:
            ctx.add(
                "question",
                f"Question laissée pour l’éditeur : « {sentence} », à la fin d’un paragraphe. "
                "Répondez-y dans le CMS (corrigez ou supprimez le passage visé), puis supprimez "
                "la question.",
                _line_of(block, sentence),
                sentence,
            )
            continue
        kept.append(sentence)
    if len(kept) != len(sentences):
        block.text = " ".join(kept)


def _spelling(block: _Block, ctx: _Context) -> None:
    if ctx.speller is None:
        return
    words = []
    for word in ctx.speller.misspelled(block.text, skip=ctx.skip_words):
        if word.lower() in ctx.reported:
            continue
        ctx.reported.add(word.lower())
        words.append(word)
        if len(words) == SPELLING_PER_PARAGRAPH:
            break
    for word in words:
        number = next((n for n, raw in block.lines if word in _norm(raw)), block.line)
        ctx.add(
            "spelling",
            f"Orthographe à vérifier : « {word} » est inconnu du dictionnaire. Corrigez-le dans "
            "le CMS, ou ajoutez-le au glossaire s’il est juste.",
            number,
            word,
        )


def _word_shingles(text: str) -> tuple[tuple[str, ...], set[tuple[str, ...]]]:
    words = tuple(re.findall(r"\w+", text.casefold()))
    return words, set(zip(words, words[1:], words[2:], strict=False))


_POSTING_CAP = 8


def _duplicates(blocks: list[_Block], ctx: _Context) -> set[int]:
    """Indexes of blocks repeating an earlier one (exactly or nearly); linear in the fiche.

    Near copies are found through an index of word triples whose posting lists are capped,
    so a fiche of thousands of paragraphs is not compared pair by pair.
    """
    exact: dict[tuple[str, ...], int] = {}
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    sizes: dict[int, int] = {}  # number of distinct word triples of each indexed paragraph
    dropped: set[int] = set()
    for n, block in enumerate(blocks):
        if block.kind == "heading":
            continue
        words, grams = _word_shingles(block.text)
        if len(words) < 8:
            continue
        first = exact.get(words)
        kind = "exacte"
        if first is None:
            counts: Counter[int] = Counter()
            for gram in grams:
                posting = index.get(gram)
                if posting is not None and len(posting) < _POSTING_CAP:
                    counts.update(posting)  # a triple found in many paragraphs says nothing
            first = None
            best = 0.0
            for other, shared in counts.most_common(3):
                if shared < 8:
                    continue
                size = sizes[other]
                score = shared / (len(grams) + size - shared)
                containment = shared / min(len(grams), size)
                # Measured on the seed: the 2023 mentoring copy scores 0.38 / 0.69, distinct
                # paragraphs of one fiche at most 0.11 / 0.33.
                near = score >= 0.3 or (containment >= 0.55 and shared >= 8)
                if near and score > best:
                    first, best = other, score
            kind = "presque identique"
        if first is not None:
            dropped.add(n)
            ctx.add(
                "duplicate",
                f"Paragraphe répété : copie {kind} du paragraphe de la ligne {blocks[first].line}. "
                "Gardez une seule version dans le CMS (fusionnez-les si la copie dit autre chose). "
                "La copie n’est pas reprise dans la fiche : son texte est gardé ici.",
                block.line,
                block.text,
            )
            continue
        exact[words] = n
        sizes[n] = len(grams)
        for gram in grams:
            posting = index[gram]
            if len(posting) < _POSTING_CAP:  # the cap keeps the whole pass linear
                posting.append(n)
    return dropped


# ------------------------------------------------------------------------ trailer


@dataclass
class _Trailer:
    sources: list[Source] = field(default_factory=list)
    jargon: dict[str, str] = field(default_factory=dict)
    resources: list[Resource] = field(default_factory=list)
    axes: list[str] = field(default_factory=list)
    generales: list[str] = field(default_factory=list)
    specifiques: list[str] = field(default_factory=list)


def _checkbox(text: str) -> tuple[bool | None, str]:
    """(True, label) for a ticked box, (False, label) for an unticked one, (None, text)."""
    for mark in _TICKED:
        if text.startswith(mark):
            return True, _norm(text[len(mark):])
    for mark in _UNTICKED:
        if text.startswith(mark):
            return False, _norm(text[len(mark):])
    return None, text


def _jargon_item(text: str) -> tuple[str, str]:
    match = re.match(r"^(.+?)\s*[:=]\s+(.+)$", text) or re.match(r"^(.+?)\s+[–—-]\s+(.+)$", text)
    if match:
        return _norm(match.group(1)), _norm(match.group(2))
    match = re.match(r"^(.+?)\s*\((.+)\)\s*\.?$", text)
    if match:
        return _norm(match.group(1)), _norm(match.group(2))
    return _norm(text), ""


def _resource_item(text: str) -> Resource:
    url = _URL_RE.search(text)
    if url is None:
        return Resource(label=_norm(text))
    rest = re.sub(r"\(\s*\)|\[\s*\]", " ", text[: url.start()] + text[url.end() :])
    label = _norm(rest).strip(" :–—-")
    return Resource(label=label or url.group(), url=url.group())


def _trailer(lines: list[str], start: int, end: int, ctx: _Context) -> _Trailer:
    """Parse the sections after the body: legend, images, resources, jargon, sources, boxes."""
    out = _Trailer()
    section = "legend"
    caption: tuple[int, str] | None = None
    for i in range(start, end):
        number, text = i + 1, _clean(lines[i])
        if not text:
            continue
        name = _section_of(text)
        if name is not None:
            section = name
            continue
        if _is_empty_legend(text):
            ctx.add(
                "legend",
                "Légende vide (« * Légende ») : écrivez la légende de l’image dans le CMS, ou "
                "supprimez la ligne.",
                number,
                _norm(text),
            )
            continue
        if _is_caption(text):
            caption = (number, _norm(text))
            ctx.add(
                "image",
                f"Image à placer : « {_norm(text)} ». Ajoutez l’image avec sa légende là où elle "
                "doit paraître ; cette ligne n’est pas reprise dans le texte.",
                number,
                _norm(text),
            )
            section = "legend"
            continue
        bullet = _BULLET_RE.match(text)
        item = _norm(text[bullet.end():] if bullet else text)
        label = _SECTION_LABELS.get(section, section)
        if section == "legend":
            where = (
                f"de l’image « {caption[1]} » (ligne {caption[0]})" if caption else "d’une image"
            )
            ctx.add(
                "legend",
                f"Légende {where} : « {_quote(item, 120)} ». Placez-la sous l’image ; elle n’est "
                "pas reprise dans le texte.",
                number,
                item,
            )
            continue
        if _is_placeholder(item):
            ctx.add(
                "placeholder",
                f"Note de travail « {item} » sous « {label} » : remplacez-la par le contenu "
                "attendu dans le CMS (ou supprimez-la), puis réimportez.",
                number,
                item,
            )
            continue
        ticked, box_label = _checkbox(item)
        if section in ("categories", "axes", "thematiques", "generales", "specifiques"):
            if ticked is None:
                ctx.add(
                    "unclassified",
                    f"Ligne sans case à cocher sous « {label} » : « {_quote(item)} ». Vérifiez-la "
                    "dans le CMS ; elle n’est pas reprise.",
                    number,
                    item,
                )
            elif ticked and box_label:
                target = {"specifiques": out.specifiques, "axes": out.axes}.get(
                    section, out.generales if section != "categories" else out.axes
                )
                if box_label not in target:
                    target.append(box_label)
        elif section == "sources":
            match = _SOURCE_ITEM_RE.match(item)
            if match:
                ref = match.group(1) or match.group(2) or match.group(3)
                out.sources.append(Source(ref=ref, text=_norm(match.group(4))))
            else:
                out.sources.append(Source(ref=str(len(out.sources) + 1), text=item))
        elif section == "jargon":
            term, meaning = _jargon_item(item)
            out.jargon.setdefault(term, meaning)
        elif section == "resources":
            out.resources.append(_resource_item(item))
    return out


def _trailer_start(lines: list[str], start: int, end: int) -> int:
    """Index of the first line after the body (end if the fiche has no trailing section)."""
    first = end
    for i in range(start, end):
        text = lines[i]
        if _is_blank(text):
            continue
        if _section_of(text) or _is_empty_legend(text) or _is_caption(text):
            first = i
            break
    # A filled legend ("* Centre d’Action ... 40 p.") in place of "* Légende": one "* "
    # paragraph right before the first section heading belongs to the trailer.
    if first < end and _section_of(lines[first]):
        i = first - 1
        while i >= start and _is_blank(lines[i]):
            i -= 1
        top = i
        while i >= start and not _is_blank(lines[i]):
            i -= 1
        if top >= start and _clean(lines[i + 1]).startswith("* "):
            first = i + 1
    return first


# ------------------------------------------------------------------------ one fiche


def _related(text: str) -> list[Related]:
    """Cross references such as "(Cf. Fiche 38 – Modification Code nationalité)"."""
    out: list[Related] = []
    seen: set[int] = set()
    for ref in _XREF_RE.finditer(text):
        for item in _XREF_ITEM_RE.finditer(ref.group(1)):
            number = int(item.group(1))
            label = _norm(item.group(2)).strip(" .,;:–—-")
            if number not in seen:
                seen.add(number)
                out.append(Related(number=number, label=label))
    return out


def _markdown(blocks: Iterable[_Block]) -> str:
    parts: list[str] = []
    previous = ""
    for block in blocks:
        if block.kind == "bullet":
            if previous == "bullet":
                parts[-1] += f"\n- {block.text}"
            else:
                parts.append(f"- {block.text}")
        elif block.kind == "heading":
            parts.append(f"## {block.text}")
        else:
            parts.append(block.text)
        previous = block.kind
    return "\n\n".join(parts)


def _footnotes(text: str) -> str:
    return _FOOTNOTE_RE.sub(r"[^\1]", text)


def _parse_fiche(
    lines: list[str], segment: _Segment, *, speller: Speller | None, glossary_words: frozenset[str]
) -> Fiche:
    ctx = _Context(speller=speller)
    body_end = _trailer_start(lines, segment.content_start, segment.end)
    trailer = _trailer(lines, body_end, segment.end, ctx)
    ctx.skip_words = glossary_words | frozenset(
        w.lower() for term in trailer.jargon for w in re.findall(r"\w+", term)
    )
    kept: list[_Block] = []
    for block in _blocks(lines, segment.content_start, body_end):
        if _is_placeholder(block.text):
            ctx.add(
                "placeholder",
                f"Note de travail « {block.text} » dans le texte : remplacez-la par le contenu "
                "attendu dans le CMS (ou supprimez-la), puis réimportez.",
                block.line,
                block.text,
            )
            continue
        if _is_editor_question(block):
            ctx.add(
                "question",
                f"Question laissée pour l’éditeur : « {block.text} ». Répondez-y dans le CMS "
                "(corrigez ou supprimez le passage visé), puis supprimez la question.",
                block.line,
                block.text,
            )
            continue
        kept.append(block)
    dropped = _duplicates(kept, ctx)
    kept = [b for n, b in enumerate(kept) if n not in dropped]
    lead_index = next((n for n, b in enumerate(kept) if b.kind == "para"), None)
    for n, block in enumerate(kept):
        if n != lead_index and _is_heading(block):
            block.kind = "heading"
        _gaps(block, ctx)
        _fragments(block, ctx)
        _inline_leftovers(block, ctx)
        _spelling(block, ctx)
        block.text = _footnotes(block.text)
    lead = kept[lead_index].text if lead_index is not None else ""
    body = _markdown(b for n, b in enumerate(kept) if n != lead_index)
    refs = {s.ref for s in trailer.sources}
    for block in kept:
        for ref in dict.fromkeys(re.findall(r"\[\^(\d+)\]", block.text)):
            if ref not in refs:
                ctx.add(
                    "footnote",
                    f"La note [{ref}] n’a pas de source : ajoutez la source [{ref}] sous "
                    "« Sources » dans le CMS, ou retirez l’appel de note.",
                    block.line,
                    f"[{ref}]",
                )
    ctx.review.sort(key=lambda r: r.line)
    text = "\n".join([lead, body])
    return Fiche(
        id=f"{segment.year}-{slugify(segment.title)}",
        year=segment.year,
        title=segment.title,
        lead=lead,
        body=body,
        sources=trailer.sources,
        jargon=trailer.jargon,
        resources=trailer.resources,
        categories=Categories(
            axes=trailer.axes,
            thematiques=Thematiques(generales=trailer.generales, specifiques=trailer.specifiques),
        ),
        related=_related(text),
        review=ctx.review,
        imported=Imported(export="", line=segment.title_index + 1, hash=""),
    )


def parse_export(
    text: str,
    *,
    export: str = "export.txt",
    speller: Speller | None = None,
    glossary_words: Iterable[str] = (),
) -> ParsedExport:
    """Split an export's text into fiches (pure: no file is read or written)."""
    lines = text.split("\n")
    segments = _split(lines)
    if not segments:
        raise ExportError(
            export,
            "no fiche found in the export",
            hint="Each fiche must start with a title line such as '2016 – Titre de la fiche' "
            "(year, dash, title). Is this the CMS text export?",
        )
    notes: list[str] = []
    stray = [i + 1 for i in range(segments[0].title_index) if not _is_blank(lines[i])]
    if stray:
        notes.append(
            f"{export}:{stray[0]}: {len(stray)} ligne(s) avant la première fiche ne sont reprises "
            "dans aucune fiche : vérifiez le début de l’export."
        )
    skip = frozenset(w.lower() for w in glossary_words)
    fiches: list[Fiche] = []
    first_line: dict[str, int] = {}
    copies: dict[str, tuple[Fiche, list[int]]] = {}
    for segment in segments:
        raw = "\n".join(_clean(line) for line in lines[segment.title_index : segment.end]).strip()
        if raw in copies:
            # The same fiche pasted again, word for word: one fiche, and a note to the editor.
            copies[raw][1].append(segment.title_index + 1)
            continue
        fiche = _parse_fiche(lines, segment, speller=speller, glossary_words=skip)
        copies[raw] = (fiche, [])
        assert fiche.imported is not None
        fiche.imported.export = export
        if fiche.id in first_line:
            base, n = fiche.id, 2
            while f"{base}-{n}" in first_line:
                n += 1
            fiche.id = f"{base}-{n}"
            fiche.review.insert(
                0,
                ReviewItem(
                    kind="duplicate-fiche",
                    message=f"Titre déjà présent dans l’export (ligne {first_line[base]}) : cette "
                    f"fiche est importée sous l’identifiant {fiche.id}. Vérifiez s’il s’agit de la "
                    "même fiche et gardez-en une seule dans le CMS.",
                    line=segment.title_index + 1,
                    text=f"{segment.year} – {segment.title}",
                ),
            )
        first_line[fiche.id] = segment.title_index + 1
        fiches.append(fiche)
    for fiche, repeats in copies.values():
        if repeats:
            shown = ", ".join(map(str, repeats[:5])) + (", …" if len(repeats) > 5 else "")
            fiche.review.insert(
                0,
                ReviewItem(
                    kind="duplicate-fiche",
                    message=f"Fiche copiée {len(repeats)} fois de plus dans l’export (ligne(s) "
                    f"{shown}), mot pour mot : elle n’est importée qu’une fois. Supprimez les "
                    "copies dans le CMS.",
                    line=repeats[0],
                    text=f"{fiche.year} – {fiche.title}",
                ),
            )
    for fiche in fiches:
        assert fiche.imported is not None
        fiche.imported.hash = fiche.source_hash()
    return ParsedExport(fiches=fiches, notes=notes)


# ------------------------------------------------------------------------ files


def _glossary_words(folder: Path) -> list[str]:
    """Words of the project's glossary terms, so spelling does not flag them."""
    if not folder.is_dir():
        return []
    from . import glossary as glossary_module

    try:
        terms = glossary_module.load(folder).terms
    except InputError:
        return []  # ``cai-falc validate`` reports a broken glossary; spelling can do without
    words: list[str] = []
    for term in terms:
        for form in term.forms:
            words.extend(re.findall(r"\w+", form))
    return words


_COMPARED = (
    "year title lead body sources jargon resources categories related review imported".split()
)


def _write_outcome(fiche: Fiche, target: Path) -> ImportOutcome:
    """Write one fiche, keeping people's keys, never overwriting a person's edits."""
    if not target.exists():
        write_fiche(fiche, target)
        return ImportOutcome(fiche.id, target, "created", fiche)
    new_path = target.with_name(target.name + ".new")
    try:
        existing = read_fiche(target)
    except InputError as exc:  # broken YAML, binary or empty file: a person's problem to see
        write_fiche(fiche, new_path)
        return ImportOutcome(
            fiche.id, target, "conflict", fiche, new_path, f"fichier existant illisible ({exc})"
        )
    if existing.imported is None or existing.source_hash() != existing.imported.hash:
        write_fiche(fiche, new_path)
        why = (
            "le fichier existant n’a pas été créé par l’import"
            if existing.imported is None
            else "la partie source a été modifiée à la main depuis le dernier import"
        )
        return ImportOutcome(fiche.id, target, "conflict", fiche, new_path, why)
    fiche.extra = dict(existing.extra)
    fiche.ignore = list(existing.ignore)
    changed = write_fiche(fiche, target)
    fields = [name for name in _COMPARED if getattr(existing, name) != getattr(fiche, name)]
    return ImportOutcome(
        fiche.id, target, "updated" if changed else "unchanged", fiche, changes=fields
    )


def import_export(path: Path, out_dir: Path, *, settings: Settings | None = None) -> ImportResult:
    """Import a CMS export into ``out_dir``; report created/updated/unchanged/conflict."""
    from .config import Settings as _Settings
    from .spelling import load_speller, unavailable_note

    settings = settings or _Settings()
    options = settings.importer
    size = path.stat().st_size if path.is_file() else 0
    if size > options.max_export_mb * 1e6:
        raise ExportError(
            path,
            f"the export is too large ({size / 1e6:.1f} MB; at most {options.max_export_mb:g} "
            "MB): the centre's whole CMS is well under 1 MB, so this is probably not a CMS export",
            hint="Check the file; if it really is an export, split it or raise "
            "[importer] max_export_mb in cai-falc.toml.",
        )
    source = storage.read_text(path)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(out_dir, "this is a file, not a folder", hint="Give a folder to --out.")
    notes: list[str] = []
    speller = load_speller(options.dictionary) if options.spelling else None
    if options.spelling and speller is None:
        notes.append(unavailable_note(options.dictionary))
    glossary_words = _glossary_words(settings.path("glossaries"))
    parsed = parse_export(
        source.text, export=path.name, speller=speller, glossary_words=glossary_words
    )
    notes.extend(parsed.notes)
    result = ImportResult(export=path, encoding=source.encoding, out_dir=out_dir, notes=notes)
    # Read everything, then write: a bad export above leaves the folder untouched.
    for fiche in parsed.fiches:
        fiche.path = out_dir / fiche.filename
        result.outcomes.append(_write_outcome(fiche, fiche.path))
    written = {o.path.name for o in result.outcomes}
    if out_dir.is_dir():
        result.absent = sorted(
            p
            for p in out_dir.glob("*.md")
            if not p.name.endswith(FALC_SUFFIX)
            and not p.name.startswith(".")
            and p.name not in written
        )
    return result
