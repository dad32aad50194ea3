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
