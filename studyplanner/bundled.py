"""The one way into the resources shipped with the app (`resources/` in a checkout, the package
`studyplanner.resources` once installed), always through importlib.resources so an installed
copy works like a checkout. Light on purpose: no Qt, no SQLAlchemy (the CLI starts fast)."""

from __future__ import annotations

import atexit
import json
from contextlib import ExitStack
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # parsing templates is only needed by the assistant and the CLI, not for icons
    from studyplanner.core.ceu_rules import RuleBook
    from studyplanner.core.tracks import TrackTemplate

PACKAGE = "studyplanner.resources"
PROGRAM_ORDER = ("certification programs", "exam-prep tracks")
"""Tracks are listed by kind: these program labels first, in this order; degrees (tracks with
terms) last; anything else in between."""


def _root() -> Traversable:
    return resources.files(PACKAGE)


def _json(item: Traversable) -> Any:
    return json.loads(item.read_text(encoding="utf-8"))


def _rank(t: TrackTemplate) -> tuple[int, str, int, str]:
    if t.terms is not None:
        kind = len(PROGRAM_ORDER) + 1
    elif t.program_label in PROGRAM_ORDER:
        kind = PROGRAM_ORDER.index(t.program_label)
    else:
        kind = len(PROGRAM_ORDER)
    return (kind, t.body, t.usual_months[0], t.name)


@cache
def load_track_templates() -> tuple[TrackTemplate, ...]:
    """Every built-in track: certification programs first, then exam-prep tracks, degrees last.

    Each file must be named after its track id; a broken file raises TemplateError naming it.
    """
    from studyplanner.core.tracks import TemplateError, parse_track_template

    templates: dict[str, TrackTemplate] = {}
    for item in (_root() / "tracks").iterdir():
        if not item.name.endswith(".json"):
            continue
        origin = f"tracks/{item.name}"
        template = parse_track_template(_json(item), origin=origin)
        if item.name != f"{template.id}.json":
            raise TemplateError(f"{origin}: the file must be named {template.id}.json")
        templates[template.id] = template
    return tuple(sorted(templates.values(), key=_rank))


def track_template(template_id: str) -> TrackTemplate:
    """The built-in track with this id; KeyError if there is none."""
    for template in load_track_templates():
        if template.id == template_id:
            return template
    raise KeyError(template_id)


@cache
def _credential_rules_text() -> str:
    return (_root() / "credentials" / "rules.json").read_text(encoding="utf-8")


def credential_rules() -> dict[str, Any]:
    """The credential maintenance rules (format: resources/README.md), a fresh copy each call
    so a caller cannot change what the next one sees."""
    data = json.loads(_credential_rules_text())
    if not isinstance(data, dict):
        raise ValueError("credentials/rules.json: expected an object")
    return data


@cache
def rule_book() -> RuleBook:
    """The shipped credential rules, parsed and checked (RuleBookError names a broken field)."""
    from studyplanner.core.ceu_rules import parse_rule_book

    return parse_rule_book(credential_rules())


@cache
def icon_names() -> tuple[str, ...]:
    """Names of the bundled icons (file names without `.svg`), sorted."""
    return tuple(
        sorted(
            item.name.removesuffix(".svg")
            for item in (_root() / "icons").iterdir()
            if item.name.endswith(".svg")
        )
    )


@cache
def icon_svg(name: str) -> bytes:
    """The SVG of a bundled icon (stroke="currentColor"); KeyError for an unknown name."""
    if name not in icon_names():
        raise KeyError(name)
    return (_root() / "icons" / f"{name}.svg").read_bytes()


FONT_FILES = (
    "DejaVuSansCondensed.ttf",
    "DejaVuSansCondensed-Bold.ttf",
    "DroidSansFallbackFull.ttf",
)
"""The fonts of the audit report (resources/fonts/, each with its licence there)."""


def font_file(name: str) -> Path:
    """A bundled font as a file on disk (fpdf2 and fontTools read fonts by path); KeyError for
    an unknown name. In a checkout or an installed wheel that is the shipped file itself; when
    the package is imported from a zip, a copy extracted once per process."""
    if name not in FONT_FILES:
        raise KeyError(name)
    return _font_files()[name]


@cache
def _font_files() -> dict[str, Path]:
    folder = _root() / "fonts"
    if isinstance(folder, Path):
        return {name: folder / name for name in FONT_FILES}
    stack = ExitStack()  # pragma: no cover - only for an import from a zip file
    atexit.register(stack.close)
    return {name: stack.enter_context(resources.as_file(folder / name)) for name in FONT_FILES}


@dataclass(frozen=True, slots=True)
class HelpPage:
    """One page of the user guide."""

    file: str  # its name in help/, which links between pages use: "audit-packet.md"
    title: str  # in English, as help/index.json has it (the GUI translates it with tr())
    text: str  # Markdown, in the guide's language
    language: str  # the language of `text`: the guide's, or "en" where a page is not translated


HELP_LANGUAGES = ("es",)
"""The languages the user guide is translated into besides English (help/<language>/)."""


@cache
def help_pages(language: str = "en") -> tuple[HelpPage, ...]:
    """The offline user guide, a page per entry of `help/index.json`, in its order: in
    `language` where `help/<language>/` has the page (same file name), else in English."""
    folder = _root() / "help"
    index = _json(folder / "index.json")
    translated = folder / language if language in HELP_LANGUAGES else None
    pages = []
    for page in index["pages"]:
        item, shown = folder / page["file"], "en"
        if translated is not None and (translated / page["file"]).is_file():
            item, shown = translated / page["file"], language
        pages.append(HelpPage(page["file"], page["title"], item.read_text(encoding="utf-8"), shown))
    return tuple(pages)


def licence_texts() -> tuple[tuple[str, str], ...]:
    """(file name, text) of every licence file shipped with the resources (icons, fonts)."""
    found = []
    for folder in _root().iterdir():
        if not folder.is_dir():
            continue
        for item in folder.iterdir():
            if item.name.upper().startswith(("LICENSE", "LICENCE", "OFL")):
                found.append((f"{folder.name}/{item.name}", item.read_text(encoding="utf-8")))
    return tuple(sorted(found))


def desktop_resource(name: str) -> bytes | None:
    """A file of `resources/desktop/` (the app's icon, its AppStream metainfo, and in a
    standalone build the PNG icons rendered when it was built); None when there is none."""
    item = _root() / "desktop" / name
    return item.read_bytes() if item.is_file() else None


LANGUAGES = ("es",)
"""The languages the app is translated into besides English (resources/i18n/)."""


def translation(language: str) -> bytes | None:
    """The compiled Qt translation (.qm) of the app into `language` ("es"); None for English or
    a language the app is not translated into. Made from studyplanner_<language>.ts by
    `python3 dev.py translations`."""
    if language not in LANGUAGES:
        return None
    item = _root() / "i18n" / f"studyplanner_{language}.qm"
    return item.read_bytes() if item.is_file() else None
