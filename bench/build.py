"""Benchmark of ``cai-falc build``: cold, no-op and one-changed rebuilds, and growth.

Every build runs in a fresh subprocess (``python -m cai_falc build -q``) in a temporary
copy of the project, so imports, fonts and models load as they do for a user. For each
build it prints wall time, CPU time of the child (user+sys, from ``getrusage`` deltas of
``RUSAGE_CHILDREN``, which include ``--jobs`` workers) and the child's peak RSS (from
``wait4``), then the ratios, all measured in this one run.

Part 2 builds a synthetic corpus (``bench/corpus.py``: N fiches made from the real ones)
at several sizes, with French only and with 3 target languages translated for real by
echo models built on the spot (``tests/argos_kit.py``, installed in a temporary
ARGOS_PACKAGES_DIR): how time and memory grow with fiches and languages.

    .venv/bin/python bench/build.py            # N = 10, 50, 100, 200
    .venv/bin/python bench/build.py --quick    # N = 10, 50
    .venv/bin/python bench/build.py --sizes 10,100
    .venv/bin/python bench/build.py --real-only  # part 1 only
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "tests"), str(ROOT / "src")]

import corpus  # noqa: E402

from cai_falc.fiche import read_fiche, write_fiche  # noqa: E402


@dataclass
class Run:
    """One build: wall and CPU seconds, peak RSS of the child (MB), exit code."""

    wall: float
    cpu: float
    rss_mb: float
    code: int

    def row(self, label: str) -> str:
        return (
            f"  {label:<34} wall {self.wall:7.2f} s   cpu {self.cpu:7.2f} s   "
            f"peak RSS {self.rss_mb:6.0f} MB   exit {self.code}"
        )


def measure(command: list[str], env: dict[str, str]) -> tuple[Run, str]:
    """Run ``command`` in a fresh process; its wall and CPU time (its workers' included),
    peak RSS and exit code, and what it wrote on stderr."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    assert proc.stderr is not None
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss is in kB on Linux; the wait4 figure is this child's (and its workers') peak.
    return Run(wall, cpu, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)), err


def build(root: Path, env: dict[str, str], *args: str) -> Run:
    """Run ``cai-falc build -q`` in a fresh process and measure it."""
    command = [sys.executable, "-m", "cai_falc", "build", "-q", "--project", str(root), *args]
    run, err = measure(command, env)
    if "Traceback" in err:
        sys.exit(f"the build crashed:\n{err}")
    return run


def project(folder: Path, fiches: list[Path], langs: list[str]) -> Path:
    """A project in ``folder``: the real config and glossary, these fiches, these languages."""
    root = folder
    (root / "fiches").mkdir(parents=True)
    config = (ROOT / "cai-falc.toml").read_text("utf-8")
    config = re.sub(r"(?m)^languages = .*$", f"languages = {langs!r}".replace("'", '"'), config)
    (root / "cai-falc.toml").write_text(config, "utf-8")
    shutil.copytree(ROOT / "glossaries", root / "glossaries")
    for path in fiches:
        shutil.copy(path, root / "fiches" / path.name)
    return root


def models_env(tmp: Path, langs: list[str]) -> dict[str, str]:
    """An environment with echo models fr->lang installed in a temporary packages folder."""
    packages = tmp / "argos-packages"
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "ARGOS_PACKAGES_DIR": str(packages),
        "ARGOS_PACKAGE_INDEX": "http://127.0.0.1:9/",
        "XDG_DATA_HOME": str(tmp / "xdg-data"),
        "XDG_CONFIG_HOME": str(tmp / "xdg-config"),
        "XDG_CACHE_HOME": str(tmp / "xdg-cache"),
    }
    # Python keeps compiled modules (__pycache__) on a user's machine; some shells (this
    # one's CI) switch that off, and every build then compiles cai-falc again (~0.1 s).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # Built in a child: Linux carries a process's peak RSS across fork+exec, so this
    # process must stay small (no numpy, no ctranslate2) for the children's peaks to be theirs.
    script = (
        "import sys; from pathlib import Path; import argos_kit; from cai_falc import models\n"
        "for lang in sys.argv[2:]:\n"
        "    archive = argos_kit.build_package(Path(sys.argv[1]) / 'archives', 'fr', lang)\n"
        "    models.install(archive)\n"
    )
    env_kit = {**env, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT / "tests")])}
    subprocess.run([sys.executable, "-c", script, str(tmp), *langs], env=env_kit, check=True)
    return env


