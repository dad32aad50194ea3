"""``cai-falc check``: FALC rule findings and readability figures (issue 3)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..cli import project_option, reporting, strict_option


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--lang", default=None, help="Language of the texts (default: fr; PO catalogs: "
              "their own).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text",
    help="Output format: lines for people, JSON for programs, or an HTML page.",
)
@click.option("--falc", "falc", is_flag=True, default=None,
              help="Check as FALC output (one sentence per line), whatever the file name.")
@click.option("--quiet", "-q", is_flag=True, default=False,
              help="Findings only, without the figures of each file.")
@click.option("--rules", "list_rules", is_flag=True, default=False,
              help="List the rule ids, their severity and what they check, then stop.")
@strict_option
@project_option
def command(paths: tuple[Path, ...], lang: str | None, fmt: str, falc: bool | None,
            quiet: bool, list_rules: bool, strict: bool, project: Path | None) -> None:
    """Check fiches, FALC texts, translations or any text file ('-' for stdin).

    \b
    Without PATH, checks the project's fiches folder. Each finding is printed as
      file:line:col rule-id (severity) message « words »
    Switch a finding off with '<!-- falc: ignore passive -->' on the line before,
    with 'ignore: [passive]' in a file's front matter, or with [check] disabled.
    Exit codes: 0 ok, 1 error findings (warnings too with --strict), 2 bad input.
    """
    from .. import check, glossary, rules, storage
    from ..cli import load_settings
    from ..errors import CaiFalcError

    if list_rules:
        for rule_id in rules.ORDER:
            r = rules.RULES[rule_id]
            where = "FALC" if r.falc_only else ("toutes langues" if r.langs == "any" else "fr")
            click.echo(f"{r.id:24} {r.severity:8} {r.title} ({where})")
        return

    settings = load_settings(project)
    if lang is not None:
        from ..config import language_problem

        problem = language_problem(lang)
        if problem is not None:
            raise click.BadParameter(problem, param_hint="--lang")
    unknown = sorted(set(settings.check.disabled) - set(rules.RULES))
    if unknown:
        click.echo(
            f"Attention: [check] disabled cite des règles inconnues : {', '.join(unknown)} "
            "(la liste : cai-falc check --rules).",
            err=True,
        )
    with reporting():
        gloss = glossary.load(settings.path("glossaries"))
        results: list[check.CheckResult] = []
        errors: list[CaiFalcError] = []
        files = [p for p in paths if str(p) != "-"]
        if any(str(p) == "-" for p in paths):
            data = storage.decode(sys.stdin.buffer.read(), Path("<stdin>"))
            try:
                doc = check.read_document(Path("<stdin>"), text=data.text, lang=lang, falc=falc)
                results.append(check.check_document(doc, settings=settings, glossary=gloss))
            except CaiFalcError as exc:
                errors.append(exc)
        if not paths:
            files = [settings.path("fiches")]
            if not files[0].is_dir():
                raise click.UsageError(
                    f"no PATH given and no fiches folder at {files[0]}: give files to check "
                    "or '-' for the standard input."
                )
        found, bad = check.check_paths(files, settings=settings, glossary=gloss, lang=lang,
                                       falc=falc)
        results.extend(found)
        errors.extend(bad)
        if fmt == "json":
            click.echo(check.format_json(results), nl=False)
        elif fmt == "html":
            click.echo(check.format_html(results, settings=settings), nl=False)
        else:
            click.echo(check.format_text(results, figures=not quiet), nl=False)
    for error in errors:
        click.echo(f"Erreur: {error}", err=True)
    if errors:
        sys.exit(2)
    sys.exit(check.exit_code(results, strict=strict))
