"""The one way into the resources shipped with the app (`resources/` in a checkout, the package
`studyplanner.resources` once installed). Light on purpose: no Qt, no SQLAlchemy."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from studyplanner.core.tracks import TrackTemplate, parse_track_template

PACKAGE = "studyplanner.resources"
TRACK_ORDER = (
    "cpc-certificate-program",
    "cpc-exam-prep-experienced",
    "cca-facility-coding-program",
    "ccs-exam-prep",
    "associate-degree-hit",
)


def _root() -> Traversable:
    return resources.files(PACKAGE)


def _json(item: Traversable) -> Any:
    return json.loads(item.read_text(encoding="utf-8"))


@cache
def load_track_templates() -> tuple[TrackTemplate, ...]:
    """Every built-in track, certificate programs first, the degree last."""
    folder = _root() / "tracks"
    templates = [
        parse_track_template(_json(item), origin=f"tracks/{item.name}")
        for item in folder.iterdir()
        if item.name.endswith(".json")
    ]

    def rank(t: TrackTemplate) -> tuple[int, str]:
        return (TRACK_ORDER.index(t.id) if t.id in TRACK_ORDER else len(TRACK_ORDER), t.name)

    return tuple(sorted(templates, key=rank))


def track_template(template_id: str) -> TrackTemplate:
    for template in load_track_templates():
        if template.id == template_id:
            return template
    raise KeyError(template_id)


@cache
def credential_rules() -> dict[str, Any]:
    data = _json(_root() / "credentials" / "rules.json")
    assert isinstance(data, dict)
    return data


def icon_names() -> tuple[str, ...]:
    return tuple(
        sorted(
            item.name.removesuffix(".svg")
            for item in (_root() / "icons").iterdir()
            if item.name.endswith(".svg")
        )
    )


@cache
def icon_svg(name: str) -> bytes:
    item = _root() / "icons" / f"{name}.svg"
    if not item.is_file():
        raise KeyError(name)
    return item.read_bytes()
