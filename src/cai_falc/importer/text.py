"""Text helpers of the importer: whitespace, comparison keys, slugs, sentences."""

from __future__ import annotations

import html
import re
import unicodedata

#: Longest slug (without the year), cut at a word boundary.
SLUG_LENGTH = 60

#: Where a sentence ends: . ! ? … then a space and a capital, a digit or an opening quote.
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])\s+(?=[«\"“(]?\s?[A-ZÀ-ÖØ-Þ0-9])")

_WS_RE = re.compile(r"\s+")

#: Zero-width characters and soft hyphens: invisible, never part of the centre's words.
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
#: A line that only draws a rule ("-----", "*****", "_____"): layout noise, a blank line.
_RULE_RE = re.compile(r"([-_=*~])\1{2,}")
_ENTITY_RE = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")


def clean(line: str) -> str:
    """A line with invisible characters removed and its ends stripped ("" for a rule)."""
    text = _INVISIBLE_RE.sub("", line).strip()
    return "" if _RULE_RE.fullmatch(text) else text


def unescape(text: str) -> str:
    """HTML entities a CMS may leave in a text export ("&nbsp;", "&rsquo;") decoded."""
    if "&" not in text:
        return text
    return _ENTITY_RE.sub(lambda m: html.unescape(m.group()), text)


#: Inline HTML a CMS may leave in a text export: formatting tags, line breaks, links.
_TAG_RE = re.compile(
    r"</?(?:b|strong|i|em|u|s|span|font|p|div|small|mark|sub|abbr|cite|q|h[1-6]|img|figure"
    r"|figcaption|center)"
    r"(?:\s[^<>]{0,300})?\s*/?>|<br\s*/?>",
    re.IGNORECASE,
)
_SUP_RE = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>", re.IGNORECASE)
_LINK_RE = re.compile(
    r"<a\s[^<>]{0,300}?href\s*=\s*[\"']([^\"'<>]{1,500})[\"'][^<>]{0,300}>(.{0,300}?)</a>",
    re.IGNORECASE,
)


def _link(match: re.Match[str]) -> str:
    url, label = match.group(1).strip(), norm(_TAG_RE.sub("", match.group(2)))

    def bare(text: str) -> str:
        return re.sub(r"^(?:https?://)?(?:www\.)?", "", text).rstrip("/").lower()

    if url.startswith("#") or not re.match(r"(?:https?://|www\.|mailto:)", url, re.I):
        return label or url
    url = url.removeprefix("mailto:")
    if not label or bare(label) == bare(url):
        return url
    return f"{label} ({url})"


def strip_html(line: str) -> tuple[str, int]:
    """``line`` without inline HTML, and how many tags were taken out.

    "<strong>Titre</strong>" -> "Titre", "<br>" -> " ", "<sup>1</sup>" -> "[1]" (a
    footnote call), '<a href="https://x.be">le site</a>' -> "le site (https://x.be)": the
    link's address is a fact and stays. One line in, one line out: line numbers hold.
    """
    if "<" not in line:
        return line, 0
    line, sups = _SUP_RE.subn(r"[\1]", line)
    line, links = _LINK_RE.subn(_link, line)
    line, tags = _TAG_RE.subn(lambda m: " " if m.group().lower().startswith("<br") else "", line)
    return line, sups + links + tags


def norm(text: str) -> str:
    """Whitespace normalised: any run of spaces (NBSP included) becomes one space."""
    return _WS_RE.sub(" ", _INVISIBLE_RE.sub("", text)).strip()


def fold(text: str) -> str:
    """A comparison key: no accents, no case, plain apostrophes and dashes, one space."""
    text = unicodedata.normalize("NFKD", norm(text).casefold())
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


def is_blank(line: str) -> bool:
    """True for an empty line or one of spaces only (NBSP included)."""
    return not clean(line)


def quote(text: str, limit: int = 90) -> str:
    """``text`` normalised and cut to ``limit`` characters, for messages."""
    text = norm(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph (cut after . ! ? … before a capital or a digit)."""
    return [part for part in _SENTENCE_END_RE.split(text) if part]