def change_one(root: Path, which: int = 0) -> None:
    """Change one fiche's source, as an editor re-importing a corrected fiche would."""
    paths = corpus.source_files(root / "fiches")
    path = paths[which % len(paths)]
    fiche = read_fiche(path)
    fiche.lead += " Le CAI organise aussi une rencontre chaque année."
    write_fiche(fiche, path)


def repository(folder: Path) -> Path:
    """A copy of the repository's own project as committed: config, glossary, fiches with
    their FALC texts, catalogs. Built with the bench's echo models, so French and three of
    its languages are rendered."""
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "cai-falc.toml", "fiches", "glossaries",
         "translations", "templates"],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    for name in listed:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, folder / name)
    return folder


def median(runs: list[Run]) -> Run:
    return sorted(runs, key=lambda r: r.wall)[len(runs) // 2]


def scenario(root: Path, env: dict[str, str], changes: int = 3) -> dict[str, Run]:
    """Cold, then 3 no-op rebuilds, then ``changes`` rebuilds each after one more fiche
    changed (the median of each is kept: the machines are shared and noisy)."""
    runs = {"cold": build(root, env)}
    runs["no-op rebuild"] = median([build(root, env) for _ in range(3)])
    changed = []
    for which in range(changes):
        change_one(root, which)
        changed.append(build(root, env))
    runs["one fiche changed"] = median(changed)
    return runs


def ratios(runs: dict[str, Run]) -> None:
    for label, run in runs.items():
        print(run.row(label))
    cold = runs["cold"]
    print("  ratios (target): wall / cpu")
    for label, target in (("no-op rebuild", 0.05), ("one fiche changed", 0.20)):
        run = runs[label]
        ok = "ok" if run.wall / cold.wall < target else "MISSED"
        print(
            f"    {label + ' / cold':<30} {run.wall / cold.wall:6.1%} / {run.cpu / cold.cpu:6.1%}"
            f"   (< {target:.0%}: {ok})"
        )


def part_one(tmp: Path, env: dict[str, str]) -> None:
    print("1a. The repository's own project as committed, fr + en, ar, uk (echo models;"
          " cold = no build cache, no outputs; no-op and one fiche changed: medians of 3)")
    ratios(scenario(repository(tmp / "repo"), env))
    real = corpus.source_files()
    print(f"\n1b. Its {len(real)} fiches alone, French only (cold = no cache, no FALC drafts):"
          " the smallest project, where fixed costs weigh most")
    runs = scenario(project(tmp / "real-j1", real, []), env)
    ratios(runs)
    two = build(project(tmp / "real-j2", real, []), env, "--jobs", "2")
    print(two.row("cold --jobs 2"))
    cold = runs["cold"]
    print("  (peak RSS is the largest single process: a render worker's or the build's)")
    print(f"    {'cold --jobs 2 / --jobs 1':<30} {two.wall / cold.wall:6.1%} / "
          f"{two.cpu / cold.cpu:6.1%}")
    # What any build that renders a leaflet pays before its first page, whatever the
    # size of the project: the floor under the one-changed ratio of a small project.
    start = median([timed(env, "import cai_falc.cli, cai_falc.pipeline") for _ in range(3)])
    weasy = median([timed(env, "from cai_falc import render; render.import_weasyprint()")
                    for _ in range(3)])
    print(f"  fixed costs, medians of 3: start + cai-falc's modules {start.wall:.2f} s"
          f" ({start.wall / cold.wall:.1%} of this cold build); a render worker's WeasyPrint"
          f" {weasy.wall:.2f} s ({weasy.wall / cold.wall:.1%})")


def timed(env: dict[str, str], code: str) -> Run:
    """A Python process running ``code``, measured like a build."""
    return measure([sys.executable, "-c", code], env)[0]


def part_two(tmp: Path, env: dict[str, str], sizes: list[int], langs: list[str]) -> None:
    print(f"\n2. Synthetic corpus (cold builds, --jobs 1); 3 languages = fr + {', '.join(langs)}")
    print(f"  {'fiches':>6} {'langs':>5} {'wall s':>8} {'cpu s':>8} {'s/fiche':>8} "
          f"{'peak MB':>8} {'exit':>4}   no-op/cold  one-changed/cold (cpu)")
    per_fiche: dict[tuple[int, int], float] = {}
    for n in sizes:
        source = corpus.write_corpus(tmp / f"corpus-{n}", n)
        for targets in ([], langs):
            root = project(tmp / f"synth-{n}-{len(targets)}", source, targets)
            run = build(root, env)
            count = 1 + len(targets)
            per_fiche[(n, count)] = run.cpu / n
            # The incremental ratios at this size: fixed costs (imports, lexicons) weigh less
            # as the site grows.
            noop = build(root, env)
            change_one(root)
            one = build(root, env)
            print(f"  {n:>6} {count:>5} {run.wall:8.2f} {run.cpu:8.2f} {run.cpu / n:8.3f} "
                  f"{run.rss_mb:8.0f} {run.code:>4}   {noop.cpu / run.cpu:10.1%}  "
                  f"{one.cpu / run.cpu:16.1%}")
            shutil.rmtree(root)
    small, big = min(sizes), max(sizes)
    if small != big:
        print("  linearity (cpu per fiche at the largest N / at the smallest; 1.0 = linear):")
        for count in (1, 1 + len(langs)):
            ratio = per_fiche[(big, count)] / per_fiche[(small, count)]
            print(f"    {count} language(s): {big} vs {small} fiches -> {ratio:.2f}")
    for n in sizes:
        ratio = per_fiche[(n, 1 + len(langs))] / per_fiche[(n, 1)]
        print(f"  cost of {len(langs)} more languages at N = {n}: x{ratio:.2f} cpu")


def warm_user_caches(tmp: Path, env: dict[str, str]) -> None:
    """Fill the user-level caches (lexicon, compiled templates) once, as bootstrap and a
    user's first build do: "cold" below means a project without its build cache, not a
    machine that never ran cai-falc (that one-time cost would flatter every ratio)."""
    real = corpus.source_files()
    root = project(tmp / "warm-up", real[:1], ["en"])
    build(root, env)
    shutil.rmtree(root)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="N = 10, 50 only")
    parser.add_argument("--sizes", help="comma-separated corpus sizes (default 10,50,100,200)")
    parser.add_argument("--skip-real", action="store_true", help="only the synthetic corpus")
    parser.add_argument("--real-only", action="store_true", help="only part 1 (no corpus)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else (
        [10, 50] if args.quick else [10, 50, 100, 200]
    )
    langs = ["en", "ar", "uk"]
    with tempfile.TemporaryDirectory(prefix="cai-falc-bench-") as name:
        tmp = Path(name)
        env = models_env(tmp, langs)
        warm_user_caches(tmp, env)
        print(f"cai-falc build benchmark; python {sys.version.split()[0]}; "
              f"{os.cpu_count()} CPU(s); load {os.getloadavg()[0]:.1f}\n")
        if not args.skip_real:
            part_one(tmp, env)
        if not args.real_only:
            part_two(tmp, env, sizes, langs)


if __name__ == "__main__":
    main()
