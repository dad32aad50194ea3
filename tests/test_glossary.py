from __future__ import annotations

from pathlib import Path

import pytest

from cai_falc import glossary
from cai_falc.errors import GlossaryError


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_terms_are_found_by_any_form(tmp_path: Path) -> None:
    write(
        tmp_path,
        "a.yaml",
        "terms:\n"
        "  - term: CPAS\n    kind: acronym\n    expansion: Centre public d'action sociale\n"
        "    explanation: Le CPAS aide les personnes.\n    variants: [C.P.A.S.]\n"
        "    translations: {en: public social welfare centre}\n"
        "  - term: primo-arrivant\n    explanation: Une personne arrivée depuis peu.\n",
    )
    g = glossary.load(tmp_path)
    assert len(g) == 2
    assert g.get("C.P.A.S.") is g.get("CPAS")
    assert g.get("cpas") is None  # acronyms keep their case
    assert g.get("Primo-arrivant") is not None
    assert g.translation("CPAS", "en") == "public social welfare centre"


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("terms:\n  - term: X\n", "give an 'explanation'", 2),
        (
            "terms:\n  - term: A\n    explanation: a\n"
            "  - term: B\n    kind: sigle\n    explanation: b\n",
            "kind 'sigle'",
            4,
        ),
        ("terms:\n  - term: A\n    explanation: a\n    colour: red\n", "unknown key(s) colour", 2),
        ("terms: [\n", "invalid YAML", 2),
        ("- a\n", "expected a 'terms:' list", 1),
    ],
)
def test_bad_glossary_names_file_and_line(
    tmp_path: Path, text: str, message: str, line: int
) -> None:
    path = write(tmp_path, "g.yaml", text)
    with pytest.raises(GlossaryError) as info:
        glossary.load(tmp_path)
    assert message in str(info.value)
    assert str(info.value).startswith(f"{path}:{line}:")


def test_duplicate_term_points_at_both_places(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "terms:\n  - term: FLE\n    explanation: a\n")
    write(tmp_path, "b.yaml", "terms:\n  - term: FLE\n    explanation: b\n")
    with pytest.raises(GlossaryError, match=r"already defined at .*a.yaml:2"):
        glossary.load(tmp_path)
