"""The wheel carries every resource and migration, and an installed copy loads them."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PROBE = r"""
import sys
site = sys.argv[1]
import studyplanner, studyplanner.bundled as b
assert studyplanner.__file__.startswith(site), studyplanner.__file__
templates = b.load_track_templates()
assert len(templates) == 5, templates
assert b.credential_rules()["bodies"]
for name in b.icon_names():
    assert b.icon_svg(name)
from studyplanner.store import migrate
assert migrate.alembic_revisions() == list(migrate.KNOWN_REVISIONS)
print("ok", len(templates), len(b.icon_names()))
"""


@pytest.mark.slow
def test_wheel_contains_resources_and_an_installed_copy_loads_them(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    (wheel,) = out.glob("studyplanner-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    tracks = [n for n in names if n.startswith("studyplanner/resources/tracks/")]
    assert len(tracks) == 5
    assert "studyplanner/resources/credentials/rules.json" in names
    assert "studyplanner/resources/icons/LICENSE-lucide.txt" in names
    assert len([n for n in names if n.startswith("studyplanner/resources/icons/")]) >= 27
    assert "studyplanner/store/migrations/env.py" in names
    assert "studyplanner/store/migrations/versions/0001_initial.py" in names

    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site),
         str(wheel)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    # Run outside the checkout, with the installed copy first on the path (the checkout is an
    # editable install in this virtualenv; the probe asserts the module came from `site`).
    env = dict(os.environ, PYTHONPATH=str(site))
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(site)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok 5")
