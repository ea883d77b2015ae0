"""Built-in track templates parse, add up, schedule; broken templates are named precisely."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

from studyplanner import bundled
from studyplanner.core.model import Availability, ModuleToPlan, PlanRequest
from studyplanner.core.scheduler import schedule_plan
from studyplanner.core.tracks import TemplateError, TermLayout, default_terms, parse_track_template

EXPECTED = {  # id: (modules, hours, terms)
    "cpc-certificate-program": (29, 596, 0),
    "cpc-exam-prep-experienced": (10, 154, 0),
    "cca-facility-coding-program": (18, 585, 0),
    "ccs-exam-prep": (9, 135, 0),
    "associate-degree-hit": (24, 2947, 4),
}


def test_every_shipped_template_is_there_and_adds_up() -> None:
    templates = {t.id: t for t in bundled.load_track_templates()}
    assert set(templates) == set(EXPECTED)
    for track_id, (modules, hours, terms) in EXPECTED.items():
        t = templates[track_id]
        assert len(t.modules) == modules
        assert t.total_minutes == hours * 60
        assert (t.terms.count if t.terms else 0) == terms
        assert t.sources and t.checked <= date.today()
    assert templates["cpc-certificate-program"].usual_months == (9, 20)
    assert templates["cpc-certificate-program"].pass_mark_percent == 70
    assert all(m.term for m in templates["associate-degree-hit"].modules)


@pytest.mark.parametrize("track_id", sorted(EXPECTED))
def test_every_template_schedules(track_id: str) -> None:
    t = bundled.track_template(track_id)
    ids = {m.key: i for i, m in enumerate(t.modules)}
    start = date(2027, 8, 23)
    terms = default_terms(t.terms, start) if t.terms else ()
    modules = tuple(
        ModuleToPlan(ids[m.key], m.title, m.kind, m.minutes, tuple(ids[k] for k in m.requires),
                     term=m.term)
        for m in t.modules
    )  # fmt: skip
    # a degree is full-time study: its heaviest term needs about 52 hours a week
    availability = Availability((540, 540, 540, 540, 540, 360, 180))
    schedule = schedule_plan(
        PlanRequest(modules, availability, start, start, target=date(2029, 8, 1), terms=terms)
    )
    assert schedule.verdict.fits
    assert sum(b.minutes for b in schedule.blocks) == t.total_minutes


def _small() -> dict[str, Any]:
    return {
        "format": 1,
        "id": "tiny",
        "name": "Tiny track",
        "goal_credential": "CPC",
        "body": "AAPC",
        "usual_months": [1, 3],
        "program_label": "tiny tracks",
        "pass_mark_percent": 70,
        "terms": None,
        "checked": "2026-11-27",
        "sources": ["made up for a test"],
        "modules": [
            {"key": "a", "title": "A", "kind": "lesson", "hours": 2, "requires": []},
            {"key": "b", "title": "B", "kind": "exam", "hours": 4, "requires": ["a"]},
        ],
    }


def test_a_small_valid_template_parses() -> None:
    t = parse_track_template(_small(), origin="tiny.json")
    assert [m.minutes for m in t.modules] == [120, 240]
    assert t.modules[1].requires == ("a",)


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (lambda d: d["modules"][0].update(kind="seminar"), "unknown kind 'seminar'"),
        (lambda d: d["modules"][0].update(hours=-1), "hours must be more than 0"),
        (lambda d: d["modules"][0].update(hours="ten"), "'hours' has the wrong type"),
        (lambda d: d["modules"][0].update(requires=["b"]), "requires 'b'"),
        (lambda d: d["modules"][1].update(requires=["zzz"]), "requires 'zzz'"),
        (lambda d: d["modules"][1].update(key="a"), "key is used twice"),
        (lambda d: d.update(terms={"count": 2, "weeks": 16, "spacing_weeks": 26}), "needs a term"),
        (lambda d: d.update(format=2), "unsupported format"),
        (lambda d: d.update(usual_months=[5, 2]), "usual_months"),
        (lambda d: d.update(modules=[]), "non-empty list of modules"),
        (lambda d: d["modules"][0].pop("title"), "missing field 'title'"),
    ],
)
def test_broken_templates_name_the_problem(breakage: Any, message: str) -> None:
    data = copy.deepcopy(_small())
    breakage(data)
    with pytest.raises(TemplateError, match=r"tiny\.json") as info:
        parse_track_template(data, origin="tiny.json")
    assert message in str(info.value)


def test_default_terms() -> None:
    terms = default_terms(TermLayout(count=4, weeks=16, spacing_weeks=26), date(2027, 8, 23))
    assert [t.number for t in terms] == [1, 2, 3, 4]
    assert terms[0].start == date(2027, 8, 23) and terms[0].end == date(2027, 12, 12)
    assert terms[1].start == date(2028, 2, 21)
    assert terms[3].start == date(2029, 2, 19) and terms[3].end == date(2029, 6, 10)


def test_icons_and_rules_are_bundled() -> None:
    names = bundled.icon_names()
    for name in ("plan", "check", "warning", "error", "add", "remove", "app", "wizard"):
        assert name in names
        assert bundled.icon_svg(name).lstrip().startswith((b"<svg", b"<!--"))
    rules = bundled.credential_rules()
    assert {b["code"] for b in rules["bodies"]} == {"AAPC", "AHIMA"}
    assert all(c["sources"] and c["checked"] for c in rules["credentials"])
