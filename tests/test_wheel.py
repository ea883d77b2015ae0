"""The wheel carries every resource and migration, and an installed copy (not the checkout) loads
every template and icon through studyplanner.bundled."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ROOT_ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICONS = tuple(sorted(p.stem for p in ROOT_ICONS.glob("*.svg")))
"""Every icon of the checkout (test_bundled.py pins the exact list)."""
FONTS = tuple(f"fonts/{p.name}" for p in sorted((ROOT / "resources" / "fonts").glob("*.ttf")))
"""Every font of the checkout (test_bundled.py pins the exact list)."""
TRACKS = (
    "cpc-certificate-program",
    "cpc-exam-prep-experienced",
    "cca-facility-coding-program",
    "ccs-exam-prep",
    "associate-degree-hit",
)

# Runs with -S (no site-packages, so neither the virtualenv nor the editable install of the
# checkout is visible): only the copy on PYTHONPATH can be imported. bundled needs only stdlib.
PROBE = r"""
import json, sys
from importlib import resources
import studyplanner.bundled as b
templates = b.load_track_templates()
icons = {name: len(b.icon_svg(name)) for name in b.icon_names()}
print(json.dumps({
    "file": b.__file__,
    "resources": str(resources.files("studyplanner.resources")),
    "templates": [t.id for t in templates],
    "minutes": {t.id: t.total_minutes for t in templates},
    "icons": icons,
    "bodies": [body["code"] for body in b.credential_rules()["bodies"]],
    "help": [p.title for p in b.help_pages() if p.text.startswith("# ")],
    "help_es": [p.file for p in b.help_pages("es") if p.language == "es"],
    "spanish": len(b.translation("es") or b""),
    "fonts": {name: [str(b.font_file(name)), b.font_file(name).stat().st_size]
              for name in b.FONT_FILES},
    "heavy": sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "sqlalchemy")),
}))
"""


# Alembic and SQLAlchemy live in the virtualenv's site-packages, so this one runs without -S. The
# installed copy on PYTHONPATH still comes before site-packages and the editable-install finder;
# the probe checks that both the package and the migrations it hands to Alembic are that copy.
MIGRATIONS_PROBE = r"""
import json
from importlib import resources
import studyplanner
from studyplanner.store import migrate
with resources.as_file(resources.files("studyplanner.store") / "migrations") as location:
    scripts = str(location)
print(json.dumps({
    "file": studyplanner.__file__,
    "migrate": migrate.__file__,
    "scripts": scripts,
    "revisions": migrate.alembic_revisions(),
    "known": list(migrate.KNOWN_REVISIONS),
}))
"""


def _copy_source(dest: Path) -> Path:
    """Build from a clean copy: the checkout's build/ may hold stale files from older builds (they
    would end up in the wheel), and other tests may be building there at the same time."""
    dest.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, dest / name)
    for name in ("studyplanner", "resources"):
        shutil.copytree(ROOT / name, dest / name, ignore=ignore)
    return dest


def _files_under(folder: Path, suffixes: tuple[str, ...]) -> set[str]:
    return {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.name.endswith(suffixes)
    }


@pytest.mark.slow
def test_wheel_carries_the_resources_and_an_installed_copy_loads_them(tmp_path: Path) -> None:
    source = _copy_source(tmp_path / "src")
    dist = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "-q", "-w", str(dist), str(source)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr
    (wheel,) = dist.glob("studyplanner-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())

    # every resource file of the checkout, and nothing but those, under studyplanner/resources
    resource_files = _files_under(
        ROOT / "resources", (".json", ".svg", ".md", ".txt", ".py", ".ttf", ".xml", ".qm")
    )
    shipped = {n.removeprefix("studyplanner/resources/") for n in names if "/resources/" in n}
    assert shipped == resource_files
    for track in TRACKS:
        assert f"studyplanner/resources/tracks/{track}.json" in names
    for icon in ICONS:
        assert f"studyplanner/resources/icons/{icon}.svg" in names
    assert "studyplanner/resources/i18n/studyplanner_es.qm" in names  # the Spanish translation
    assert not any(n.endswith(".ts") for n in names)  # its source stays in the checkout
    licences = ("fonts/LICENSE-DejaVu.txt", "fonts/LICENSE-DroidSansFallback.txt")
    for name in ("credentials/rules.json", "icons/LICENSE-lucide.txt", "README.md", *FONTS,
                 *licences):  # fmt: skip
        assert f"studyplanner/resources/{name}" in names
    migrations = ROOT / "studyplanner" / "store" / "migrations"
    if migrations.is_dir():
        wanted = _files_under(migrations, (".py", ".mako"))
        assert wanted, "the migrations folder is empty"
        for name in wanted:
            assert f"studyplanner/store/migrations/{name}" in names

    site = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q",
         "--target", str(site), str(wheel)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr

    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPATH"] = str(site)
    run = subprocess.run(
        [sys.executable, "-S", "-c", PROBE],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout)
    assert Path(seen["file"]).is_relative_to(site), seen["file"]
    assert Path(seen["resources"]).is_relative_to(site), seen["resources"]
    assert sorted(seen["templates"]) == sorted(TRACKS)
    assert seen["templates"][-1] == "associate-degree-hit"
    assert seen["minutes"]["cpc-certificate-program"] == 596 * 60
    assert set(seen["icons"]) == set(ICONS) and all(seen["icons"].values())
    assert seen["bodies"] == ["AAPC", "AHIMA"]
    assert len(seen["help"]) == 6  # the user guide's pages, each read from the installed copy
    assert len(seen["help_es"]) == 6  # ... and each in Spanish
    spanish = ROOT / "resources" / "i18n" / "studyplanner_es.qm"
    assert seen["spanish"] == spanish.stat().st_size  # the compiled translation, whole
    for name, (path, size) in seen["fonts"].items():  # the installed copy's files, whole
        assert Path(path).is_relative_to(site), path
        assert size == (ROOT / "resources" / "fonts" / name).stat().st_size
    assert seen["heavy"] == []

    migrations_run = subprocess.run(
        [sys.executable, "-c", MIGRATIONS_PROBE],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert migrations_run.returncode == 0, migrations_run.stderr
    found = json.loads(migrations_run.stdout)
    for key in ("file", "migrate", "scripts"):
        assert Path(found[key]).is_relative_to(site), found
    assert found["revisions"] == found["known"]
    assert found["revisions"][0] == "0001_initial"
