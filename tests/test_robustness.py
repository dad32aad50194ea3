"""Bad input through the CLI: each bad file gets a clear message (file, line, how to fix)
and the command map's exit code, never a traceback.

Small bad files live in ``tests/data/bad/``; big ones are made here, at test time.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cai_falc.cli import cli
from cai_falc.fiche import Fiche, write_fiche

ROOT = Path(__file__).resolve().parents[1]
BAD = Path(__file__).parent / "data" / "bad"
SEED = ROOT.parent / "shared" / "seeds" / "000_3265c7d80c062ad5.txt"


def run(*args: object) -> Result:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def small_project(root: Path, *, languages: str = '["en"]', falc: bool = False) -> Path:
    """A project with one short fiche, so that a whole build takes a few seconds."""
    (root / "fiches").mkdir(parents=True)
    (root / "cai-falc.toml").write_text(
        f'[project]\norganisation = "CAI"\ncontact = "cai.example"\nlanguages = {languages}\n',
        encoding="utf-8",
    )
    fiche = Fiche(
        id="2020-cours-de-francais",
        year=2020,
        title="Des cours de français",
        lead="Le CAI organise des cours de français à Namur.",
        body="Les cours sont gratuits.\n\nIls ont lieu le lundi et le jeudi.",
    )
    write_fiche(fiche, root / "fiches" / fiche.filename)
    if falc:  # the FALC draft, which translation needs
        result = run("simplify", "--project", root)
        assert result.exit_code in (0, 1), result.output
        assert (root / "fiches" / fiche.falc_filename).is_file()
    return root


# --------------------------------------------------------------- unreadable files


@pytest.mark.parametrize("command", ["check", "import"])
def test_empty_file(command: str, tmp_path: Path) -> None:
    result = run(command, BAD / "empty.md", *(["--out", tmp_path] if command == "import" else []))
    assert result.exit_code == 2, result.output
    assert f"{BAD / 'empty.md'}: the file is empty" in result.output


@pytest.mark.parametrize("command", ["check", "import"])
def test_binary_file(command: str, tmp_path: Path) -> None:
    extra = ["--out", tmp_path / "out"] if command == "import" else []
    result = run(command, BAD / "binary.txt", *extra)
    assert result.exit_code == 2, result.output
    assert "binary.txt: this is a binary file, not text" in result.output
    assert "UTF-8 or Windows-1252" in result.output  # how to fix
    assert not (tmp_path / "out").exists()


def test_huge_text_to_check(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    line = "Le CAI aide les personnes étrangères à Namur.\n".encode()
    with huge.open("wb") as fh:
        fh.write(line * (60 * 1024 * 1024 // len(line) + 1))
    result = run("check", huge)
    assert result.exit_code == 2, result.output
    message = r"huge\.txt: the file is too large \(62\.9 MB; at most \d+ MB\)"
    assert re.search(message, result.output), result.output
    assert "Split it" in result.output


def test_huge_export_to_import(tmp_path: Path) -> None:
    export = tmp_path / "export.txt"
    seed = SEED.read_bytes()
    export.write_bytes(seed * (10 * 1024 * 1024 // len(seed) + 1))
    result = run("import", export, "--out", tmp_path / "fiches")
    assert result.exit_code == 2, result.output
    assert "export.txt: the export is too large" in result.output
    assert "max_export_mb" in result.output  # how to fix
    assert not (tmp_path / "fiches").exists()


def test_windows_1252_export_is_decoded(tmp_path: Path) -> None:
    text = SEED.read_text("utf-8")
    first = text[: text.index("\n2", 200)]  # the first fiche or so
    export = tmp_path / "export-cp1252.txt"
    export.write_bytes(first.encode("cp1252", errors="replace"))
    result = run("import", export, "--out", tmp_path / "fiches")
    assert result.exit_code in (0, 1), result.output
    written = list((tmp_path / "fiches").glob("*.md"))
    assert written
    content = written[0].read_text("utf-8")
    assert "é" in content and "Ã" not in content  # decoded, not mojibake


# ---------------------------------------------------------------------- fiches


def test_broken_yaml_fiche_validate_and_build(tmp_path: Path) -> None:
    root = small_project(tmp_path / "p")
    shutil.copy(BAD / "broken-yaml.md", root / "fiches" / "2020-cassee.md")
    result = run("validate", "--project", root)
    assert result.exit_code in (1, 2), result.output
    assert "2020-cassee.md:5: invalid front matter" in result.output
    assert "quote values" in result.output  # how to fix
    result = run("build", "--project", root, "--lang", "fr")
    assert result.exit_code == 1, result.output
    assert "2020-cassee.md:5" in result.output
    # The good fiche is built all the same.
    assert (root / "output" / "fr" / "2020-cours-de-francais.pdf").read_bytes()[:4] == b"%PDF"


# --------------------------------------------------------------------- languages


def test_unknown_language_in_config(tmp_path: Path) -> None:
    root = small_project(tmp_path / "p", languages='["en", "xx"]')
    for command in ("build", "translate", "validate"):
        result = run(command, "--project", root)
        assert result.exit_code == 2, result.output
        assert "unknown language code 'xx'" in result.output
        assert "cai-falc.toml" in result.output
    root2 = small_project(tmp_path / "q", languages='["english"]')
    result = run("build", "--project", root2)
    assert result.exit_code == 2, result.output
    assert "'english' is not a language code" in result.output and "'en'" in result.output


def test_unknown_language_on_the_command_line(tmp_path: Path) -> None:
    root = small_project(tmp_path / "p", falc=True)
    result = run("build", "--project", root, "--lang", "xx")
    assert result.exit_code == 2, result.output
    assert "language xx is not in project.languages (en)" in result.output
    assert "cai-falc.toml" in result.output


def test_unknown_language_for_check(tmp_path: Path) -> None:
    text = tmp_path / "t.txt"
    text.write_text("Bonjour.\n", encoding="utf-8")
    result = run("check", "--lang", "xx", text)
    assert result.exit_code == 2, result.output
    assert "xx" in result.output


def test_unknown_language_for_translate(tmp_path: Path) -> None:
    root = small_project(tmp_path / "p", falc=True)
    result = run("translate", "--project", root, "--lang", "xx")
    assert result.exit_code == 2, result.output
    assert "xx" in result.output


# --------------------------------------------------------------------- templates


def test_missing_template(tmp_path: Path) -> None:
    root = small_project(tmp_path / "p")
    (root / "templates").mkdir()
    shutil.copy(BAD / "fragment.html", root / "templates" / "fragment.html")
    result = run("build", "--project", root, "--lang", "fr")
    assert result.exit_code in (1, 2), result.output
    assert "fragment.html' uses 'partials/nexiste-pas.html', which is not found" in result.output
    assert "add the missing template" in result.output


# ------------------------------------------------------------------------ models


def test_corrupt_model_zip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "packages"))
    result = run("models", "install", BAD / "corrupt.argosmodel")
    assert result.exit_code == 2, result.output
    assert "corrupt.argosmodel: not a zip archive" in result.output
    assert "argospm" in result.output
    truncated = tmp_path / "truncated.argosmodel"
    with zipfile.ZipFile(truncated, "w") as zf:
        zf.writestr("translate-fr_en-1_0/metadata.json", "{}" + " " * 4000)
    truncated.write_bytes(truncated.read_bytes()[:-30])  # cut the central directory
    result = run("models", "install", truncated)
    assert result.exit_code == 2, result.output
    assert "truncated.argosmodel" in result.output
    assert not list((tmp_path / "packages").glob("translate-*"))


def test_zip_slip_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    packages = tmp_path / "packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    meta = {"from_code": "fr", "to_code": "en", "package_version": "1.0", "type": "translate"}
    for i, evil in enumerate(["translate-fr_en-1_0/../../evil.txt", "/tmp/evil-abs.txt"]):
        archive = tmp_path / f"slip{i}.argosmodel"
        with zipfile.ZipFile(archive, "w") as zf:
            zf.writestr("translate-fr_en-1_0/metadata.json", json.dumps(meta))
            zf.writestr(evil, "pwned")
        result = run("models", "install", archive)
        assert result.exit_code == 2, result.output
        assert f"slip{i}.argosmodel: refused" in result.output
    assert not (tmp_path / "evil.txt").exists() and not Path("/tmp/evil-abs.txt").exists()
    assert not list(packages.glob("translate-*")) if packages.exists() else True


# ------------------------------------------------------------------------ output


def test_output_folder_that_cannot_be_written(tmp_path: Path) -> None:
    # Tests run as root, who ignores chmod: a path under /proc cannot be created by anyone.
    root = small_project(tmp_path / "p")
    with (root / "cai-falc.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[paths]\noutput = "/proc/cai-falc-output"\n')
    result = run("build", "--project", root, "--lang", "fr")
    assert result.exit_code in (1, 2), result.output
    assert "/proc/cai-falc-output" in result.output
    assert "cannot write" in result.output


# ----------------------------------------------------------- catalogs, glossary


def test_broken_po_catalog_is_not_overwritten(tmp_path: Path) -> None:
    root = small_project(tmp_path / "p", falc=True)
    (root / "translations").mkdir()
    po = root / "translations" / "en.po"
    shutil.copy(BAD / "broken.po", po)
    before = po.read_bytes()
    for command in ("translate", "build"):
        result = run(command, "--project", root)
        assert result.exit_code == 2, result.output
        assert "en.po:" in result.output  # file and line
        assert po.read_bytes() == before


def test_broken_glossary(tmp_path: Path) -> None:
    root = small_project(tmp_path / "p")
    (root / "glossaries").mkdir()
    shutil.copy(BAD / "broken-glossary.yaml", root / "glossaries" / "termes.yaml")
    for command in ("build", "simplify", "validate"):
        result = run(command, "--project", root)
        # validate lists every problem it found: exit 1 (findings), the others stop: exit 2.
        assert result.exit_code == (1 if command == "validate" else 2), result.output
        # libyaml names the line where it noticed the unclosed bracket (the next one).
        assert re.search(r"termes\.yaml:[34]: invalid YAML", result.output), result.output
    assert not (root / "output").exists()


# ------------------------------------------------------------ true exit codes


def test_true_exit_code_and_stderr_in_a_subprocess(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run(
        [sys.executable, "-m", "cai_falc", "check", str(BAD / "binary.txt")],
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.returncode == 2
    assert "binary file" in proc.stderr and "Traceback" not in proc.stderr + proc.stdout
