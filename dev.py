#!/usr/bin/env python3
"""Set everything up, then launch the app or run the whole test suite.

    python3 dev.py app [APP ARGS...]   create/refresh .venv, then start Study Planner
    python3 dev.py test [PYTEST ARGS...]  create/refresh .venv, then lint, type-check, test

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
    run(str(BIN / "ruff"), "check", "studyplanner", "tests", "benchmarks", "dev.py")
    run(str(BIN / "ruff"), "format", "--check", "studyplanner", "tests", "benchmarks", "dev.py")
    run(str(BIN / "lint-imports"), env=env)
    run(str(PYTHON), "-m", "mypy", env=env)
    run(str(PYTHON), "-m", "pytest", *args, env=env)


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in ("app", "test"):
        sys.exit(__doc__)
    command, rest = sys.argv[1], sys.argv[2:]
    if command == "app":
        run_app(rest)
    else:
        run_tests(rest)


if __name__ == "__main__":
    main()
