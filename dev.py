#!/usr/bin/env python3
"""Set everything up, then launch the app or run the whole test suite.

    python3 dev.py app [APP ARGS...]   create/refresh .venv, then start Study Planner
    python3 dev.py test [PYTEST ARGS...]  create/refresh .venv, then lint, type-check, test
    python3 dev.py bundle              build the standalone app (dist/studyplanner/ and its
                                       archive) in .venv-bundle, measure it and test it
    python3 dev.py translations        extract the texts to translate (pyside6-lupdate), fill
                                       new ones from packaging/spanish.py, compile the .qm

Only needs Python 3.11+ with venv. Versions come from constraints.txt (the tested lock), so a
fresh clone gets what the tests were run with. The virtualenv is refreshed only when pyproject.toml
or constraints.txt changed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".studyplanner-installed"


def _fingerprint(extra: str) -> str:
    digest = hashlib.sha256(extra.encode())
    for name in ("pyproject.toml", "constraints.txt"):
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def ensure_venv(extra: str) -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py may be started by an old python3)
        sys.exit(f"Study Planner needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    wanted = _fingerprint(extra)
    if STAMP.exists() and STAMP.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("Creating the virtual environment in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    target = f".[{extra}]" if extra else "."
    print(f"Installing Study Planner and its dependencies ({target}) ...", flush=True)
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1")
    subprocess.run(
        [str(PYTHON), "-m", "pip", "install", "--quiet", "-c", "constraints.txt", "-e", target],
        cwd=ROOT,
        check=True,
        env=env,
    )
    STAMP.write_text(wanted)


def run(*cmd: str, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(cmd), flush=True)
    result = subprocess.run(cmd, cwd=ROOT, env=env)
    if result.returncode != 0:
        sys.exit(result.returncode)


def run_app(args: list[str]) -> None:
    ensure_venv("")
    os.execv(str(PYTHON), [str(PYTHON), "-m", "studyplanner", *args])


def run_tests(args: list[str]) -> None:
    ensure_venv("test")
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    sources = ("studyplanner", "tests", "benchmarks", "packaging", "dev.py")
    run(str(BIN / "ruff"), "check", *sources)
    run(str(BIN / "ruff"), "format", "--check", *sources)
    run(str(BIN / "lint-imports"), env=env)
    run(str(PYTHON), "-m", "mypy", env=env)
    run(str(PYTHON), "-m", "pytest", *args, env=env)


def run_bundle(args: list[str]) -> None:
    """The standalone app: see packaging/bundle.py (run with the build virtualenv's Python)."""
    ensure_venv("test")  # the bundle check runs with the project's own pytest
    bundle_python = ensure_bundle_venv()
    run(str(bundle_python), str(ROOT / "packaging" / "bundle.py"), "--test-python", str(PYTHON),
        *args)  # fmt: skip


def run_translations(args: list[str]) -> None:
    """resources/i18n/studyplanner_es.ts and .qm: see packaging/translations.py."""
    ensure_venv("test")
    run(str(PYTHON), str(ROOT / "packaging" / "translations.py"), *args)


BUNDLE_VENV = ROOT / ".venv-bundle"


def ensure_bundle_venv() -> Path:
    """A separate virtualenv for building: the app installed from a wheel (not editable, as a
    user would get it) with PyInstaller, versions from constraints.txt."""
    python = BUNDLE_VENV / ("Scripts" if os.name == "nt" else "bin") / PYTHON.name
    stamp = BUNDLE_VENV / ".studyplanner-installed"
    wanted = _fingerprint("bundle")
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1")
    pip = [str(python), "-m", "pip", "install", "--quiet", "-c", "constraints.txt"]
    if not (stamp.exists() and stamp.read_text() == wanted and python.exists()):
        if not python.exists():
            print("Creating the build virtual environment in .venv-bundle ...", flush=True)
            venv.EnvBuilder(with_pip=True, clear=True).create(BUNDLE_VENV)
        print("Installing PyInstaller and the app's dependencies (.[bundle]) ...", flush=True)
        subprocess.run([*pip, ".[bundle]"], cwd=ROOT, check=True, env=env)
        stamp.write_text(wanted)
    # The app itself is reinstalled every time (its code changes more often than the pins).
    subprocess.run([*pip, "--no-deps", "--force-reinstall", "--no-build-isolation", "."],
                   cwd=ROOT, check=True, env=env)  # fmt: skip
    return python


COMMANDS = {
    "app": run_app,
    "test": run_tests,
    "bundle": run_bundle,
    "translations": run_translations,
}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    command, rest = sys.argv[1], sys.argv[2:]
    COMMANDS[command](rest)


if __name__ == "__main__":
    main()
