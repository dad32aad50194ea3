"""From an export's text to fiches: pure functions, no file is read or written."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..errors import ExportError
from ..fiche import Categories, Fiche, Imported, ReviewItem, Thematiques
from ..spelling import Speller
from .leftovers import (
    Context,
    drop_inline_leftovers,
    find_cut_words,
    find_duplicates,
    find_missing_words,
    find_misspellings,
    is_cms_chrome,
    is_editor_question,
    is_placeholder,
)
from .structure import (
    Block,
    Segment,
    body_blocks,
    is_heading,
    split_export,
    title_match,
    trailer_start,
)
from .text import is_blank, norm, quote, slugify, strip_html, unescape
from .trailer import cross_references, parse_trailer

_FOOTNOTE_RE = re.compile(r"\[(\d{1,3})\]")


@dataclass
class ParsedExport:
    """The fiches found in an export, in export order, and notes on the whole export."""

    fiches: list[Fiche]
    notes: list[str] = field(default_factory=list)
    #: Fiches found but not imported (no year in the title): (export line, title).
    set_aside: list[tuple[int, str]] = field(default_factory=list)


def _markdown(blocks: Iterable[Block]) -> str:
    parts: list[str] = []
    previous = ""
    for block in blocks:
        if block.kind in ("bullet", "numbered"):
            mark = f"{block.number}." if block.kind == "numbered" else "-"
            item = f"{mark} {block.text}"
            if previous == block.kind:
                parts[-1] += f"\n{item}"
            else:
                parts.append(item)
        elif block.kind == "heading":
            parts.append(f"## {block.text}")
        else:
            parts.append(block.text)
        previous = block.kind
    return "\n\n".join(parts)


#: A footnote call pasted from a word processor: "participent¹", "« loi accueil »²".
#: Not "m²" or "km²": a call follows a word of 3 letters or more, or a closing sign.
_SUPERSCRIPT_RE = re.compile(r"(?:(?<=[^\W\d_]{3})|(?<=[»”\").]))([¹²³⁴-⁹⁰]{1,2})(?![\w¹²³⁴-⁹⁰])")
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _footnotes(text: str, refs: set[str]) -> str:
    text = _FOOTNOTE_RE.sub(r"[^\1]", text)

    def call(match: re.Match[str]) -> str:
        ref = match.group(1).translate(_SUPERSCRIPT_DIGITS)
        return f"[^{ref}]" if ref in refs else match.group()

    return _SUPERSCRIPT_RE.sub(call, text) if refs else text


def parse_fiche(
    lines: list[str], segment: Segment, *, speller: Speller | None, glossary_words: frozenset[str]
) -> Fiche:
    """One fiche from its segment of the export lines (pure)."""
    ctx = Context(speller=speller)
    body_end = trailer_start(lines, segment.content_start, segment.end)
    trailer = parse_trailer(lines, body_end, segment.end, ctx)
    ctx.skip_words = glossary_words | frozenset(
        w.lower() for term in trailer.jargon for w in re.findall(r"\w+", term)
    )
    if segment.period:
        ctx.add(
            "period",
            f"Titre daté « {segment.period} » : la fiche est classée en {segment.year} (sa "
            f"première année) et son identifiant commence par {segment.year}. La période "
            f"« {segment.period} » n’est gardée qu’ici : écrivez-la dans le texte de la fiche "
            "si elle doit paraître.",
            segment.title_index + 1,
            segment.period,
        )
    if segment.year_found:
        ctx.add(
            "title-year",
            f"Titre sans « {segment.year} – » au début : l’année {segment.year} a été trouvée "
            f"{segment.year_found}. Écrivez le titre sous la forme « {segment.year} – "
            f"{quote(segment.title, 60)} » dans le CMS.",
            segment.title_index + 1,
            segment.title,
        )
    if segment.after_gap:
        ctx.add(
            "fiche-start",
            "Fiche reconnue à son seul titre, séparé de la fiche précédente par des lignes vides "
            "(son titre n’est pas répété et la fiche précédente n’a pas de rubriques de fin). "
            "Vérifiez qu’il s’agit bien d’une nouvelle fiche et non d’un intertitre de la "
            "précédente.",
            segment.title_index + 1,
            f"{segment.period or segment.year} – {segment.title}",
        )
    if segment.variant is not None:
        ctx.add(
            "title-variant",
            f"Le titre est répété avec d’autres mots : « {quote(segment.variant[1], 120)} ». "
            f"La fiche garde le premier (« {quote(segment.title, 120)} ») : gardez un seul "
            "titre dans le CMS.",
            segment.variant[0],
            segment.variant[1],
        )
    kept: list[Block] = []
    for block in body_blocks(lines, segment.content_start, body_end):
        if is_cms_chrome(block.text):
            ctx.add(
                "cms",
                f"Élément du site web copié dans l’export : « {quote(block.text, 120)} » (bouton, "
                "lien ou bandeau de cookies). Il n’est pas repris dans la fiche.",
                block.line,
                block.text,
            )
            continue
        if is_placeholder(block.text):
            ctx.placeholder(block.text, block.line)
            continue
        if is_editor_question(block):
            ctx.question(block.text, block.line)
            continue
        kept.append(block)
    dropped = find_duplicates(kept, ctx)
    kept = [b for n, b in enumerate(kept) if n not in dropped]
    paras = [n for n, b in enumerate(kept) if b.kind == "para"]
    # The lead is the first paragraph, not a sub-heading opening the text ("Contexte
    # général"), unless the fiche has nothing else to lead with.
    lead_index = next(
        (n for n in paras if not is_heading(kept[n]) and len(kept[n].text.split()) > 1),
        paras[0] if paras else None,
    )
    for n, block in enumerate(kept):
        if n != lead_index and is_heading(block):
            block.kind = "heading"
            if title_match(block.text) is not None:
                ctx.add(
                    "title-in-body",
                    f"Ligne qui a la forme d’un titre de fiche (« {quote(block.text)} ») au milieu "
                    "du texte : si une autre fiche commence ici, séparez-les dans le CMS (le "
                    "titre d’une fiche est d’habitude répété, puis vient son texte). Sinon, "
                    "ignorez ce point : la ligne est gardée comme intertitre.",
                    block.line,
                    block.text,
                )
        find_missing_words(block, ctx)
        find_cut_words(block, ctx)
        drop_inline_leftovers(block, ctx)
        find_misspellings(block, ctx)
        block.text = _footnotes(block.text, {s.ref for s in trailer.sources})
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
    if not lead and not body:
        ctx.add(
            "empty",
            "Fiche sans texte : rien entre le titre et les rubriques de fin (ou seulement des "
            "notes de travail). Écrivez son texte dans le CMS, puis réimportez ; elle ne donne "
            "pas de dépliant utile en attendant.",
            segment.title_index + 1,
            segment.title,
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
        related=cross_references(text),
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
    lines = unescape(text).split("\n")
    html_lines: list[int] = []
    for n, line in enumerate(lines):
        lines[n], tags = strip_html(line)
        if tags:
            html_lines.append(n + 1)
    segments = split_export(lines)
    if not segments:
        raise ExportError(
            export,
            "no fiche found in the export",
            hint="Each fiche must start with a title line such as '2016 – Titre de la fiche' "
            "(year, dash, title). Is this the CMS text export?",
        )
    notes: list[str] = []
    if html_lines:
        shown = ", ".join(map(str, html_lines[:5])) + (", …" if len(html_lines) > 5 else "")
        notes.append(
            f"{export}:{html_lines[0]}: balises HTML retirées sur {len(html_lines)} ligne(s) "
            f"({shown}) : le texte est gardé, les liens gardent leur adresse entre parenthèses, "
            "<sup>1</sup> devient un appel de note. Vérifiez ces lignes."
        )
    stray = [i + 1 for i in range(segments[0].title_index) if not is_blank(lines[i])]
    if stray:
        notes.append(
            f"{export}:{stray[0]}: {len(stray)} ligne(s) avant la première fiche ne sont reprises "
            "dans aucune fiche : vérifiez le début de l’export."
        )
    yearless = [s for s in segments if s.yearless]
    for segment in yearless:
        notes.append(
            f"{export}:{segment.title_index + 1}: la fiche « {quote(segment.title, 90)} » "
            f"(lignes {segment.title_index + 1} à {segment.end}) n’a pas d’année dans son titre : "
            "elle n’est pas importée. Écrivez son titre sous la forme "
            f"« 2016 – {quote(segment.title, 60)} » dans le CMS, puis réimportez."
        )
    segments = [s for s in segments if not s.yearless]
    if not segments:
        first = yearless[0]
        raise ExportError(
            export,
            f"no fiche found: « {quote(first.title, 60)} » (line {first.title_index + 1}) "
            "looks like a fiche title, but has no year",
            line=first.title_index + 1,
            hint="Each fiche must start with a title line such as '2016 – Titre de la fiche' "
            "(year, dash, title).",
        )
    skip = frozenset(w.lower() for w in glossary_words)
    fiches: list[Fiche] = []
    first_line: dict[str, int] = {}
    titles: dict[str, tuple[int, str]] = {}
    copies: dict[str, tuple[Fiche, list[int]]] = {}
    for segment in segments:
        # Compared without blank lines and spacing: a copy pasted again is the same fiche.
        raw = "\n".join(
            norm(line) for line in lines[segment.title_index : segment.end] if not is_blank(line)
        )
        if raw in copies:
            # The same fiche pasted again, word for word: one fiche, and a note to the editor.
            copies[raw][1].append(segment.title_index + 1)
            continue
        fiche = parse_fiche(lines, segment, speller=speller, glossary_words=skip)
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
                    message=(
                        f"Titre déjà présent dans l’export (ligne {first_line[base]}) : cette "
                        f"fiche est importée sous l’identifiant {fiche.id}. Vérifiez s’il s’agit "
                        "de la même fiche et gardez-en une seule dans le CMS."
                        if titles[base] == (fiche.year, fiche.title)
                        else f"Son titre commence comme celui de la fiche de la ligne "
                        f"{first_line[base]} (« {quote(titles[base][1], 90)} ») et donnerait le "
                        f"même identifiant : elle est importée sous l’identifiant {fiche.id}. "
                        "Raccourcissez l’un des deux titres dans le CMS si vous voulez un "
                        "identifiant plus parlant."
                    ),
                    line=segment.title_index + 1,
                    text=f"{segment.period or segment.year} – {segment.title}",
                ),
            )
        first_line[fiche.id] = segment.title_index + 1
        titles[fiche.id] = (fiche.year, fiche.title)
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
    return ParsedExport(
        fiches=fiches,
        notes=notes,
        set_aside=[(s.title_index + 1, s.title) for s in yearless],
    )
