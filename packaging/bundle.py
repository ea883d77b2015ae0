"""Build, measure and test the standalone app (run by `python3 dev.py bundle`, with the build
virtualenv's Python: .venv-bundle, where the app is installed from a wheel beside PyInstaller).

1. PyInstaller with packaging/studyplanner.spec -> dist/studyplanner/ (the build time is printed);
2. the archive dist/studyplanner-<version>-linux-x86_64.tar.gz (one folder, `studyplanner/`);
3. sizes: unpacked and archive, the ten biggest files, what dominates;
4. start-up side by side, alternating: the bundle against the same app run from the build
   virtualenv, `--smoke-test` on a realistic data folder (offscreen) and `--version`, medians;
5. the bundle check, tests/bundle/test_bundle.py, run by the project's pytest (--test-python)
   against the archive just built: as a user would run it, with no Python on PATH.

Options: --no-build (measure and test what dist/ holds), --runs N (default 5), --no-test.
A JSON copy of the figures goes to dist/bundle-report.json.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUILD = ROOT / "build"
APP_DIR = DIST / "studyplanner"
NAME = "studyplanner"
WINDOWS = sys.platform.startswith("win")
MAC = sys.platform == "darwin"
EXE = APP_DIR / (f"{NAME}-cli.exe" if WINDOWS else NAME)
"""What is run: on Windows the console twin of the windowed studyplanner.exe."""


def _user_data():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("user_data", ROOT / "packaging" / "user_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def archive_name(version: str) -> str:
    machine = {"amd64": "x86_64", "arm64": "aarch64"}.get(platform.machine().lower(),
                                                          platform.machine().lower())  # fmt: skip
    system = {"darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform)
    suffix = "zip" if WINDOWS or MAC else "tar.gz"
    return f"{NAME}-{version}-{system}-{machine}.{suffix}"


def build() -> float:
    """PyInstaller, niced (the machine is shared); returns the seconds it took."""
    shutil.rmtree(APP_DIR, ignore_errors=True)
    BUILD.mkdir(exist_ok=True)
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    nice = ["nice", "-n", "10"] if shutil.which("nice") else []
    started = time.perf_counter()
    # From build/, not the checkout's root: the installed package must be the one analysed.
    subprocess.run([*nice, str(pyinstaller), "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"),
                    str(ROOT / "packaging" / "studyplanner.spec")],
                   cwd=BUILD, check=True)  # fmt: skip
    # PyInstaller links every collected library into _internal/, also the ones the spec pruned
    # (the Qt plugins never used): such links point at nothing and go.
    for link in [p for p in APP_DIR.rglob("*") if p.is_symlink() and not p.exists()]:
        link.unlink()
    strip_python_debug_info()
    return time.perf_counter() - started


def strip_python_debug_info() -> None:
    """A Python built from source (pyenv) keeps its debug information: libpython alone is 23 MB,
    6 MB without. Only the debug sections go (`strip --strip-debug`); symbols stay. The Qt and
    other wheels' libraries are stripped already."""
    strip = shutil.which("strip")
    if strip is None or not sys.platform.startswith("linux"):
        return
    internal = APP_DIR / "_internal"
    files = [p for p in internal.glob("libpython*.so*") if not p.is_symlink()]
    files += [p for p in internal.glob("python3*/lib-dynload/*.so") if not p.is_symlink()]
    before = sum(p.stat().st_size for p in files)
    subprocess.run([strip, "--strip-debug", *map(str, files)], check=True)
    after = sum(p.stat().st_size for p in files)
    print(f"stripped debug information from Python's own libraries: {mb(before)} -> {mb(after)}")


def make_archive(version: str) -> tuple[Path, float]:
    archive = DIST / archive_name(version)
    started = time.perf_counter()
    tmp = archive.with_name(archive.name + ".part")
    if WINDOWS or MAC:  # untested here: see .github/workflows/bundle.yml
        folder = DIST / "Study Planner.app" if MAC else APP_DIR
        made = shutil.make_archive(str(tmp), "zip", root_dir=folder.parent, base_dir=folder.name)
        os.replace(made, tmp)
    else:
        with tarfile.open(tmp, "w:gz", compresslevel=9) as tar:
            tar.add(APP_DIR, arcname=NAME)
    os.replace(tmp, archive)
    return archive, time.perf_counter() - started


