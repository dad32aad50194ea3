"""The checking stage and 'cai-falc check': inputs, positions, output formats, exit codes."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from cai_falc.check import check_paths, check_text, read_document
from cai_falc.cli import cli

TEXTS = Path(__file__).parent / "data" / "texts"

FICHE = textwrap.dedent(
    """\
    ---
    id: 2017-chartes
    year: 2017
    title: Chartes et motions pour un meilleur accueil des personnes étrangères
    lead: Le CAI se mobilise aux côtés de citoyens pour faire voter les motions.
    sources: []
    jargon: {}
    ---

    En 2017, le CNCD lance sa campagne.
    Les motions sont votées par les conseils communaux de la province de Namur, etc.
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
    En 2017, une association lance une campagne. Elle parle des étrangers.
    <!-- falc: ignore passive -->
    Les motions sont votées par les communes.
    En 2019, 30 communes votent.
    """
)


def run(*args: str, input: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    return result.exit_code, result.output


def write(project: Path, name: str, text: str) -> Path:
    path = project / "fiches" / name
    path.write_text(text, encoding="utf-8")
    return path


def test_fiche_positions_are_the_file_lines(project: Path) -> None:
    path = write(project, "2017-chartes.md", FICHE)
    doc = read_document(path)
    result = check_text(doc.text, lang="fr", explained=doc.explained)
    raw = FICHE.split("\n")
    by_rule = {f.rule: f for f in reversed(result.findings)}  # the first of each rule
    abbr = by_rule["abbreviation"]
    assert (abbr.line, abbr.text) == (11, "etc.")
    assert raw[abbr.line - 1][abbr.col - 1 : abbr.col - 1 + 4] == "etc."
    passive = by_rule["passive"]
    assert raw[passive.line - 1][passive.col - 1 :].startswith("sont votées")
    acronym = by_rule["acronym"]
    assert (acronym.line, acronym.text) == (5, "CAI")  # in the lead, inside the front matter
    assert raw[4][acronym.col - 1 : acronym.col + 2] == "CAI"
    # Front-matter keys and other fields are not checked as prose.
    assert all(f.text not in ("sources", "jargon", "id") for f in result.findings)


def test_falc_file_rules_ignore_comment_and_facts(project: Path) -> None:
    write(project, "2017-chartes.md", FICHE)
    falc = write(project, "2017-chartes.falc.md", FALC)
    (result,), errors = check_paths([falc])
    assert errors == []
    rules = [(f.rule, f.line) for f in result.findings]
    assert ("one-sentence-per-line", 9) in rules
    assert not any(r == "passive" for r, _ in rules)  # switched off by the comment
    facts = [f for f in result.findings if f.rule == "fact"]
    assert [(f.text, f.line) for f in facts] == [("2019", 12), ("30", 12)]
    assert result.kind == "falc"


def test_front_matter_ignore_list(project: Path) -> None:
    text = FICHE.replace("jargon: {}", "jargon: {}\nignore: [passive, abbreviation]")
    path = write(project, "2017-chartes.md", text)
    (result,), _ = check_paths([path])
    assert not {"passive", "abbreviation"} & {f.rule for f in result.findings}


def test_text_output_and_exit_code(project: Path) -> None:
    path = write(project, "2017-chartes.md", FICHE)
    code, out = run("check", "--project", str(project), str(path))
    assert code == 1, out
    line = next(x for x in out.splitlines() if " abbreviation " in x)
    assert line.startswith(f"{path}:11:")
    assert line.endswith("« etc. »")
    assert "Kandel-Moles" in out


def test_exit_codes_warnings_and_strict(project: Path) -> None:
    path = project / "note.txt"
    path.write_text("Le CAI est un centre pour les personnes étrangères de Namur et d’ailleurs.\n",
                    encoding="utf-8")
    code, out = run("check", "--project", str(project), "--quiet", str(path))
    assert code == 1, out  # « CAI » not expanded is an error
    path.write_text("Vous pouvez venir au centre avec toute votre famille ou avec vos amis.\n",
                    encoding="utf-8")
    code, out = run("check", "--project", str(project), str(path))
    assert code == 0, out
    assert "long-sentence (avertissement)" in out
    code, out = run("check", "--project", str(project), "--strict", str(path))
    assert code == 1, out


def test_json_shape(project: Path) -> None:
    path = write(project, "2017-chartes.md", FICHE)
    code, out = run("check", "--project", str(project), "--format", "json", str(path))
    assert code == 1
    data = json.loads(out)
    assert list(data) == ["files"]
    (file,) = data["files"]
    assert list(file) == ["path", "lang", "metrics", "findings"]
    assert file["lang"] == "fr"
    assert {"sentences", "words", "words_per_sentence", "kandel_moles", "lix"} <= set(
        file["metrics"]
    )
    for f in file["findings"]:
        assert list(f) == ["rule", "severity", "line", "col", "text", "message"]
    assert file["metrics"]["rule_counts"]["abbreviation"] == 1
    per = file["metrics"]["per_sentence"]
    assert len(per) == file["metrics"]["sentences"]
    assert set(per[0]) == {"line", "col", "words", "syllables", "long_words"}


def test_stdin(project: Path) -> None:
    code, out = run("check", "--project", str(project), "-", input="Voir p. ex. la fiche.\n")
    assert code == 1, out
    assert out.startswith("<stdin>:1:6 abbreviation")


def test_folder_checks_every_file_and_reports_bad_ones(project: Path) -> None:
    write(project, "2017-chartes.md", FICHE)
    write(project, "broken.md", "---\nid: [\n---\nTexte.\n")
    code, out = run("check", "--project", str(project))  # default: the fiches folder
    assert code == 2, out
    assert "2017-chartes.md:11:" in out
    assert "broken.md" in out
    assert "Traceback" not in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01\x02binary", "binary"),
        (b"", "empty"),
        (b"   \n\n", "empty"),
    ],
)
def test_bad_input_is_a_clean_error(project: Path, content: bytes, message: str) -> None:
    path = project / "bad.txt"
    path.write_bytes(content)
    code, out = run("check", "--project", str(project), str(path))
    assert code == 2, out
    assert message in out
    assert "Traceback" not in out


def test_windows_1252_is_decoded(project: Path) -> None:
    path = project / "ancien.txt"
    path.write_bytes("Le bureau est ouvert. Vous êtes accueilli à l’accueil.\n".encode("cp1252"))
    code, out = run("check", "--project", str(project), str(path))
    assert code == 0, out
    assert "êtes" in out  # the passive finding quotes the decoded words


def test_huge_file_is_refused_quickly(project: Path) -> None:
    path = project / "huge.txt"
    path.write_bytes(b"Le CAI aide les personnes. " * 250_000)  # 6.7 MB
    code, out = run("check", "--project", str(project), str(path))
    assert code == 2, out
    assert "too large" in out


def test_missing_file(project: Path) -> None:
    code, out = run("check", "--project", str(project), str(project / "nope.md"))
    assert code == 2
    assert "no such file" in out


def test_po_catalog_checked_in_its_language(project: Path) -> None:
    po = project / "translations" / "en.po"
    po.write_text(
        textwrap.dedent(
            """\
            msgid ""
            msgstr ""
            "Language: en\\n"
            "Content-Type: text/plain; charset=UTF-8\\n"

            #, fuzzy
            msgid "Le CAI vous aide."
            msgstr "The centre helps you (for free)."

            msgid "Vous pouvez venir."
            msgstr ""
            "You can come to the centre with your family, your friends, your neighbours "
            "and your children and everyone else."
            """
        ),
        encoding="utf-8",
    )
    (result,), errors = check_paths([po])
    assert errors == []
    assert result.lang == "en"
    assert result.metrics.flesch is not None
    by_rule = {f.rule: f for f in reversed(result.findings)}
    assert by_rule["special-char"].line == 8
    assert by_rule["long-sentence"].line == 12
    assert by_rule["long-sentence"].severity == "warning"  # translations: never an error
    assert "passive" not in by_rule  # French rules do not apply to English


def test_real_falc_texts_get_few_findings_and_no_errors() -> None:
    for path in sorted(TEXTS.glob("falc-*.txt")):
        (result,), _ = check_paths([path], falc=True)
        assert result.count("error") == 0, (path, result.findings)
        assert len(result.findings) <= 8, (path, [f.rule for f in result.findings])
        assert result.metrics.words_per_sentence < 9
        assert result.metrics.kandel_moles is not None and result.metrics.kandel_moles > 85


def test_administrative_and_press_texts_get_errors() -> None:
    for path in sorted(TEXTS.glob("admin-*.txt")) + sorted(TEXTS.glob("press-*.txt")):
        (result,), _ = check_paths([path])
        assert result.count("error") >= 3, path
        assert result.metrics.words_per_sentence > 14, path
        assert result.metrics.kandel_moles is not None and result.metrics.kandel_moles < 70


def test_every_seed_fiche_gets_findings_and_figures() -> None:
    fiches = sorted((Path(__file__).resolve().parents[1] / "fiches").glob("*.md"))
    fiches = [f for f in fiches if not f.name.endswith(".falc.md")]
    assert len(fiches) >= 10
    results, errors = check_paths(fiches)
    assert errors == []
    for r in results:
        assert r.count("error") > 0, r.path
        assert r.metrics.sentences > 5 and r.metrics.kandel_moles is not None


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_checks_without_crashing(text: str) -> None:
    result = check_text(text, lang="fr", falc=True)
    for f in result.findings:
        assert f.line >= 1 and f.col >= 1
        assert 0 <= f.start <= f.end <= len(text)


def test_odd_but_real_inputs() -> None:
    for text in ["…", "« »", "- \n- ", "## \n#", "A. B. C.", "M.", "n°", "3,5 %", "l’", "-t-il",
                 "Le\u00a0CAI\u202faide\u200b.", "www.cai.be/contact?x=1.", "e-mail : a@b.be."]:
        check_text(text, lang="fr", falc=True)
        check_text(text, lang="ar")


def test_list_rules() -> None:
    code, out = run("check", "--rules")
    assert code == 0, out
    ids = [line.split()[0] for line in out.splitlines()]
    assert ids[:3] == ["long-sentence", "one-idea", "one-sentence-per-line"]
    assert "fact" in ids and len(ids) == 24
