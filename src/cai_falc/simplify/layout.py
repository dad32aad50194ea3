"""Layout of a draft: a clear title, short sections with plain headings, one sentence per line."""

from __future__ import annotations

import re

from .selection import Unit

#: A sentence that starts by saying when: "En 2013, ...", "Le 17 décembre 2018, ...".
_TIME_OPENER_RE = re.compile(
    r"^(?:En|Dès|Depuis|Fin|Début|Le \d{1,2}(?:er)? \w+|En \w+|Au cours de l'année|"
    r"Cette même année,? en) ((?:1[89]|20)\d\d)\b"
)
_YEAR_PREFIX_RE = re.compile(r"^\s*(?:1[89]|20)\d\d\s*[–—-]\s*")


def title(text: str) -> str:
    """The fiche title without its year prefix, parentheses or final stop."""
    text = _YEAR_PREFIX_RE.sub("", text)
    text = re.sub(r"\s*\([^()]*\)", "", text)
    return re.sub(r"\s+", " ", text).strip(" .")


def _strip_year_opener(line: str, year: str) -> str:
    """ "En 2016, le décret change." under "## En 2016" -> "Le décret change."."""
    m = re.match(rf"^(?:En|Dès|Depuis|Au cours de l'année|Toujours en) {year},?\s+", line)
    if not m or line[m.end() :][:1] in ("", "."):
        return line
    rest = line[m.end() :]
    if len(rest.split()) < 3:
        return line
    return rest[:1].upper() + rest[1:]


def body(units: list[Unit]) -> str:
    """Headings and lines: "En bref" for the lead, then one section per year (or "Aujourd'hui")."""
    out: list[str] = []
    lead = [u for u in units if u.lead]
    rest = [u for u in units if not u.lead]
    if lead:
        out.append("## En bref")
        for unit in lead:
            out.extend(unit.lines)
    heading = None
    used: set[str] = set()
    for unit in rest:
        opener = _TIME_OPENER_RE.match(unit.lines[0].replace("\u2019", "'"))
        if unit.now and (unit.year is None or unit.year >= "2023"):
            new = "Aujourd'hui"
        elif opener:
            new = f"En {opener.group(1)}"
        else:
            new = heading or "Ce qu'il faut savoir"
        lines = list(unit.lines)
        if new != heading and new in used:
            new = heading or new  # a year seen before: stay in the current section
        if new != heading:
            used.add(new)
            if out:
                out.append("")
            out.append(f"## {new}")
            heading = new
            if opener and new == f"En {opener.group(1)}":
                lines[0] = _strip_year_opener(lines[0], opener.group(1))
        out.extend(lines)
    return "\n".join(out).replace("'", "\u2019") + "\n"
