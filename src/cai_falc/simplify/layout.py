"""Layout of a draft: a clear title, short sections with plain headings, one sentence per line."""

from __future__ import annotations

import re

from .selection import Unit
from .splitting import count_words

#: A sentence that starts by saying when: "En 2013, ...", "Le 17 décembre 2018, ...".
_TIME_OPENER_RE = re.compile(
    r"^(?:En|Dès|Depuis|Fin|Début|Le \d{1,2}(?:er)? \w+|En \w+|Au cours de l'année|"
    r"Cette même année,? en) ((?:1[89]|20)\d\d)\b"
)
_YEAR_PREFIX_RE = re.compile(r"^\s*(?:1[89]|20)\d\d\s*[–—-]\s*")


def title(text: str, *, max_words: int = 10) -> str:
    """A short title: no year prefix, parentheses or subtitle after " : "; a trailing
    place ("en province de Namur") goes when the title is long."""
    text = _YEAR_PREFIX_RE.sub("", text)
    text = re.sub(r"\s*\([^()]*\)", "", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    quoted = re.match(r"^«\s*([^:»]+?)\s*(?::[^»]*)?»", text)
    if quoted:
        return quoted.group(1)  # « Engagements croisés : ... » : un projet ... -> the name
    head, sep, _ = text.partition(" : ")
    if sep and len(head.split()) >= 2 and count_words(text) > 12:
        text = head  # the subtitle goes only when the whole is too long
    words = text.split()
    if len(words) > max_words:
        for cut in range(len(words) - 1, 3, -1):
            if words[cut] in ("en", "dans", "à") and cut <= max_words and words[cut - 1] != "plus":
                return " ".join(words[:cut])
    return text


def body(units: list[Unit]) -> str:
    """The lead under "En bref", then the rest in short sections with plain headings.

    A story told with dates ("En 2013, ...") is cut in two halves, "Les débuts" and
    "Ensuite"; other texts get "Ce qu'il faut savoir". What holds for today closes the
    draft under "Aujourd'hui". Headings carry no numbers: the dates stay in the sentences.
    """
    lead = [u for u in units if u.lead]
    rest = [u for u in units if not u.lead]
    today: list[Unit] = []
    while rest and rest[-1].now:
        today.insert(0, rest.pop())
    sections: list[tuple[str, list[Unit]]] = []
    if lead:
        sections.append(("En bref", lead))
    dated = sum(1 for u in rest if _TIME_OPENER_RE.match(u.lines[0].replace("\u2019", "'")))
    size = sum(len(u.lines) for u in rest)
    if dated >= 2 and size > 5:
        half: list[Unit] = []
        count = 0
        for unit in rest:
            if count >= size / 2 and half:
                break
            half.append(unit)
            count += len(unit.lines)
        sections += [("Les débuts", half), ("Ensuite", rest[len(half) :])]
    elif rest:
        sections.append(("Les étapes" if dated >= 2 else "Ce qu'il faut savoir", rest))
    if today:
        sections.append(("Aujourd'hui", today))
    out: list[str] = []
    for heading, members in sections:
        if not members:
            continue
        if out:
            out.append("")
        out.append(f"## {heading}")
        for unit in members:
            out.extend(unit.lines)
    return "\n".join(out).replace("'", "\u2019") + "\n"
