"""The reviewer report: figures before/after, marks in place, escaping, works from disk."""

from __future__ import annotations

import json
import pickle
import re
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cai_falc import glossary, pipeline, report
from cai_falc.check import check_falc, check_text
from cai_falc.cli import cli
from cai_falc.config import Settings, load
from cai_falc.fiche import parse_falc, parse_fiche, read_fiche, write_fiche
from cai_falc.glossary import Glossary

FICHE = textwrap.dedent(
    """\
    ---
    id: 2017-chartes
    year: 2017
    title: Chartes et motions <script>alert(1)</script>
    lead: Le CAI se mobilise aux côtés de citoyens pour faire voter les motions en province.
    ---

    Les motions sont votées par les conseils communaux de la province de Namur, etc.
    Le texte <img src=x onerror=alert(2)> reste du texte.
    """
)
FALC = textwrap.dedent(
    """\
    ---
    id: 2017-chartes
    title: Des communes accueillantes
    status: edited
    words: {}
    ---

    ## Une campagne
    Des communes aident les étrangers.
    Les motions sont votées par les communes.
    """
)


@dataclass
class FakeBlock:
    kind: str
    text: str | None
    status: str
    model: str = ""


@dataclass
class FakeTranslation:
    lang: str
    title: FakeBlock
    blocks: list[FakeBlock]

    def counts(self) -> dict[str, int]:
        out = {"reviewed": 0, "machine": 0, "missing": 0, "damaged": 0}
        for b in [self.title, *self.blocks]:
            out[b.status] += 1
        return out

    @property
    def models(self) -> list[str]:
        return ["translate-fr_ar"]


def entry(project: Path) -> report.ReportEntry:
    fiche = parse_fiche(FICHE, project / "fiches" / "2017-chartes.md")
    falc = parse_falc(FALC, project / "fiches" / "2017-chartes.falc.md")
    ar = FakeTranslation(
        "ar",
        FakeBlock("title", "بلديات مضيافة", "machine"),
        [FakeBlock("sentence", "البلديات تساعد الأجانب.", "machine"),
         FakeBlock("sentence", None, "missing")],
    )
    step = type("S", (), {"operation": "split", "before": "A, B.", "after": "A. B.",
                          "reason": "phrase trop longue"})()
    return report.ReportEntry(fiche, falc, [step], {"ar": ar})


def test_build_report_before_after_and_languages(project: Path) -> None:
    settings = load(project)
    built = report.build_report([entry(project)], settings=settings)
    (f,) = built.fiches
    assert f.falc is not None
    assert f.falc.result.metrics.words_per_sentence < f.source.result.metrics.words_per_sentence
    assert f.falc_status == "edited"
    (ar,) = f.languages
    assert (ar.lang, ar.status, ar.machine) == ("ar", "incomplete", 2)
    assert ar.view.result.metrics.words == 5
    assert [line.status for line in ar.view.lines] == ["machine", "machine"]
    assert [s.operation for s in f.trace] == ["split"]
    # The FALC body keeps the file's line numbers: « Les motions sont votées » is line 10.
    passive = next(x for x in f.falc.result.findings if x.rule == "passive")
    assert passive.line == 10
    assert FALC.split("\n")[9].startswith("Les motions sont votées")
    assert built.thresholds["long_sentence_error"] == 15


def test_write_report_html_and_json(project: Path) -> None:
    settings = load(project)
    built = report.build_report([entry(project)], settings=settings)
    out = project / "output" / "report"
    written = report.write_report(built, out, settings=settings)
    assert {p.name for p in written} == {"index.html", "report.json"}
    page = (out / "index.html").read_text(encoding="utf-8")
    # Fiche text is escaped: it comes out inert.
    assert "<script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # Works from disk: no script, no external resource.
    assert not re.search(r"<script|<link|src=\"http|href=\"http|@import", page)
    assert "<svg" in page
    assert 'class="text rtl" lang="ar"' in page  # Arabic shown right to left
    assert "pas été relues" in page  # machine translation flagged
    assert page.count('class="ln st-machine"') == 2  # line by line
    assert "arabe" in page
    assert 'class="f w-warning"' in page  # the passive is marked in place
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    (fiche,) = data["fiches"]
    assert fiche["falc"]["metrics"]["words"] > 0
    assert fiche["translations"][0]["blocks"]["machine"] == 2
    # Same input, same bytes: nothing was rewritten.
    assert report.write_report(built, out, settings=settings) == []


