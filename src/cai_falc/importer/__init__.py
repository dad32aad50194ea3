"""The CMS importer: a text export of the centre's CMS -> one fiche file per fiche.

The export is plain text: each fiche starts with a title line ``YYYY – Titre``, usually
repeated once, then the chapeau (lead), the body (paragraphs, "  • " bullets, short
sub-headings, footnote markers ``[1]``), and trailing sections: "* Légende", image
captions, "Ressources à télécharger :", "Jargon, abréviations, sigles et acronymes :",
"Sources :" and "Catégories :" with ticked (☑) and unticked (☐) boxes.

Other editors' habits are read too: "2016 - Titre", "2016 — Titre", "2016 : Titre", a
period "2015-2016 – Titre" (filed under its first year, the period kept in ``review``),
the year at the end ("Titre (2016)") or alone above the title, a repeated title retouched
or cut short, a fiche pasted without its repeated title after a wide gap, items on a
section's heading line ("Sources : …"), inline HTML, Word's bullets, "a)" and "1°" items,
Windows-1252, UTF-16, BOM, CRLF, tabs and NBSP. A title without any year cannot be filed:
that fiche is set aside with a note naming its lines.

Editorial leftovers (placeholders, questions for the editor, repeated paragraphs, a
double space where a word is missing, empty legends, images to place, misspellings,
the website's buttons and cookie banners) are never published: each becomes a
``review`` entry of the fiche and is kept out of the lead and body.

The stages, in the order they run:

- :mod:`.structure` finds the fiches and splits each into body blocks and trailer;
- :mod:`.leftovers` finds what the editors left behind;
- :mod:`.trailer` reads sources, jargon, resources, categories and cross references;
- :mod:`.parse` assembles :class:`~cai_falc.fiche.Fiche` objects (pure: text in, fiches out);
- :mod:`.files` reads the export and writes the fiche files, keeping what people added
  and never overwriting a fiche whose source part a person edited.
"""

from __future__ import annotations

from .files import STATUSES, ImportOutcome, ImportResult, import_export
from .leftovers import SPELLING_PER_PARAGRAPH, gap_is_missing_word
from .parse import ParsedExport, parse_export
from .text import SLUG_LENGTH, slugify

__all__ = [
    "SLUG_LENGTH",
    "SPELLING_PER_PARAGRAPH",
    "STATUSES",
    "ImportOutcome",
    "ImportResult",
    "ParsedExport",
    "gap_is_missing_word",
    "import_export",
    "parse_export",
    "slugify",
]
