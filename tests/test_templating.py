from __future__ import annotations

from pathlib import Path

import pytest

from cai_falc import templating
from cai_falc.errors import TemplateError


def test_project_template_overrides_and_extends_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packaged = tmp_path / "packaged"
    packaged.mkdir()
    (packaged / "page.html").write_text("<p>{{ text }}</p>{% block foot %}pied{% endblock %}")
    monkeypatch.setattr(templating, "PACKAGED", packaged)
    own = tmp_path / "templates"
    own.mkdir()
    env = templating.environment(own)
    assert templating.render(env, "page.html", text="<b>") == "<p>&lt;b&gt;</p>pied"
    (own / "page.html").write_text(
        '{% extends "default:page.html" %}{% block foot %}à nous{% endblock %}'
    )
    env = templating.environment(own)
    assert templating.render(env, "page.html", text="x") == "<p>x</p>à nous"


def test_missing_value_and_missing_template_are_clear(tmp_path: Path) -> None:
    (tmp_path / "t.html").write_text("{{ absent }}")
    env = templating.environment(tmp_path)
    with pytest.raises(TemplateError, match="'absent' is undefined"):
        templating.render(env, "t.html")
    with pytest.raises(TemplateError, match=r"template 'nope.html' not found \(searched: "):
        templating.render(env, "nope.html")