def test_highlight_marks_overlaps_without_crossing_lines() -> None:
    text = "Les motions sont votées par les conseils communaux de la province, etc.\nFin."
    result = check_text(text, lang="fr")
    lines = report.highlight(text, result.findings, prefix="x")
    assert [n for n, _ in lines] == [1, 2]
    first = str(lines[0][1])
    assert first.count("<a ") == first.count("</a>")
    assert 'href="#x-' in first
    assert re.sub(r"<[^>]+>", "", first).replace("&#39;", "'") == text.split("\n")[0]


def test_report_command_reads_the_project(project: Path) -> None:
    (project / "fiches" / "2017-chartes.md").write_text(FICHE, encoding="utf-8")
    (project / "fiches" / "2017-chartes.falc.md").write_text(FALC, encoding="utf-8")
    result = CliRunner().invoke(cli, ["report", "--project", str(project)])
    assert result.exit_code == 0, result.output
    page = project / "output" / "report" / "index.html"
    assert page.is_file()
    html = page.read_text(encoding="utf-8")
    assert "Des communes accueillantes" in html and "Chartes et motions" in html
    assert (project / "output" / "report" / "report.json").is_file()


def test_report_command_without_fiches(project: Path) -> None:
    result = CliRunner().invoke(cli, ["report", "--project", str(project)])
    assert result.exit_code == 2, result.output
    assert "import" in result.output


def test_check_html_format(project: Path) -> None:
    path = project / "note.txt"
    path.write_text("Voir p. ex. <b>la</b> fiche.\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["check", "--project", str(project), "--format", "html", str(path)]
    )
    assert result.exit_code == 1, result.output
    assert result.output.startswith("<!doctype html>")
    assert "<b>la" not in result.output
    plain = re.sub(r"</?a[^>]*>", "", result.output)
    assert "&lt;b&gt;la&lt;/b&gt;" in plain
    assert "abbreviation" in result.output



