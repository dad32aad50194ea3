from __future__ import annotations

from pathlib import Path

import pytest

from cai_falc import config
from cai_falc.errors import ConfigError


def test_defaults_without_file(tmp_path: Path) -> None:
    settings = config.load(tmp_path)
    assert settings.root == tmp_path.resolve()
    assert settings.check.long_sentence_error == 15
    assert settings.target_languages == ["en", "nl", "ar", "uk", "ru", "tr", "es", "fa"]


def test_project_file_is_found_upwards(project: Path) -> None:
    sub = project / "fiches"
    settings = config.load(sub)
    assert settings.root == project.resolve()
    assert settings.project.organisation == "Centre de test"
    assert settings.path("output") == project.resolve() / "output"


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    (tmp_path / "cai-falc.toml").write_text(
        '[project]\nlanguages = ["en", "xx1"]\nfoo = 1\n[check]\nlong_sentence_error = "a"\n'
        "[nope]\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as info:
        config.load(tmp_path)
    text = str(info.value)
    assert "cai-falc.toml" in text
    assert "unknown section [nope]" in text
    assert "Config value 'project.foo': unknown setting" in text
    assert "Config value 'check.long_sentence_error': expected a whole number, got 'a'" in text
    assert "'xx1' is not a language code" in text
    assert len(info.value.problems) == 4


def test_broken_toml_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "cai-falc.toml").write_text("[project\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        config.load(tmp_path)


def test_font_size_below_falc_minimum_is_refused(tmp_path: Path) -> None:
    (tmp_path / "cai-falc.toml").write_text("[render]\nfont_size_pt = 11\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="at least 14 pt"):
        config.load(tmp_path)


def test_describe_lists_every_field_with_help() -> None:
    rows = config.describe()
    assert (
        "check",
        "long_sentence_error",
        15,
        rows[[r[1] for r in rows].index("long_sentence_error")][3],
    ) in rows
    assert all(help_line for *_, help_line in rows)
