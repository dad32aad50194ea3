"""The reviewer report: figures before/after, marks in place, escaping, works from disk."""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from cai_falc import report
from cai_falc.check import check_text
from cai_falc.cli import cli
from cai_falc.config import load
from cai_falc.fiche import parse_falc, parse_fiche

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
