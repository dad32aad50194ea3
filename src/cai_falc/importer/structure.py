"""The shape of an export: where fiches start, where their body ends, body blocks.

A fiche starts at a title line ``YYYY – Titre`` repeated on the next non-blank line, or
at any title line once the previous fiche's trailing sections began. Its body runs to
the first trailing section ("* Légende", an image caption, "Ressources à télécharger :",
"Sources :", "Catégories :"...). Every pass here is linear in the export.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import clean, fold, is_blank, norm

_TITLE_RE = re.compile(r"^((?:1[89]|20)\d\d)\s*[–—‒―-]+\s*(\S.*)$")

#: An image caption: "2014 — Couv Batisseurs Inter (vignette)" or a picture file name.
_CAPTION_RE = re.compile(
    r"\((?:vignette|image|photo|illustration|visuel|logo|miniature|couverture)\)\s*$"
    r"|\.(?:jpe?g|png|gif|webp|svg|tiff?)\b",
    re.IGNORECASE,
)

#: A numbered list item: "1. ", "2) ".
_NUMBERED_RE = re.compile(r"^(\d{1,2})[.)]\s+(?=\S)")
BULLET_RE = re.compile(r"^(?:[•◦▪▫‣∙●○■□➢➤►–—]|[-*+](?=\s))\s*")

END_PUNCT = tuple('.:;,!?…»)"”')


def title_match(line: str) -> re.Match[str] | None:
    """The (year, title) match of a title line, or None (captions are not titles)."""
    text = norm(line)
    if len(text) > 300 or _CAPTION_RE.search(text):
        return None
    return _TITLE_RE.match(text)


def _words(text: str) -> str:
    return re.sub(r"\W+", "", fold(text))


def same_title(line: str, title: re.Match[str]) -> bool:
    """True if ``line`` repeats the title: same year and words, whatever the case and spaces."""
    other = title_match(line)
    if other is None or other.group(1) != title.group(1):
        return False
    return _words(other.group(2)) == _words(title.group(2))


def is_caption(line: str) -> bool:
    """True for an image caption line such as "2014 — Couv Batisseurs Inter (vignette)"."""
    if len(line) > 300:
        return False
    text = norm(line)
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

SECTION_LABELS = {
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


def section_of(line: str) -> str | None:
    """The trailing section a heading line opens ("Sources :" -> "sources"), or None."""
    if len(line) > 120:
        return None
    text = fold(line)
    if not text or len(text) > 80:
        return None
    text = text.rstrip(" :").strip()
    for pattern, name in _SECTION_KEYS:
        if pattern.match(text):
            return name
    return None


def is_empty_legend(line: str) -> bool:
    """True for the empty legend line "* Légende"."""
    if len(line) > 40:
        return False
    return bool(re.match(r"^\*?\s*l[ée]gende\s*:?\s*$", norm(line), re.IGNORECASE))


@dataclass
class Segment:
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
        if not is_blank(lines[i]):
            following = i
    return out


def split_export(lines: list[str]) -> list[Segment]:
    """Find where each fiche starts: a title line repeated, or after the previous trailer."""
    following = _next_nonblank(lines)
    segments: list[Segment] = []
    in_trailer = True  # before the first fiche, any title line opens one
    i = 0
    while i < len(lines):
        line = lines[i]
        if is_blank(line):
            i += 1
            continue
        match = title_match(line)
        if match is not None:
            nxt = following[i]
            repeated = nxt < len(lines) and (
                same_title(lines[nxt], match)
                or (len(lines[nxt]) < 400 and _words(lines[nxt]) == _words(match.group(2)))
            )
            if repeated or in_trailer:
                if segments:
                    segments[-1].end = i
                content = following[nxt] if repeated else nxt
                segments.append(
                    Segment(
                        year=int(match.group(1)),
                        title=norm(match.group(2)),
                        title_index=i,
                        content_start=min(content, len(lines)),
                        end=len(lines),
                    )
                )
                in_trailer = False
                i = (nxt + 1) if repeated else (i + 1)
                continue
        if section_of(line) or is_empty_legend(line) or is_caption(line):
            in_trailer = True
        i += 1
    return segments


@dataclass
class Block:
    """A paragraph, bullet or heading of the body, with the export lines it came from."""

    kind: str  # "para" | "bullet" | "numbered" | "heading"
    lines: list[tuple[int, str]]  # (1-based export line, cleaned line)
    text: str = ""
    #: The item number of a numbered list item ("2. Deuxième étape").
    number: int = 0

    @property
    def line(self) -> int:
        """The export line where the block starts."""
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


def body_blocks(lines: list[str], start: int, end: int) -> list[Block]:
    """Group body lines into paragraphs and bullets (blank lines separate paragraphs)."""
    blocks: list[Block] = []
    current: Block | None = None
    for i in range(start, end):
        text = clean(lines[i])
        if not text:
            current = None
            continue
        bullet = BULLET_RE.match(text)
        numbered = _NUMBERED_RE.match(text)
        if bullet and len(text) > bullet.end():
            current = Block("bullet", [(i + 1, text[bullet.end() :].strip())])
            blocks.append(current)
        elif numbered:
            current = Block("numbered", [(i + 1, text[numbered.end() :])], number=int(numbered[1]))
            blocks.append(current)
        elif current is not None and (
            current.kind == "para"
            or not current.lines[-1][1].endswith(END_PUNCT)
            or text[:1].islower()
        ):
            current.lines.append((i + 1, text))
        else:
            current = Block("para", [(i + 1, text)])
            blocks.append(current)
    for block in blocks:
        block.text = norm(_join_lines([t for _, t in block.lines]))
    return blocks


def is_heading(block: Block) -> bool:
    """A short stand-alone line without final punctuation: a sub-heading."""
    text = block.text
    if block.kind != "para" or len(block.lines) != 1 or len(text) > 120:
        return False
    if text.endswith(END_PUNCT) or not (text[:1].isupper() or text[:1].isdigit()):
        return False
    return 2 <= len(text.split()) <= 14


def trailer_start(lines: list[str], start: int, end: int) -> int:
    """Index of the first line after the body (end if the fiche has no trailing section)."""
    first = end
    for i in range(start, end):
        text = lines[i]
        if is_blank(text):
            continue
        if section_of(text) or is_empty_legend(text) or is_caption(text):
            first = i
            break
    # A filled legend ("* Centre d’Action ... 40 p.") in place of "* Légende": one "* "
    # paragraph right before the first section heading belongs to the trailer.
    if first < end and section_of(lines[first]):
        i = first - 1
        while i >= start and is_blank(lines[i]):
            i -= 1
        top = i
        while i >= start and not is_blank(lines[i]):
            i -= 1
        if top >= start and clean(lines[i + 1]).startswith("* "):
            first = i + 1
    return first
