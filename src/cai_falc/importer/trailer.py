"""The sections after a fiche's body: legend, images, resources, jargon, sources, boxes.

Also the cross references ("(Cf. Fiche 38 – Modification Code nationalité)") found
anywhere in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..fiche import Related, Resource, Source
from .leftovers import Context, is_cms_chrome, is_placeholder
from .structure import BULLET_RE, SECTION_LABELS, is_caption, is_empty_legend, section_heading
from .text import clean, norm, quote

_TICKED = ("☑", "☒", "✅", "✔", "✓", "[x]", "[X]", "(x)")

_UNTICKED = ("☐", "□", "❏", "[ ]", "[]", "( )")

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


@dataclass
class Trailer:
    """What the trailing sections of one fiche hold (only the ticked boxes)."""

    sources: list[Source] = field(default_factory=list)
    jargon: dict[str, str] = field(default_factory=dict)
    resources: list[Resource] = field(default_factory=list)
    axes: list[str] = field(default_factory=list)
    generales: list[str] = field(default_factory=list)
    specifiques: list[str] = field(default_factory=list)


#: "☑ Accompagnement" saved as Windows-1252 becomes "? Accompagnement": the box is lost.
_LOST_BOX_RE = re.compile(r"^\?\s+(?=\w)")


def _checkbox(text: str) -> tuple[bool | None, str]:
    """(True, label) for a ticked box, (False, label) for an unticked one, (None, text)."""
    for mark in _TICKED:
        if text.startswith(mark):
            return True, norm(text[len(mark) :])
    for mark in _UNTICKED:
        if text.startswith(mark):
            return False, norm(text[len(mark) :])
    return None, text


def _jargon_item(text: str) -> tuple[str, str]:
    match = re.match(r"^(.+?)\s*[:=](?!//)\s*(.+)$", text) or re.match(
        r"^(.+?)\s+[–—-]\s+(.+)$", text
    )
    if match:
        return norm(match.group(1)), norm(match.group(2))
    match = re.match(r"^(.+?)\s*\((.+)\)\s*\.?$", text)
    if match:
        return norm(match.group(1)), norm(match.group(2))
    return norm(text), ""


def _resource_item(text: str) -> Resource:
    url = _URL_RE.search(text)
    if url is None:
        return Resource(label=norm(text))
    rest = re.sub(r"\(\s*\)|\[\s*\]", " ", text[: url.start()] + text[url.end() :])
    label = norm(rest).strip(" :–—-")
    return Resource(label=label or url.group(), url=url.group())


#: Where a line of several boxes splits: "☑ Accompagnement ☐ Interpellation ☑ Travail en réseau".
_BOX_SPLIT_RE = re.compile(r"\s+(?=[☑☒☐□✅✔✓]\s*\w)")


def _items(lines: list[str], start: int, end: int) -> list[tuple[int, str]]:
    """The non-blank lines (1-based number, text), a line of several boxes split in boxes."""
    out: list[tuple[int, str]] = []
    for i in range(start, end):
        text = clean(lines[i])
        if not text:
            continue
        if text.startswith(("☑", "☒", "☐", "□", "✅", "✔", "✓")):
            out.extend((i + 1, part) for part in _BOX_SPLIT_RE.split(text) if part)
        else:
            out.append((i + 1, text))
    return out


def parse_trailer(lines: list[str], start: int, end: int, ctx: Context) -> Trailer:
    """Parse the sections after the body: legend, images, resources, jargon, sources, boxes."""
    out = Trailer()
    section = "legend"
    caption: tuple[int, str] | None = None
    lost_boxes = False
    last_term: tuple[str, int] | None = None  # the last jargon bullet and its line
    for number, text in _items(lines, start, end):
        heading = section_heading(text)
        if heading is not None:
            section, text = heading
            if not text:
                continue
            # "Sources : Rapport 2012, p. 8.": the heading's first item, read as the others.
        if is_cms_chrome(text):
            ctx.add(
                "cms",
                f"Élément du site web copié dans l’export : « {quote(text, 120)} » (bouton, lien "
                "ou bandeau de cookies). Il n’est pas repris dans la fiche.",
                number,
                norm(text),
            )
            continue
        if is_empty_legend(text):
            ctx.add(
                "legend",
                "Légende vide (« * Légende ») : écrivez la légende de l’image dans le CMS, ou "
                "supprimez la ligne.",
                number,
                norm(text),
            )
            continue
        if is_caption(text):
            caption = (number, norm(text))
            ctx.add(
                "image",
                f"Image à placer : « {norm(text)} ». Ajoutez l’image avec sa légende là où elle "
                "doit paraître ; cette ligne n’est pas reprise dans le texte.",
                number,
                norm(text),
            )
            section = "legend"
            continue
        bullet = BULLET_RE.match(text)
        item = norm(text[bullet.end() :] if bullet else text)
        label = SECTION_LABELS.get(section, section)
        if section == "legend":
            where = (
                f"de l’image « {caption[1]} » (ligne {caption[0]})" if caption else "d’une image"
            )
            ctx.add(
                "legend",
                f"Légende {where} : « {quote(item, 120)} ». Placez-la sous l’image ; elle n’est "
                "pas reprise dans le texte.",
                number,
                item,
            )
            continue
        if is_placeholder(item):
            ctx.placeholder(item, number, where=f"sous « {label} »")
            continue
        ticked, box_label = _checkbox(item)
        boxes = section in ("categories", "axes", "thematiques", "generales", "specifiques")
        if boxes and ticked is None and _LOST_BOX_RE.match(item):
            # The export shows ticked boxes (the seed has no other kind): keep the category,
            # and tell the editor once that the marks were lost.
            ticked, box_label = True, norm(item[1:])
            if not lost_boxes:
                ctx.add(
                    "encoding",
                    f"Cases à cocher illisibles (« {quote(item, 40)} ») : l’export a été "
                    "enregistré dans un encodage qui ne connaît pas ☑ et ☐. Ces catégories sont "
                    "reprises comme cochées : vérifiez-les, ou exportez en UTF-8.",
                    number,
                    item,
                )
            lost_boxes = True
        if boxes:
            if ticked is None:
                ctx.add(
                    "unclassified",
                    f"Ligne sans case à cocher sous « {label} » : « {quote(item)} ». Vérifiez-la "
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
                out.sources.append(Source(ref=ref, text=norm(match.group(4))))
            else:
                out.sources.append(Source(ref=str(len(out.sources) + 1), text=item))
        elif section == "jargon":
            if bullet is None and last_term is not None and last_term[1] == number - 1:
                # A definition going on under its bullet ("  • CRI : …" then its next line).
                term = last_term[0]
                out.jargon[term] = norm(f"{out.jargon[term]} {item}")
                last_term = (term, number)
                continue
            raw = (text[bullet.end() :] if bullet else text).strip()
            if "\t" in raw:  # "CPAS<tab>Centre public d’action sociale", a table pasted
                term, _, meaning = (norm(part) for part in raw.partition("\t"))
            else:
                term, meaning = _jargon_item(item)
            if len(term) > 80 or len(term.split()) > 8:
                # A sentence is not a term: the "Mots difficiles" box would print it whole.
                ctx.add(
                    "unclassified",
                    f"Ligne sous « {label} » qui n’est pas un terme suivi de sa définition : "
                    f"« {quote(item)} ». Vérifiez-la dans le CMS (écrivez « TERME : "
                    "définition ») ; elle n’est pas reprise.",
                    number,
                    item,
                )
                continue
            if term not in out.jargon:
                out.jargon[term] = meaning
                last_term = (term, number) if bullet is not None else None
            elif meaning and norm(meaning) != norm(out.jargon[term]):
                ctx.add(
                    "jargon",
                    f"« {term} » est défini deux fois sous « {label} » : la fiche garde "
                    f"« {quote(out.jargon[term], 80)} », pas « {quote(meaning, 80)} ». Gardez une "
                    "seule définition dans le CMS.",
                    number,
                    item,
                )
        elif section == "resources":
            out.resources.append(_resource_item(item))
    return out


def cross_references(text: str) -> list[Related]:
    """Cross references such as "(Cf. Fiche 38 – Modification Code nationalité)"."""
    out: list[Related] = []
    seen: set[int] = set()
    for ref in _XREF_RE.finditer(text):
        for item in _XREF_ITEM_RE.finditer(ref.group(1)):
            number = int(item.group(1))
            label = norm(item.group(2)).strip(" .,;:–—-")
            if number not in seen:
                seen.add(number)
                out.append(Related(number=number, label=label))
    return out