def sizes(folder: Path) -> dict[str, object]:
    files = [(p.stat().st_size, p) for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(size for size, _ in files)
    groups: dict[str, int] = {}
    for size, path in files:
        rel = path.relative_to(folder).as_posix()
        if "/Qt/lib/libicu" in rel:
            group = "ICU (Unicode data for Qt)"
        elif "/Qt/lib/" in rel:
            group = "Qt libraries"
        elif "/Qt/plugins/" in rel:
            group = "Qt plugins"
        elif "/Qt/translations/" in rel:
            group = "Qt translations"
        elif "PySide6/" in rel or "shiboken6/" in rel:
            group = "PySide6 bindings"
        elif "libpython" in rel or "/python3." in rel or "base_library" in rel:
            group = "Python"
        elif rel in (NAME, f"{NAME}.exe", f"{NAME}-cli.exe"):
            group = "executable (with the Python code archive)"
        elif "PIL/" in rel or "pillow.libs/" in rel:
            group = "Pillow (images in the audit PDF)"
        elif "fontTools/" in rel or "fpdf/" in rel or "uharfbuzz/" in rel:
            group = "fpdf2, fontTools and HarfBuzz (the audit PDF)"
        elif "sqlalchemy/" in rel or "alembic/" in rel:
            group = "SQLAlchemy and Alembic"
        elif "studyplanner/" in rel:
            group = "the app's resources and migrations"
        elif rel.startswith("_internal/lib") and ".so" in rel:
            group = "system libraries (X11, fontconfig, D-Bus, OpenSSL...)"
        else:
            group = "other"
        groups[group] = groups.get(group, 0) + size
    biggest = sorted(files, reverse=True)[:10]
    return {
        "total": total,
        "files": len(files),
        "groups": dict(sorted(groups.items(), key=lambda kv: -kv[1])),
        "biggest": [(size, path.relative_to(folder).as_posix()) for size, path in biggest],
    }


def _timed(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} -> {done.returncode}: {done.stderr.decode()[-500:]}")
    return elapsed


def startup(runs: int) -> dict[str, dict[str, float]]:
    """Medians, the two programs run alternately so that the machine's drift hits both alike."""
    bundled = [str(EXE)]
    venv = [sys.executable, "-m", "studyplanner"]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("STUDYPLANNER_DATA_DIR", None)
    with tempfile.TemporaryDirectory(prefix="studyplanner-timing-") as tmp:
        os.chdir(tmp)  # `-m studyplanner` from the checkout's folder would run the checkout
        data = {"bundle": Path(tmp, "bundle-data"), "venv": Path(tmp, "venv-data")}
        _user_data().make(bundled, data["bundle"], env)
        _user_data().make(venv, data["venv"], env)
        results: dict[str, dict[str, list[float]]] = {
            what: {"bundle": [], "venv": []} for what in ("--smoke-test", "--version")
        }
        for _ in range(runs):
            for who, program in (("bundle", bundled), ("venv", venv)):
                results["--smoke-test"][who].append(
                    _timed([*program, "--data-dir", str(data[who]), "--smoke-test"], env)
                )
                results["--version"][who].append(_timed([*program, "--version"], env))
    return {what: {who: statistics.median(times) for who, times in by.items()}
            for what, by in results.items()}  # fmt: skip


def mb(size: float) -> str:
    return f"{size / 1e6:.1f} MB"


def report(figures: dict[str, object]) -> None:
    print("\n== Study Planner standalone build ==")
    print(f"version           {figures['version']}")
    if figures.get("build_s") is not None:
        print(f"build time        {figures['build_s']:.0f} s (PyInstaller, niced, 2 shared cores)")
    unpacked = figures["unpacked"]
    assert isinstance(unpacked, dict)
    print(f"unpacked size     {mb(unpacked['total'])} in {unpacked['files']} files "
          f"(target < 250 MB) -> {APP_DIR.relative_to(ROOT)}/")  # fmt: skip
    print(
        f"archive size      {mb(figures['archive_bytes'])} -> "  # type: ignore[arg-type]
        f"dist/{figures['archive']} ({figures['archive_s']:.0f} s to compress)"
    )
    print("what dominates:")
    for group, size in unpacked["groups"].items():
        print(f"  {mb(size):>9}  {group}")
    print("the ten biggest files:")
    for size, rel in unpacked["biggest"]:
        print(f"  {mb(size):>9}  {rel}")
    timing = figures.get("startup")
    if isinstance(timing, dict):
        print(
            f"start-up, median of {figures['runs']} alternating runs (offscreen, "
            "realistic data folder):"
        )
        print(f"  {'':14} {'bundle':>8} {'virtualenv':>11} {'ratio':>6}")
        for what, by in timing.items():
            ratio = by["bundle"] / by["venv"]
            print(f"  {what:14} {by['bundle']:7.2f}s {by['venv']:10.2f}s {ratio:6.2f}x")
        print("  (target: the bundle within 1.2x of the virtualenv)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="use what dist/ holds")
    parser.add_argument("--no-test", action="store_true", help="skip the bundle check")
    parser.add_argument("--runs", type=int, default=5, help="start-up runs of each program")
    parser.add_argument("--test-python", help="the Python with pytest for the bundle check")
    args = parser.parse_args()
    if WINDOWS or MAC:
        print("Only the Linux build is measured and tested on our machines; this one is not.")
    version = metadata.version("studyplanner")
    figures: dict[str, object] = {"version": version, "runs": args.runs, "build_s": None}
    if not args.no_build:
        figures["build_s"] = build()
    if not EXE.exists():
        sys.exit(f"no build in {APP_DIR}: run without --no-build")
    archive, figures["archive_s"] = make_archive(version)
    figures["archive"] = archive.name
    figures["archive_bytes"] = archive.stat().st_size
    figures["unpacked"] = sizes(APP_DIR)
    if args.runs > 0:
        figures["startup"] = startup(args.runs)
    report(figures)
    (DIST / "bundle-report.json").write_text(json.dumps(figures, indent=2) + "\n")
    if args.no_test or not args.test_python or WINDOWS or MAC:
        return 0
    print("\n== The bundle check (tests/bundle/test_bundle.py) ==", flush=True)
    env = dict(os.environ, STUDYPLANNER_BUNDLE_ARCHIVE=str(archive),
               QT_QPA_PLATFORM="offscreen")  # fmt: skip
    return subprocess.run([args.test_python, "-m", "pytest", "-m", "slow", "-v",
                           "tests/bundle"],
                          cwd=ROOT, env=env).returncode  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
