"""The shape of an export: where fiches start, where their body ends, body blocks.

A fiche starts at a title line ``YYYY – Titre`` repeated on the next non-blank line, or
at any title line once the previous fiche's trailing sections began. Its body runs to
the first trailing section ("* Légende", an image caption, "Ressources à télécharger :",
"Sources :", "Catégories :"...). Every pass here is linear in the export.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import clean, fold, is_blank, norm, sentences

#: "2016 – Titre", "2016 - Titre", "2016 : Titre", and a period "2015-2016 – Titre".
_TITLE_RE = re.compile(
    r"^((?:19|20)\d\d)"
    r"(?:\s*[-–—‒―/]\s*((?:19|20)?\d\d)(?!\d))?"
    r"\s*(?:[–—‒―-]+|:)\s*(\S.*)$"
)


@dataclass
class Title:
    """A title line: its year, the period as written ("2015-2016") if any, and the title."""

    year: int
    title: str
    period: str = ""


#: An image caption: "2014 — Couv Batisseurs Inter (vignette)" or a picture file name.
_CAPTION_RE = re.compile(
    r"\((?:vignette|image|photo|illustration|visuel|logo|miniature|couverture)\)\s*$"
    r"|\.(?:jpe?g|png|gif|webp|svg|tiff?)\b",
    re.IGNORECASE,
)

#: A numbered list item: "1. ", "2) ".
_NUMBERED_RE = re.compile(r"^(\d{1,2})[.)]\s+(?=\S)")
#: A lettered list item: "a) un bilan de compétences ;", "1° les personnes…" (the mark
#: stays in the text).
_LETTERED_RE = re.compile(r"^(?:[a-h]\)|\d{1,2}°)\s+(?=\S)")
#: A bullet: "•", "–", "- ", "* ", Word's "o " second level and its Symbol-font bullets
#: pasted as private-use characters ("\uf0b7").
BULLET_RE = re.compile(r"^(?:[•◦▪▫‣∙●○■□➢➤►–—·\uf0a7\uf0b7\uf0d8\uf076\uf0fc]|[-*+o](?=\s))\s*")

END_PUNCT = tuple('.:;,!?…»)"”')


def title_match(line: str) -> Title | None:
    """The year and title of a title line, or None (captions are not titles)."""
    text = norm(line)
    if len(text) > 300 or _CAPTION_RE.search(text):
        return None
    match = _TITLE_RE.match(text)
    if match is None:
        return None
    year, end, title = int(match.group(1)), match.group(2), match.group(3)
    if end is None:
        return Title(year, title)
    last = int(end) if len(end) == 4 else year // 100 * 100 + int(end)
    spaced = " " in text[4 : match.start(2)]  # "2015-16" is a period, "2014 – 30 – …" is not
    if not year < last <= year + 30 or (len(end) == 2 and spaced):
        # "2014 – 30 – …" or "2016-2015 – …": not a period; read it as year and title.
        plain = re.match(r"^\d{4}\s*(?:[–—‒―-]+|:)\s*(\S.*)$", text)
        return Title(year, plain.group(1)) if plain else None
    period = text[: match.start(3)].rstrip(" :–—‒―-")
    return Title(year, title, norm(period))


def _words(text: str) -> str:
    return re.sub(r"\W+", "", fold(text))


def _word_set(text: str) -> set[str]:
    return set(re.findall(r"\w+", fold(text)))


def same_title(line: str, title: Title) -> bool:
    """True if ``line`` repeats the title: same year and words, whatever the case and spaces."""
    other = title_match(line)
    if other is None or other.year != title.year:
        return False
    return _words(other.title) == _words(title.title)


def title_variant(line: str, title: Title) -> bool:
    """True if ``line`` is the title again with a few words changed (same year).

    The CMS prints each title twice; an editor who retouched one of them leaves two
    versions ("… en province de Namur" / "… dans la province de Namur").
    """
    other = title_match(line)
    if other is None or other.year != title.year or other.period != title.period:
        return False
    mine, theirs = _word_set(title.title), _word_set(other.title)
    if not mine or not theirs:
        return False
    shared = len(mine & theirs)
    # Words changed ("en province" / "dans la province"), or one copy cut short.
    near = shared / len(mine | theirs) >= 0.6 or shared / min(len(mine), len(theirs)) >= 0.9
    return shared >= 2 and near


def is_caption(line: str) -> bool:
    """True for an image caption line such as "2014 — Couv Batisseurs Inter (vignette)"."""
    if len(line) > 300:
        return False
    text = norm(line)
    found = _CAPTION_RE.search(text)
    if found is None or len(text) >= 200 or text.startswith("*"):
        return False
    if found.group().startswith("("):
        return True
    # A picture's file name ("atelier_2019.jpg"), not a sentence that names one.
    return len(text.split()) <= 12 and not text.endswith((".", "!", "?", ";", ":"))


_SECTION_KEYS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"^ressources(?: a telecharger)?$|^telechargements?$|^documents? a telecharger$"
            r"|^documents?$"
        ),
        "resources",
    ),
    # "Jargon, abréviations, sigles et acronymes", "Glossaire", "Sigles et abréviations" —
    # not "Glossaire des termes de l'asile", a sub-heading of the body.
    (
        re.compile(
            r"^jargon\b.*$"
            r"|^(?:glossaire|lexique|abreviations?|sigles?|acronymes?)"
            r"(?:\s*(?:,|et)?\s*(?:abreviations?|sigles?|acronymes?|jargon))*$"
        ),
        "jargon",
    ),
    (re.compile(r"^(?:sources?|notes?|references?|bibliographie)$"), "sources"),
    (re.compile(r"^categories?$"), "categories"),
    (re.compile(r"^axes?(?: strategiques?)?(?: d'intervention)?$"), "axes"),
    (re.compile(r"^thematiques?(?: traversees? par l'activite)?$"), "thematiques"),
    (re.compile(r"^generales?$"), "generales"),
    (re.compile(r"^specifiques?$"), "specifiques"),
]

#: Headings that may carry their section's first item on the same line ("Sources : Rapport
#: d’activités 2012", "Jargon, abréviations… : CPAS (…)"); not "Notes :" or "Documents :",
#: which open sentences of a body too.
_INLINE_HEAD_RE = re.compile(
    r"^(?:ressources a telecharger|telechargements?|jargon\b.*|glossaire|lexique"
    r"|sources?|references?|bibliographie)$"
)


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


def _section_name(head: str) -> str | None:
    text = fold(head)
    if not text or len(text) > 80:
        return None
    text = text.rstrip(" :").strip()
    for pattern, name in _SECTION_KEYS:
        if pattern.match(text):
            return name
    return None


def section_heading(line: str) -> tuple[str, str] | None:
    """(section, item on the same line) for a trailing-section heading, or None.

    "Sources :" -> ("sources", ""); "Sources : Rapport 2012, p. 8." -> ("sources",
    "Rapport 2012, p. 8."): the item is the section's first one, not to be lost.
    """
    if len(line) > 300:
        return None
    text = norm(line)
    head, colon, rest = text.partition(":")
    if colon and rest.strip(" :"):
        name = _section_name(head)
        if name is not None and _INLINE_HEAD_RE.match(fold(head).strip()):
            return name, rest.strip()
    if len(line) > 120:
        return None
    name = _section_name(text)
    return (name, "") if name is not None else None


def section_of(line: str) -> str | None:
    """The trailing section a heading line opens ("Sources :" -> "sources"), or None."""
    found = section_heading(line)
    return found[0] if found else None


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
    #: The period as written in the title ("2015-2016"), when it names more than a year.
    period: str = ""
    #: The repeated title line when an editor changed its words: (1-based line, text).
    variant: tuple[int, str] | None = None
    #: A title repeated without any year: a fiche the export cannot file (set aside).
    yearless: bool = False
    #: Where the year of a title printed without "YYYY – " was found ("à la fin du titre").
    year_found: str = ""
    #: Opened by a title set apart by blank lines, right after a fiche with no trailer.
    after_gap: bool = False


def _next_nonblank(lines: list[str]) -> list[int]:
    """For each index, the index of the next non-blank line after it (len(lines) if none)."""
    out = [len(lines)] * len(lines)
    following = len(lines)
    for i in range(len(lines) - 1, -1, -1):
        out[i] = following
        if not is_blank(lines[i]):
            following = i
    return out


#: A box of the categories: "☑ Accompagnement", "☐ Logement", "[x] Santé", "? Santé" (lost).
_BOX_RE = re.compile(r"^(?:[☑☒✅✔✓☐□❏]|\[[ xX]?\]|\([ xX]\)|\?\s)")


def is_trailer_line(line: str) -> bool:
    """A section heading, a legend, an image caption or a category box."""
    text = norm(line)
    return bool(
        section_of(text) or is_empty_legend(text) or is_caption(text) or _BOX_RE.match(text)
    )


def _opens_text(line: str) -> bool:
    """Could ``line`` be the first line of a fiche's text (a lead or a sub-heading)?

    After a fiche's trailing sections, a title line opens the next fiche only when text
    follows: "2007 – Loi du 12 janvier 2007 …" followed by "Catégories :" is a source.
    """
    text = norm(line)
    if not text or is_trailer_line(text) or title_match(text) is not None:
        return False
    return not BULLET_RE.match(text) and not text.startswith(("[", "("))


#: A year at the end of a title instead of its start: "Titre (2016)", "Titre – 2016".
_LATE_YEAR_RE = re.compile(r"^(.*?\S)\s*(?:[–—‒―-]\s*|\(\s*)((?:19|20)\d\d)\s*\)?$")
_BARE_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")


def _yearless_title(lines: list[str], i: int, nxt: int) -> bool:
    """A line printed twice, as the CMS prints titles, but with no year: "Accueil des MENA"."""
    if nxt >= len(lines):
        return False
    text, again = norm(lines[i]), norm(lines[nxt])
    if not 2 <= len(text.split()) <= 30 or text.endswith((".", ";", ",", ":")):
        return False
    if is_trailer_line(text) or BULLET_RE.match(text) or not text[:1].isupper():
        return False
    if _words(text) != _words(again) or not _words(text):
        return False
    body = _next_nonblank(lines[nxt : nxt + 50])  # the text after it, within a few lines
    return bool(body) and body[0] < len(body) and _opens_text(lines[nxt + body[0]])


#: Blank lines that set two fiches apart in the export (the seed has 6 or 7 between
#: fiches, at most 3 between paragraphs of a fiche).
_FICHE_GAP = 4


def split_export(lines: list[str]) -> list[Segment]:
    """Find where each fiche starts: a title line repeated, or after the previous trailer."""
    following = _next_nonblank(lines)
    segments: list[Segment] = []
    in_trailer = True  # before the first fiche, any title line opens one
    blanks = 0  # blank lines right before line i: fiches are set apart by a few
    last: int | None = None  # the last non-blank line
    previous: int | None = None  # the non-blank line before line i
    i = 0
    while i < len(lines):
        line = lines[i]
        if is_blank(line):
            blanks += 1
            i += 1
            continue
        apart, blanks = blanks >= _FICHE_GAP, 0
        previous, last = last, i
        match = title_match(line)
        nxt = following[i]
        if match is not None:
            after = lines[nxt] if nxt < len(lines) else ""
            repeated = nxt < len(lines) and (
                same_title(after, match)
                or (len(after) < 400 and _words(after) == _words(match.title))
            )
            # Inside a body, "2015 – Ouverture du centre de Belgrade." then "2015 – Ouverture
            # du centre de Sugny." are a chronology: a retouched title only opens a fiche where
            # one may start.
            variant = (
                not repeated
                and (in_trailer or apart)
                and nxt < len(lines)
                and title_variant(after, match)
            )
            if repeated or variant or ((in_trailer or apart) and _opens_text(after)):
                if segments:
                    segments[-1].end = i
                twice = repeated or variant
                content = following[nxt] if twice else nxt
                segments.append(
                    Segment(
                        year=match.year,
                        title=norm(match.title),
                        title_index=i,
                        content_start=min(content, len(lines)),
                        end=len(lines),
                        period=match.period,
                        variant=(nxt + 1, norm(after)) if variant else None,
                        # Found by the gap alone: the previous fiche had no trailing sections.
                        after_gap=bool(segments) and not twice and not in_trailer,
                    )
                )
                in_trailer = False
                if twice:
                    last, i = nxt, nxt + 1
                else:
                    i += 1
                continue
        elif (in_trailer or apart) and _yearless_title(lines, i, nxt):
            year, title, start, found = 0, norm(line), i, ""
            late = _LATE_YEAR_RE.match(title)
            above = norm(lines[previous]) if previous is not None else ""
            if late is not None:  # "Accueil des MENA (2016)", "Accueil des MENA – 2016"
                year, title, found = int(late.group(2)), late.group(1), "à la fin du titre"
            elif (
                previous is not None
                and _BARE_YEAR_RE.match(above)
                and (not segments or segments[-1].title_index < previous)
            ):  # "2016" alone on the line above the title
                year, start, found = int(above), previous, f"seule sur la ligne {previous + 1}"
            if segments:
                segments[-1].end = start
            segments.append(
                Segment(
                    year=year,
                    title=title,
                    title_index=i,
                    content_start=min(following[nxt], len(lines)),
                    end=len(lines),
                    yearless=not year,
                    year_found=found,
                )
            )
            in_trailer = False
            last, i = nxt, nxt + 1
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
        elif _LETTERED_RE.match(text):
            current = Block("bullet", [(i + 1, text)])
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
    words = text.split()
    if len(words) == 1:  # "CONTEXTE", "TÉMOIGNAGE": a heading in capitals
        letters = [c for c in text if c.isalpha()]
        return len(letters) >= 5 and all(c.isupper() for c in letters)
    return 2 <= len(words) <= 14


#: The headings the CMS itself prints after every fiche (folded, without the colon).
_STRICT_HEADINGS = frozenset(
    [
        "ressources a telecharger",
        "sources",
        "categories",
        "axes strategiques d'intervention",
        "thematiques traversees par l'activite",
        "generales",
        "specifiques",
    ]
)


def _strict_heading(line: str) -> bool:
    """A heading the CMS prints itself ("Catégories :"), a legend or a caption: the trailer.

    Other section names ("Notes", "Glossaire", "Source : Myria, 2019.") may be an editor's
    sub-heading or sentence in the body, when paragraphs follow them.
    """
    text = fold(line).rstrip(" :").strip()
    if text in _STRICT_HEADINGS or re.match(r"jargon, abreviations\b", text):
        return True
    return is_empty_legend(line) or is_caption(line)


def _is_prose(line: str) -> bool:
    """A paragraph of sentences: never part of the trailing sections."""
    text = clean(line)
    if len(text) < 150 or is_trailer_line(text) or BULLET_RE.match(text):
        return False
    if text.startswith(("[", "(")) or _NUMBERED_RE.match(text) or title_match(text):
        return False
    return len(sentences(text)) >= 2


def trailer_start(lines: list[str], start: int, end: int) -> int:
    """Index of the first line after the body (end if the fiche has no trailing section)."""
    first = end
    for i in range(start, end):
        text = lines[i]
        if is_blank(text):
            continue
        if first == end:
            if section_of(text) or is_empty_legend(text) or is_caption(text):
                first = i
                if _strict_heading(text):
                    break
        elif _is_prose(text):
            # "Source : Myria, 2019." or "Notes" followed by paragraphs: the body goes on.
            first = end
        elif _strict_heading(text):
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
        block = [clean(line) for line in lines[i + 1 : top + 1]]
        # ... but not a "* " list: "* un point\n* un autre point" is the body's.
        starred = sum(1 for line in block if line.startswith("* "))
        if top >= start and block[0].startswith("* ") and starred == 1:
            first = i + 1
    return first
