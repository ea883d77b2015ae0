"""Run the binding canary on every Python 3.11+ found on this machine, with the binding that
`pip install -c constraints.txt` chooses for it (and, with --binding, a given PySide6 version).

    python3 benchmarks/check_binding_canary.py [--binding 6.12.0] [--python PATH ...]

Each Python gets a virtualenv under .canary-venvs/ (kept between runs; delete it to start
afresh). Prints one line per Python with None's reference count before and after 3,000 void
Qt calls; exits 1 when the chosen binding leaks on any of them.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CANARY = ROOT / "benchmarks" / "binding_canary.py"
VENVS = ROOT / ".canary-venvs"


def pythons() -> list[Path]:
    """This interpreter and every CPython 3.11+ under pyenv."""
    found = {Path(sys.executable).resolve()}
    root = os.environ.get("PYENV_ROOT", str(Path.home() / ".pyenv"))
    for candidate in glob.glob(f"{root}/versions/3.*/bin/python3.[0-9]*"):
        if re.fullmatch(r"python3\.\d+", Path(candidate).name):
            found.add(Path(candidate).resolve())
    usable = []
    for path in sorted(found):
        query = "import sys; print(sys.version_info[:2] >= (3, 11))"
        out = subprocess.run([str(path), "-c", query], capture_output=True, text=True)
        if out.stdout.strip() == "True":
            usable.append(path)
    return usable


def run_canary(python: Path, binding: str | None) -> dict[str, object]:
    name = f"{python.parent.parent.name}-{binding or 'constraints'}"
    target = VENVS / name
    interpreter = target / "bin" / "python"
    if not interpreter.exists():
        subprocess.run([str(python), "-m", "venv", str(target)], check=True)
        wanted = [f"PySide6-Essentials=={binding}"] if binding else ["PySide6-Essentials"]
        constraints = [] if binding else ["-c", str(ROOT / "constraints.txt")]
        subprocess.run(
            [str(interpreter), "-m", "pip", "install", "--quiet", *constraints, *wanted],
            check=True, env=dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1"),
        )  # fmt: skip
    out = subprocess.run(
        [str(interpreter), str(CANARY), "--calls", "3000"],
        capture_output=True, text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )  # fmt: skip
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if not lines:
        return {"python": str(python), "error": out.stderr.strip().splitlines()[-1:]}
    result: dict[str, object] = json.loads(lines[-1])
    result["aborted"] = out.returncode != 0
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binding", help="a PySide6 version to try instead of the constraints'")
    parser.add_argument("--python", action="append", type=Path, help="only these interpreters")
    args = parser.parse_args()
    VENVS.mkdir(exist_ok=True)
    bad = False
    for python in args.python or pythons():
        r = run_canary(python, args.binding)
        if "error" in r:
            print(f"{python}: the canary did not run: {r['error']}")
            bad = True
            continue
        note = " (None is immortal on this Python)" if r["immortal_none"] else ""
        verdict = "LEAKS" if r["leaks"] else "ok"
        print(f"Python {r['python']:8} {r['binding']:16} None refcount {r['before']} -> "
              f"{r['after']} over {r['calls']} void calls: {verdict}{note}")  # fmt: skip
        bad = bad or bool(r["leaks"])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