def test_report_command_goes_on_past_a_bad_fiche(project: Path) -> None:
    (project / "fiches" / "2017-chartes.md").write_text(FICHE, encoding="utf-8")
    (project / "fiches" / "broken.md").write_text("---\nid: [\n---\nTexte.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["report", "--project", str(project)])
    assert result.exit_code == 1, result.output
    assert "broken.md" in result.output
    assert (project / "output" / "report" / "index.html").is_file()


# ------------------------------------------------------- the report put together from parts

ROOT = Path(__file__).resolve().parents[1]
REAL = [
    "2016-lancement-de-la-plateforme-de-lutte-contre-le-racisme-en",
    "2014-creation-d-un-certificat-fle-francais-langue-etrangere-pour",
    "2009-vers-une-politique-d-accueil-des-primo-arrivants",
]

#: report/index.html as it was when it rendered every fiche's section itself: the page
#: put together from the fiches' sections must stay byte for byte this one.
WHOLE_PAGE = r'''
{% from "report/_macros.html" import text_view, findings_list, counts, score %}
<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rapport de relecture FALC</title>
<style>
{{ css }}
</style>
</head>
<body>
{% set t = report.thresholds %}
<header class="top">
  <h1>Rapport de relecture FALC</h1>
  <p>Lisibilité des fiches avant et après simplification, constats des règles FALC, traductions.</p>
  <div class="totals">
    <div class="total"><b>{{ report.fiches|length }}</b>fiches</div>
    <div class="total"><b>{{ report.fiches|selectattr("falc")|list|length }}</b>textes FALC</div>
    <div class="total"><b>{{ report.languages|length }}</b>langues traduites</div>
    <div class="total"><b>{{ report.fiches|sum(attribute="errors") }}</b>erreurs à corriger</div>
  </div>
</header>
<main>
<section class="card">
  <h2>Vue d’ensemble</h2>
  <p class="muted small">Mots par phrase de chaque fiche : <span class="sw" style="background:#a9b4c2"></span>fiche source,
  <span class="sw" style="background:#2e7d6b"></span>texte FALC. Traits : seuils d’avertissement ({{ t.long_sentence_warning }} mots)
  et d’erreur ({{ t.long_sentence_error }} mots). Le FALC publié compte environ {{ t.reference_words_per_sentence|num(0) }} mots par phrase.</p>
  {{ report.overview_chart }}
  <table>
    <thead><tr><th>#</th><th>Fiche</th><th>FALC</th>
      <th class="num">Mots / phrase</th><th class="num">Kandel-Moles</th><th class="num">LIX</th>
      <th>Constats FALC</th><th>Langues</th></tr></thead>
    <tbody>
    {% for f in report.fiches %}
      {% set a = f.source.result.metrics %}
      {% set b = f.falc.result.metrics if f.falc else none %}
      <tr>
        <td class="num">{{ loop.index }}</td>
        <td><a href="#{{ f.id }}">{{ f.title }}</a> <span class="muted small">({{ f.year }})</span></td>
        <td><span class="badge b-{{ f.falc_status }}">{{ status_fr[f.falc_status] }}</span>
          {% if f.stale %}<span class="badge b-stale">source modifiée</span>{% endif %}</td>
        <td class="num">{{ a.words_per_sentence|num }}{% if b %}<span class="arrow">→</span><b>{{ b.words_per_sentence|num }}</b>{% endif %}</td>
        <td class="num">{{ a.kandel_moles|num(0) }}{% if b %}<span class="arrow">→</span><b>{{ b.kandel_moles|num(0) }}</b>{% endif %}</td>
        <td class="num">{{ a.lix|num(0) }}{% if b %}<span class="arrow">→</span><b>{{ b.lix|num(0) }}</b>{% endif %}</td>
        <td>{% if f.falc %}{{ counts(f.falc.result) }}{% else %}<span class="muted">–</span>{% endif %}</td>
        <td>{% for l in f.languages %}<span class="badge b-{{ l.status }}" title="{{ l.counts }}">{{ l.lang }}</span> {% else %}<span class="muted">–</span>{% endfor %}</td>
      </tr>
    {% endfor %}
    </tbody>
  </table>
  <p class="muted small">Kandel-Moles : plus c’est haut, plus c’est facile (FALC publié : environ {{ t.reference_kandel_moles|num(0) }}).
  LIX : plus c’est bas, plus c’est facile. Mots rares : fréquence Zipf sous {{ t.hard_word_zipf|num }}.
  Un texte n’est FALC qu’après relecture par des personnes avec une déficience intellectuelle.</p>
</section>

{% for f in report.fiches %}
{% set a = f.source.result.metrics %}
{% set b = f.falc.result.metrics if f.falc else none %}
<section class="card" id="{{ f.id }}">
  <h2>{{ loop.index }}. {{ f.title }}</h2>
  <p class="muted small">{{ f.id }} · {{ f.year }} ·
    texte FALC : <span class="badge b-{{ f.falc_status }}">{{ status_fr[f.falc_status] }}</span>
    {% if f.stale %}<span class="badge b-stale">la fiche source a changé depuis ce texte</span>{% endif %}</p>
  <div class="scores">
    {{ score("Mots par phrase", a.words_per_sentence, b.words_per_sentence if b else none, "seuil " ~ t.long_sentence_warning ~ " · FALC publié ≈ 7") }}
    {{ score("Phrase la plus longue", a.words_per_sentence_max, b.words_per_sentence_max if b else none, "erreur au-delà de " ~ t.long_sentence_error, digits=0) }}
    {{ score("Kandel-Moles", a.kandel_moles, b.kandel_moles if b else none, "plus haut = plus facile · FALC ≈ 94", better="higher", digits=0) }}
    {{ score("LIX", a.lix, b.lix if b else none, "plus bas = plus facile", digits=0) }}
    {{ score("Mots rares (%)", a.rare_words, b.rare_words if b else none, "Zipf < " ~ t.hard_word_zipf|num, digits=0, pct=true) }}
  </div>
  {{ f.chart }}
  <div class="legend"><span><span class="sw" style="background:#2e7d6b"></span>au plus {{ t.long_sentence_warning }} mots</span>
    <span><span class="sw" style="background:#ef8f00"></span>plus de {{ t.long_sentence_warning }}</span>
    <span><span class="sw" style="background:#c62828"></span>plus de {{ t.long_sentence_error }}</span></div>

  {% if f.falc %}
  <h3>Texte FALC {{ counts(f.falc.result) }}</h3>
  <div class="cols">
    {{ text_view(f.falc) }}
    {{ findings_list(f.falc, f.id ~ "-falc") }}
  </div>
  {% else %}
  <p class="notice">Pas encore de texte FALC pour cette fiche : lancez <code>cai-falc simplify</code>.</p>
  {% endif %}

  <details>
    <summary>Fiche source : {{ f.source.result.count("error") }} erreurs, {{ f.source.result.count("warning") }} avertissements</summary>
    <div class="cols">
      {{ text_view(f.source) }}
      {{ findings_list(f.source, f.id ~ "-src") }}
    </div>
  </details>

  {% if f.trace %}
  <details>
    <summary>Comment le brouillon a été fait ({{ f.trace|length }} étapes)</summary>
    <table class="trace">
      <thead><tr><th>Opération</th><th>Avant</th><th>Après</th><th>Pourquoi</th></tr></thead>
      <tbody>
      {% for s in f.trace %}
        <tr><td>{{ s.operation }}</td><td class="before">{{ s.before }}</td><td class="after">{{ s.after }}</td><td class="muted">{{ s.reason }}</td></tr>
      {% endfor %}
      </tbody>
    </table>
  </details>
  {% endif %}

  {% if f.languages %}
  <h3>Traductions</h3>
  {% if f.languages|selectattr("machine")|list %}
  <p class="notice">Traduction automatique : les lignes marquées « machine » n’ont pas été relues par un interprète.</p>
  {% endif %}
  <table>
    <thead><tr><th>Langue</th><th>État</th><th class="num">Relues</th><th class="num">Machine</th>
      <th class="num">Manquantes</th><th class="num">Mots / phrase</th><th class="num">LIX</th><th class="num">Flesch</th><th>Modèle</th></tr></thead>
    <tbody>
    {% for l in f.languages %}
      {% set m = l.view.result.metrics %}
      <tr><td><b>{{ lang_name.get(l.lang, l.lang) }}</b> <span class="muted small">{{ l.lang }}</span></td>
        <td><span class="badge b-{{ l.status }}">{{ {"machine": "automatique, non relue", "reviewed": "relue", "incomplete": "incomplète"}[l.status] }}</span></td>
        <td class="num">{{ l.counts.get("reviewed", 0) }}</td><td class="num">{{ l.counts.get("machine", 0) }}</td>
        <td class="num">{{ l.counts.get("missing", 0) + l.counts.get("damaged", 0) }}</td>
        <td class="num">{{ m.words_per_sentence|num }}</td><td class="num">{{ m.lix|num(0) }}</td>
        <td class="num">{{ m.flesch|num(0) }}</td><td class="small muted">{{ l.models|join(", ") }}</td></tr>
    {% endfor %}
    </tbody>
  </table>
  {% for l in f.languages %}
  <details>
    <summary>Texte en {{ lang_name.get(l.lang, l.lang) }} ({{ l.view.result.findings|length }} constats, {{ l.machine }} lignes automatiques)</summary>
    <p class="legend"><span><span class="sw" style="background:#ef8f00"></span>traduction automatique, pas encore relue</span>
      <span><span class="sw" style="background:#2e7d6b"></span>relue par une personne</span></p>
    <div class="cols">
      {{ text_view(l.view, lang=l.lang) }}
      {{ findings_list(l.view, f.id ~ "-" ~ l.lang) }}
    </div>
    {% if l.missing %}
    <p class="notice">{{ l.missing|length }} ligne(s) sans traduction utilisable :</p>
    <ul class="small">{% for m in l.missing %}<li lang="fr">{{ m }}</li>{% endfor %}</ul>
    {% endif %}
  </details>
  {% endfor %}
  {% endif %}
</section>
{% endfor %}
<footer>cai-falc {{ report.version }} · rapport produit hors ligne, sans script ni ressource externe.</footer>
</main>
</body>
</html>
'''[1:]  # noqa: E501  (the template as it was)


def real_entries(project: Path) -> tuple[list[report.ReportEntry], Glossary]:
    """Real fiches (two with their FALC text, one without), and one with a translation,
    a trace and markup in its title."""
    for fid in REAL:
        shutil.copy(ROOT / "fiches" / f"{fid}.md", project / "fiches")
    for fid in REAL[:2]:
        shutil.copy(ROOT / "fiches" / f"{fid}.falc.md", project / "fiches")
    settings = load(project)
    entries, problems = report.entries_from_project(settings)
    assert not problems and len(entries) == 3
    return [*entries, entry(project)], glossary.load(ROOT / "glossaries")


def whole_page(built: report.Report, settings: Settings) -> str:
    env = report._env(settings)
    return str(env.from_string(WHOLE_PAGE).render(report=built, css=report._css()))


def test_page_and_json_put_together_from_parts_are_the_whole_ones(project: Path) -> None:
    entries, gloss = real_entries(project)
    settings = load(project)
    pages = report.Pages(settings)
    # Parts made in another order (as kept by earlier builds) and read back from the cache.
    parts = {
        e.fiche.id: pickle.loads(
            pickle.dumps(report.fiche_part(e, settings=settings, glossary=gloss, pages=pages))
        )
        for e in reversed(entries)
    }
    built = report.build_report(entries, settings=settings, glossary=gloss)
    assert len(built.fiches) == 4 and built.languages == ["ar"]
    kept = [parts[f.id] for f in built.fiches]
    assert [p.report.id for p in kept] == [f.id for f in built.fiches]
    page = whole_page(built, settings)
    assert report.render_html(built, settings=settings) == page
    assert report.render_html(built, settings=settings, parts=kept) == page
    assert pages.page(built, kept) == page
    assert '<h2>4. Chartes et motions &lt;script&gt;' in page and "\x00" not in page
    data = json.dumps(built.as_dict(), ensure_ascii=False, indent=1) + "\n"
    assert report.render_json(built) == data
    assert report.render_json(built, parts=kept) == data
    out = project / "output" / "report"
    assert len(report.write_report(built, out, settings=settings, parts=kept)) == 2
    assert (out / "index.html").read_text("utf-8") == page
    assert (out / "report.json").read_text("utf-8") == data
    # A report of one fiche, and of none.
    one = report.build_report(entries[-1:], settings=settings, glossary=gloss)
    assert report.render_json(one, parts=[parts[entries[-1].fiche.id]]) == (
        json.dumps(one.as_dict(), ensure_ascii=False, indent=1) + "\n"
    )
    assert report.render_html(one, settings=settings) == whole_page(one, settings)
    none = report.build_report([], settings=settings)
    assert report.render_json(none) == (
        json.dumps(none.as_dict(), ensure_ascii=False, indent=1) + "\n"
    )


def test_write_for_build_is_the_report_of_the_entries(project: Path) -> None:
    entries, gloss = real_entries(project)
    settings = load(project)
    made: list[str] = []

    def part(e: report.ReportEntry, pages: report.Pages) -> report.FichePart:
        made.append(e.fiche.id)
        return report.fiche_part(e, settings=settings, glossary=gloss, pages=pages)

    falc = {e.fiche.id: e.falc for e in entries if e.falc is not None}
    written = report.write_for_build(
        [e.fiche for e in entries],
        falc=falc,
        traces={e.fiche.id: e.trace for e in entries},
        translations={"ar": {entries[-1].fiche.id: entries[-1].translations["ar"]}},
        settings=settings,
        glossary=gloss,
        parts=part,
    )
    assert made == [e.fiche.id for e in entries] and len(written) == 2
    built = report.build_report(entries, settings=settings, glossary=gloss)
    out = project / "output" / "report"
    assert (out / "index.html").read_text("utf-8") == whole_page(built, settings)
    assert (out / "report.json").read_text("utf-8") == (
        json.dumps(built.as_dict(), ensure_ascii=False, indent=1) + "\n"
    )


def test_fiche_report_shows_a_given_falc_check_without_changing_it(project: Path) -> None:
    settings = load(project)
    e = entry(project)
    assert e.falc is not None
    given = check_falc(e.falc, fiche=e.fiche, settings=settings)
    # As kept by a build of the same project when it sat elsewhere.
    given.path = "/elsewhere/fiches/2017-chartes.falc.md"
    shown = report.fiche_report(e, settings=settings, falc_check=given)
    assert given.path == "/elsewhere/fiches/2017-chartes.falc.md"
    fresh = report.fiche_report(e, settings=settings)
    assert shown.falc is not None and fresh.falc is not None
    assert shown.falc.result.path == fresh.falc.result.path == "fiches/2017-chartes.falc.md"
    assert report.fiche_dict(shown) == report.fiche_dict(fresh)
    assert report.Pages(settings).section(shown, report.thresholds(settings)) == (
        report.Pages(settings).section(fresh, report.thresholds(settings))
    )


def test_build_report_after_one_change_is_a_cold_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild after one fiche changed keeps the other parts and checks the FALC text
    once (the check stage's result); its report is the one a cold build makes."""
    root = tmp_path / "proj"
    (root / "fiches").mkdir(parents=True)
    shutil.copy(ROOT / "cai-falc.toml", root)
    shutil.copytree(ROOT / "glossaries", root / "glossaries")
    for fid in REAL[:2]:
        shutil.copy(ROOT / "fiches" / f"{fid}.md", root / "fiches")

    def build() -> pipeline.BuildResult:
        result = pipeline.build(load(root), pipeline.BuildOptions())
        assert not result.failures, pipeline.summary(result)
        return result

    build()
    path = root / "fiches" / f"{REAL[0]}.md"
    changed = read_fiche(path)
    changed.lead += " Le CAI organise aussi une rencontre en 2016."
    write_fiche(changed, path)
    reported: list[str] = []
    real_fiche_report = report.fiche_report

    def counted(e: report.ReportEntry, **kw: Any) -> report.FicheReport:
        reported.append(e.fiche.id)
        assert kw["falc_check"] is not None  # kept by the check stage
        return real_fiche_report(e, **kw)

    def no_second_check(*args: Any, **kw: Any) -> Any:
        raise AssertionError("the report checked a FALC text again")

    with monkeypatch.context() as m:
        m.setattr(report, "fiche_report", counted)
        m.setattr(report, "check_falc", no_second_check)
        result = build()
    assert reported == [changed.id]
    out = root / "output" / "report"
    assert {out / "index.html", out / "report.json"} <= set(result.written)
    incremental = {p.name: p.read_bytes() for p in out.iterdir()}
    shutil.rmtree(root / ".cai-falc-cache")
    shutil.rmtree(out)
    build()
    assert {p.name: p.read_bytes() for p in out.iterdir()} == incremental
