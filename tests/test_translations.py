"""The Spanish translation is complete, consistent with the code and compiled: the .ts holds every
message lupdate finds today, each one translated with its placeholders and accelerator kept, and
the committed .qm is exactly what lrelease makes of it."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "studyplanner_es.ts"
QM = ROOT / "resources" / "i18n" / "studyplanner_es.qm"


def _pipeline():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "packaging" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path = TS) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_every_message_is_translated() -> None:
    messages = _messages()
    assert len(messages) > 900  # every screen, dialog and message of the app
    unfinished = [
        (context, source)
        for context, source, message in messages
        if (t := message.find("translation")) is None
        or t.get("type") in ("unfinished", "vanished", "obsolete")
        or not (t.text or "").strip()
    ]
    assert unfinished == []
    assert not any(m.get("numerus") for _, _, m in messages)  # plurals are "1 day"/"{n} days"


PLACEHOLDER = re.compile(r"\{\w*\}|%\d|%n")
ACCELERATOR = re.compile(r"&(?=[^\s&])")


@pytest.mark.parametrize("context, source, message", _messages(), ids=lambda v: str(v)[:40])
def test_a_translation_keeps_placeholders_accelerator_and_edges(
    context: str, source: str, message: ET.Element
) -> None:
    spanish = message.findtext("translation") or ""
    assert sorted(PLACEHOLDER.findall(spanish)) == sorted(PLACEHOLDER.findall(source))
    # one accelerator where English has one ("Credentials & CEUs" has none)
    assert len(ACCELERATOR.findall(spanish)) == len(ACCELERATOR.findall(source))
    assert spanish.count("\n") == source.count("\n")
    assert spanish[:1].isspace() == source[:1].isspace()  # sentences joined with spaces
    assert spanish[-1:].isspace() == source[-1:].isspace()


def test_the_ts_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    """lupdate over today's code adds nothing and drops nothing: no message is left out of the
    translation (run `python3 dev.py translations` after changing a user-visible text)."""
    pipeline = _pipeline()
    fresh = tmp_path / "studyplanner_es.ts"
    shutil.copy2(TS, fresh)
    pipeline.I18N = tmp_path
    pipeline.extract("es")
    assert fresh.read_text(encoding="utf-8") == TS.read_text(encoding="utf-8")


def test_the_committed_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "studyplanner_es.qm"
    _pipeline().compile_qm(TS, fresh)
    assert fresh.read_bytes() == QM.read_bytes()


TRANSLATING = {"tr", "_t", "t", "translate", "QT_TRANSLATE_NOOP"}


def _literal_sources() -> set[str]:
    """Every text the code hands to a translation function as a literal."""
    found = set()
    for path in (ROOT / "studyplanner").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name not in TRANSLATING:
                continue
            args = node.args[1:] if name in ("translate", "QT_TRANSLATE_NOOP") else node.args
            if args and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
                found.add(args[0].value)
    return found


def test_lupdate_extracts_every_text_the_code_translates() -> None:
    sources = {source for _, source, _ in _messages()}
    literal = _literal_sources()
    assert len(literal) > 800
    assert literal - sources == set()


def test_the_help_page_titles_are_marked_for_translation() -> None:
    from studyplanner.bundled import help_pages
    from studyplanner.ui.window.help_dialog import PAGE_TITLES

    assert tuple(page.title for page in help_pages()) == PAGE_TITLES
