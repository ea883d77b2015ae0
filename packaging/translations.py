"""The Spanish translation, from the code to the shipped file (`python3 dev.py translations`).

1. `pyside6-lupdate` reads every .py of studyplanner/ into resources/i18n/studyplanner_es.ts,
   keeping the translations already there (new messages come in as unfinished, vanished ones
   are dropped). `self.tr("...")` is filed under its class; a free `tr("...")` and the local
   wrappers `_t`/`t` (aliases of `tr`, named below) under the empty context, as
   studyplanner/ui/shared/formatting.tr looks them up.
2. Every message gets its Spanish from packaging/spanish.py (English source -> Spanish), the
   record of the translation; one with no entry there stays unfinished and is listed (the tests
   fail on it).
3. `pyside6-lrelease` compiles the .ts into studyplanner_es.qm, committed beside it and shipped
   in the wheel and the standalone app (tests/test_translations.py checks it is up to date).

Needs only PySide6 (its wheels ship both tools): run with the project's virtualenv Python.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("es",)
TR_ALIASES = "tr+=_t,tr+=t"
"""Local wrappers of formatting.tr that lupdate must read as `tr`."""


def ts_file(language: str) -> Path:
    return I18N / f"studyplanner_{language}.ts"


def qm_file(language: str) -> Path:
    return I18N / f"studyplanner_{language}.qm"


def tool(name: str) -> str:
    """A PySide6 tool next to this Python (the virtualenv's scripts folder)."""
    suffix = ".exe" if sys.platform == "win32" else ""
    for folder in (Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))):
        candidate = folder / f"{name}{suffix}"
        if candidate.exists():
            return str(candidate)
    return name


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "studyplanner").rglob("*.py"))


def extract(language: str) -> None:
    I18N.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [tool("pyside6-lupdate"), *sources(), "-tr-function-alias", TR_ALIASES,
         "-locations", "none", "-no-obsolete", "-target-language", language,
         "-ts", str(ts_file(language))],
        cwd=ROOT, check=True,
    )  # fmt: skip


def fill(ts: Path, translations: dict[str, str]) -> list[str]:
    """Give each message its translation from `translations` (the record: a change there
    reaches the .ts); the sources of unfinished messages still without one."""
    tree = ET.parse(ts)
    missing = []
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None:
            continue
        if source in translations:
            translation.text = translations[source]
            translation.attrib.pop("type", None)
        elif translation.get("type") == "unfinished":
            missing.append(source)
    ET.indent(tree, space="    ")
    with ts.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    return missing


def compile_qm(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True
    )


def spanish_record() -> dict[str, str]:
    """packaging/spanish.py plus every packaging/spanish_*.py (one per feature, so work done in
    parallel adds its own file instead of editing one long dictionary)."""
    import importlib.util

    record: dict[str, str] = {}
    here = Path(__file__).resolve().parent
    for path in [here / "spanish.py", *sorted(here.glob("spanish_*.py"))]:
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for source, spanish in module.SPANISH.items():
            if record.get(source, spanish) != spanish:
                raise SystemExit(f"{path.name}: {source!r} has two different translations")
            record[source] = spanish
    return record


def main() -> int:
    SPANISH = spanish_record()

    status = 0
    for language in LANGUAGES:
        extract(language)
        missing = fill(ts_file(language), SPANISH)
        extract(language)  # back to lupdate's own layout, so a re-run changes nothing
        compile_qm(ts_file(language), qm_file(language))
        for source in missing:
            print(f"untranslated ({language}): {source!r}")
        status = status or (1 if missing else 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
