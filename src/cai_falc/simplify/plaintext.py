"""A plain French text (a letter, a notice, an article) read as title, lead and body.

Fiches come with their title and lead already apart. Any other text is cut here: the
frame of a letter (letterhead, address, place and date, references, salutation, closing
formula, signatures) says nothing a reader must know and is set aside; its "Objet :"
line is the best title there is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_PARAGRAPH_RE = re.compile(r"\n\s*\n")
_SALUTATION_RE = re.compile(
    r"^(?:(?:Chère|Cher|Chères|Chers)\s+[^,\n]{1,40}|Madame|Monsieur|Mesdames|Messieurs|"
    r"Madame,?\s+Monsieur|Mesdames,?\s+Messieurs|Bonjour|Bonsoir)\s*,?\s*$",
    re.IGNORECASE,
)
#: Closing formulas: the letter's content ends before them (signatures follow).
_CLOSING_RE = re.compile(
    r"\b(?:veuillez\s+agréer|(?:nous|je)\s+vous\s+prions?\s+d['’]agréer|"
    r"l['’]expression\s+de\s+(?:nos|mes)\s+(?:salutations|sentiments)|"
    r"salutations\s+distinguées|sentiments\s+les\s+meilleurs|"
    r"^(?:cordialement|bien\s+à\s+vous|bien\s+cordialement|respectueusement)\b)",
    re.IGNORECASE,
)
_SUBJECT_RE = re.compile(r"^\s*(?:Objet|Concerne)\s*:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)
_SENTENCE_END_RE = re.compile(r"[.!?…»\"]\s*$")


@dataclass
class PlainText:
    """A text cut for the simplifier, and what was set aside (shown in the trace)."""

    title: str
    lead: str
    body: str
    set_aside: list[str] = field(default_factory=list)


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a text (blank lines between them), empty ones left out."""
    return [p for p in _PARAGRAPH_RE.split(text) if p.strip()]


def _is_frame(paragraph: str) -> bool:
    """Letterhead, address, "Namur, le 12 février 2025", "Nos réf. : ...": short lines,
    none ending like a sentence."""
    lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
    if not lines:
        return True
    if lines[0].startswith(("- ", "* ", "• ")) or re.match(r"\d+[.)]\s", lines[0]):
        return False  # a list is content
    return all(len(line.split()) <= 12 and not _SENTENCE_END_RE.search(line) for line in lines)


def _is_heading(paragraph: str) -> bool:
    """A one-line paragraph that names a section: "Quand se faire vacciner ?",
    "Effets secondaires"."""
    line = paragraph.strip()
    return "\n" not in line and len(line.split()) <= 8 and not re.search(r"[.:;!…]$", line)


def read(text: str, *, default_title: str = "Texte facile à lire") -> PlainText:
    """Title, lead and body of a plain text (first short line without a stop = title)."""
    text = text.strip().replace("\r\n", "\n").replace("\r", "\n")
    first, _, rest = text.partition("\n")
    if rest.strip() and len(first.split()) <= 15 and not first.rstrip().endswith((".", ":", ";")):
        title, body = first.strip().lstrip("# ").strip(), rest.strip()
    else:
        title, body = default_title, text
    aside: list[str] = []
    subject = _SUBJECT_RE.search(body)
    kept: list[str] = []
    started = closed = False
    for paragraph in paragraphs(body):
        plain = paragraph.strip()
        if closed or _SALUTATION_RE.match(plain):
            aside.append(plain)  # after the closing formula: signatures, copies...
            continue
        if subject is not None and subject.group(0).strip() == plain:
            aside.append(plain)
            continue
        if started and _CLOSING_RE.search(plain) and len(plain.split()) <= 30:
            aside.append(plain)
            closed = True
            continue
        if not started and _is_frame(plain):
            aside.append(plain)
            continue
        if _is_heading(plain):
            continue  # "Qui doit se faire vacciner ?": its section follows
        started = True
        kept.append(paragraph)
    if subject is not None:
        title = subject.group(1).rstrip(" .")
    if not kept:
        kept = paragraphs(body)
    lead = kept[0]
    return PlainText(title, lead, "\n\n".join(kept[1:]), aside)
