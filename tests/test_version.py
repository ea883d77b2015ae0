"""One version number: pyproject.toml's. The package, `--version`, the AppStream metainfo's
newest release and CHANGELOG.md's newest entry all say the same."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import studyplanner

ROOT = Path(__file__).resolve().parents[1]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def test_package_version_is_pyprojects() -> None:
    assert studyplanner.version() == VERSION
    assert studyplanner.__version__ == VERSION


def test_version_option_prints_it_without_qt() -> None:
    probe = (
        "import sys; from studyplanner.app import main; code = main(['--version']); "
        "assert not any(m.startswith('PySide6') for m in sys.modules); sys.exit(code)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Study Planner {VERSION}"


def test_metainfo_and_changelog_name_this_version() -> None:
    metainfo = ROOT / "resources/desktop/org.studyplanner.StudyPlanner.metainfo.xml"
    newest = ET.parse(metainfo).getroot().find("releases/release")
    assert newest is not None and newest.get("version") == VERSION
    heading = re.search(r"^## (\S+) — (\d{4}-\d{2}-\d{2})$",
                        (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.M)  # fmt: skip
    assert heading is not None and heading.group(1) == VERSION
    assert heading.group(2) == newest.get("date")
