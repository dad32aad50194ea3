"""Quality figures of the simplifier on the project's fiches (issue 4).

Usage: .venv/bin/python bench/simplify.py [--show] [--pages] [FICHE-ID ...]

For each fiche: words per sentence, Kandel-Moles, LIX and rare-word share of the
source and of its FALC draft, the checker's errors on the draft, its facts (and how
many the source does not support: must be 0), and its number of lines. Drafts are
made in memory; nothing in the project is written. With --pages, each draft's French
A5 leaflet is rendered in memory too and its pages counted (slow: about 1 s a fiche).
SARI is not computed: no public French simplification corpus with references is
available offline here (see the report of issue 4).
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cai_falc import check, config, facts, fiche, french, glossary, metrics, simplify  # noqa: E402


def _fmt(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _leaflet_pages(item: fiche.Fiche, falc: fiche.FalcText, settings: config.Settings) -> int:
    """Pages of the French A5 leaflet of a draft, rendered in memory."""
    import io

    from pypdf import PdfReader

    from cai_falc import render

    page = render.page_for(item, falc, settings=settings)
    return len(PdfReader(io.BytesIO(render.Renderer(settings).leaflet_pdf(page))).pages)


_INITIALISM = re.compile(r"^[A-Z]{2,3}$")


def spelled_kandel_moles(m: metrics.Metrics, text: str) -> float | None:
    """Kandel-Moles with short acronyms read letter by letter (« CAI »: cé-a-i, 3 syllables).

    The checker counts syllables from Lexique, or vowel groups for unknown words, as
    textstat and pyphen do: « CAI » is one syllable there. Read aloud it is three, and the
    drafts name the CAI in most lines, so this figure shows how much the usual count
    flatters them. Reported beside the checker's figure, never instead of it.
    """
    if m.kandel_moles is None or not m.words:
        return None
    extra = 0
    for sentence in french.sentences(text):
        for token in sentence.tokens:
            if metrics.is_reader_word(token) and _INITIALISM.match(token.text):
                extra += len(token.text) - french.syllables(token.text)
    return m.kandel_moles - 73.6 * extra / m.words


def main(argv: list[str]) -> int:
    show = "--show" in argv
    pages = "--pages" in argv
    wanted = [a for a in argv if not a.startswith("--")]
    settings = config.load(ROOT)
    terms = glossary.load(settings.path("glossaries"))
    found = fiche.load_folder(settings.path("fiches"))
    rows = []
    spelled: list[float | None] = []
    textstat_km: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for item in found.fiches:
            if wanted and not any(w in item.id for w in wanted):
                continue
            draft = simplify.simplify_fiche(item, glossary=terms, settings=settings.simplify)
            # The checker reads a FALC file beside its fiche, as 'cai-falc check' does.
            fiche_file = Path(tmp) / item.filename
            falc_file = Path(tmp) / item.falc_filename
            fiche.write_fiche(item, fiche_file)
            fiche.write_falc(draft.falc, falc_file)
            result = check.check_document(
                check.read_document(falc_file), settings=settings, glossary=terms
            )
            source = metrics.measure(item.text(), lang="fr")
            falc = result.metrics
            errors = [f for f in result.findings if f.severity == "error"]
            draft_text = draft.falc.title + "\n" + draft.falc.body
            draft_facts = facts.extract(draft_text)
            bad = facts.unsupported_facts(draft_text, source=item.text(), glossary=terms)
            lines = [b for b in draft.falc.blocks() if b.kind != "heading"]
            n_pages = _leaflet_pages(item, draft.falc, settings) if pages else None
            spelled.append(spelled_kandel_moles(falc, draft.falc.body))
            textstat_km.append(
                (
                    metrics.textstat_kandel_moles(item.text()),
                    metrics.textstat_kandel_moles(draft.falc.body),
                )
            )
            rows.append(
                (
                    item.id[:38], source, falc, len(errors), len(draft_facts), len(bad),
                    len(lines), n_pages,
                )
            )
            if show:
                print(f"# {draft.falc.title}\n{draft.falc.body}")
                print("Mots difficiles:", ", ".join(draft.falc.words))
                for finding in result.findings:
                    if finding.severity != "info":
                        print(
                            f"  {finding.line}:{finding.col} {finding.rule} ({finding.severity}) "
                            f"{finding.message} «{finding.text}»"
                        )
                for fact in bad:
                    print(f"  FAIT NON SOUTENU: {fact.kind} «{fact.text}»")
                print()
    head = (
        f"{'fiche':38} {'mots/phr':>11} {'max':>7} {'Kandel-Moles':>13} {'LIX':>11} "
        f"{'rares %':>9} {'err':>4} {'faits':>5} {'inv.':>4} {'lignes':>6} {'pages':>5}"
    )
    print(head)
    print("-" * len(head))
    for name, src, out, n_errors, n_facts, n_bad, n_lines, n_pages in rows:
        print(
            f"{name:38} {_fmt(src.words_per_sentence):>5}→{_fmt(out.words_per_sentence):<5} "
            f"{src.words_per_sentence_max:>3}→{out.words_per_sentence_max:<3} "
            f"{_fmt(src.kandel_moles, 0):>6}→{_fmt(out.kandel_moles, 0):<6} "
            f"{_fmt(src.lix, 0):>5}→{_fmt(out.lix, 0):<5} "
            f"{_fmt(100 * (src.rare_words or 0), 0):>4}→{_fmt(100 * (out.rare_words or 0), 0):<4} "
            f"{n_errors:>4} {n_facts:>5} {n_bad:>4} {n_lines:>6} "
            f"{'-' if n_pages is None else n_pages:>5}"
        )
    if rows:
        n = len(rows)
        mean_wps = sum(r[2].words_per_sentence for r in rows) / n
        mean_km = sum(r[2].kandel_moles or 0 for r in rows) / n
        src_km = sum(r[1].kandel_moles or 0 for r in rows) / n
        clean = sum(1 for r in rows if r[3] == 0)
        print(
            f"\n{n} fiches: FALC {mean_wps:.1f} mots/phrase, Kandel-Moles {src_km:.0f} → "
            f"{mean_km:.0f} (min {min(r[2].kandel_moles or 0 for r in rows):.0f}), "
            f"{clean}/{n} sans erreur, {sum(r[5] for r in rows)} fait(s) inventé(s)"
        )
        known = [k for k in spelled if k is not None]
        if known:
            print(
                f"Kandel-Moles des textes FALC si les sigles courts sont épelés (« CAI » = "
                f"3 syllabes) : {sum(known) / len(known):.0f} (min {min(known):.0f})"
            )
        if textstat_km:
            src_ts = sum(a for a, _ in textstat_km) / len(textstat_km)
            out_ts = [b for _, b in textstat_km]
            print(
                f"Kandel-Moles selon textstat (syllabes de pyphen) : {src_ts:.0f} → "
                f"{sum(out_ts) / len(out_ts):.0f} (min {min(out_ts):.0f})"
            )
        if pages:
            counts = [r[7] for r in rows if r[7] is not None]
            print(f"dépliants : {sum(1 for c in counts if c <= 2)}/{len(counts)} sur 1 ou 2 pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
