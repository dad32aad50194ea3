"""Shared fixtures: a tiny project written into tmp_path, and the seed export."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_3265c7d80c062ad5.txt"


@pytest.fixture
def seed_export() -> Path:
    """The centre's real CMS export (10 fiches), beside the repository in ../shared."""
    assert SEED.is_file(), f"the seed export is missing: {SEED}"
    return SEED


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An empty cai-falc project: a config file and the usual folders."""
    (tmp_path / "cai-falc.toml").write_text(
        textwrap.dedent(
            """\
            [project]
            organisation = "Centre de test"
            contact = "test.example"
            languages = ["en", "ar"]
            """
        ),
        encoding="utf-8",
    )
    for folder in ("fiches", "glossaries", "translations", "templates", "output"):
        (tmp_path / folder).mkdir()
    return tmp_path
