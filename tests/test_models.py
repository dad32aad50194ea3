"""Argos packages: discovery, validation before install, install, download, routes."""

# ruff: noqa: F811  (pytest fixtures imported from argos_kit are redefined as arguments)
from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from argos_kit import argos_env, argos_files  # noqa: F401  (fixtures)
from cai_falc import models
from cai_falc.cli import cli
from cai_falc.config import Settings
from cai_falc.errors import ModelError

META = {"package_version": "1.0", "from_code": "fr", "to_code": "en", "type": "translate"}


def _zip(path: Path, entries: dict[str, bytes | str], links: tuple[str, ...] = ()) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
        for name in links:
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, "/etc/passwd")
    return path


def _good(top: str = "translate-fr_en-1_0") -> dict[str, bytes | str]:
    return {
        f"{top}/metadata.json": json.dumps(META),
        f"{top}/model/model.bin": b"x",
        f"{top}/sentencepiece.model": b"x",
    }


def test_install_then_list(argos_env: Path, argos_files: dict[str, Path]) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["models", "install", str(argos_files["fr_en"])])
    assert result.exit_code == 0, result.output
    assert "Installé : fr -> en 1.0" in result.output
    assert (argos_env / "translate-fr_en-1_0" / "model" / "model.bin").is_file()
    listed = runner.invoke(cli, ["models", "list"])
    assert listed.exit_code == 0, listed.output
    assert "fr -> en  1.0" in listed.output
    assert str(argos_env / "translate-fr_en-1_0") in listed.output


def test_reinstall_replaces_the_same_package(argos_env: Path, argos_files: dict[str, Path]) -> None:
    models.install(argos_files["fr_en"])
    (argos_env / "translate-fr_en-1_0" / "stale.txt").write_text("old", encoding="utf-8")
    models.install(argos_files["fr_en"])
    assert not (argos_env / "translate-fr_en-1_0" / "stale.txt").exists()
    assert [p.code for p in models.installed()] == ["translate-fr_en"]
    assert not [p for p in argos_env.iterdir() if p.name.startswith(".")]


def test_list_without_models_says_how_to_install(argos_env: Path) -> None:
    result = CliRunner().invoke(cli, ["models", "list"])
    assert result.exit_code == 0, result.output
    assert "Aucun modèle de traduction installé" in result.output
    assert "cai-falc models install" in result.output


@pytest.mark.parametrize(
    ("entries", "links", "message"),
    [
        ({**_good(), "translate-fr_en-1_0/../../evil.sh": "x"}, (), "'..' in a path"),
        ({**_good(), "/etc/evil": "x"}, (), "absolute path"),
        ({**_good(), "other/file.txt": "x"}, (), "exactly one top folder"),
        (_good(), ("translate-fr_en-1_0/model/link",), "symbolic link"),
        (
            {k: v for k, v in _good().items() if not k.endswith("metadata.json")},
            (),
            "no translate-fr_en-1_0/metadata.json",
        ),
        ({**_good(), "translate-fr_en-1_0/metadata.json": "{not json"}, (), "not valid JSON"),
        (
            {**_good(), "translate-fr_en-1_0/metadata.json": json.dumps({"from_code": "fr"})},
            (),
            "'to_code' must be a language code",
        ),
        (
            {k: v for k, v in _good().items() if "model.bin" not in k},
            (),
            "no translate-fr_en-1_0/model/model.bin",
        ),
    ],
    ids=["dotdot", "absolute", "two-tops", "symlink", "no-metadata", "bad-json", "no-to-code",
         "no-model"],
)
def test_unsafe_or_broken_archives_are_refused(
    argos_env: Path, tmp_path: Path, entries: dict[str, bytes | str], links: tuple[str, ...],
    message: str,
) -> None:
    archive = _zip(tmp_path / "bad.argosmodel", entries, links)
    result = CliRunner().invoke(cli, ["models", "install", str(archive)])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert not argos_env.exists() or not any(argos_env.iterdir())
    assert not (tmp_path / "evil.sh").exists()


def test_not_a_zip_is_refused(argos_env: Path, tmp_path: Path) -> None:
    fake = tmp_path / "fake.argosmodel"
    fake.write_text("hello", encoding="utf-8")
    result = CliRunner().invoke(cli, ["models", "install", str(fake)])
    assert result.exit_code == 2, result.output
    assert "not a zip archive" in result.output


def test_download_offline_is_a_clear_error(argos_env: Path) -> None:
    result = CliRunner().invoke(cli, ["models", "download", "fr", "en", "--timeout", "2"])
    assert result.exit_code == 2, result.output
    assert "cannot reach the Argos package index http://127.0.0.1:9/index.json" in result.output
    assert "cai-falc models install" in result.output
    assert "Traceback" not in result.output


def test_download_through_an_index(
    argos_env: Path, argos_files: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = tmp_path / "index" / "index.json"
    index.parent.mkdir()
    entry = {**META, "links": [argos_files["fr_en"].as_uri()]}
    index.write_text(json.dumps([{**entry, "to_code": "de"}, entry]), encoding="utf-8")
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", index.parent.as_uri() + "/")
    result = CliRunner().invoke(cli, ["models", "download", "fr", "en"])
    assert result.exit_code == 0, result.output
    assert [p.code for p in models.installed()] == ["translate-fr_en"]
    missing = CliRunner().invoke(cli, ["models", "download", "fr", "ar"])
    assert missing.exit_code == 2
    assert "no translate-fr_ar package" in missing.output


def test_packages_dir_follows_argos_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARGOS_PACKAGES_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert models.packages_dir() == tmp_path / "data" / "argos-translate" / "packages"
    settings_file = tmp_path / "config" / "argos-translate" / "settings.json"
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text(json.dumps({"ARGOS_PACKAGES_DIR": "/srv/argos"}), encoding="utf-8")
    assert models.packages_dir() == Path("/srv/argos")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "env"))
    assert models.packages_dir() == tmp_path / "env"


def test_routes_direct_pivot_and_missing(argos_env: Path, argos_files: dict[str, Path]) -> None:
    for key in ("fr_en", "en_es"):
        models.install(argos_files[key])
    packages = models.installed()
    assert [p.code for p in models.route("fr", "en", packages) or []] == ["translate-fr_en"]
    assert [p.code for p in models.route("fr", "es", packages) or []] == [
        "translate-fr_en", "translate-en_es",
    ]
    assert models.route("fr", "ar", packages) is None
    messages = models.missing_pairs(["en", "es", "ar"], settings=Settings())
    assert len(messages) == 1
    assert "translate-fr_ar" in messages[0] and "cai-falc models install" in messages[0]


def test_broken_installed_folder_is_reported_not_fatal(
    argos_env: Path, argos_files: dict[str, Path]
) -> None:
    models.install(argos_files["fr_en"])
    (argos_env / "junk").mkdir()
    assert [p.code for p in models.installed()] == ["translate-fr_en"]
    assert any("junk" in problem for problem in models.problems())
    with pytest.raises(ModelError):
        models.validate_archive(argos_env / "nothing.argosmodel")


def test_argostranslate_reads_what_we_install(
    argos_env: Path, argos_files: dict[str, Path]
) -> None:
    from argostranslate.package import Package, get_installed_packages

    pkg = models.install(argos_files["en_es"])
    theirs = Package(pkg.path)
    assert (theirs.from_code, theirs.to_code, theirs.package_version) == ("en", "es", "1.0")
    assert [p.to_code for p in get_installed_packages(path=[argos_env])] == ["es"]
