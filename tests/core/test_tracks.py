"""Track templates: the shipped ones parse and add up; broken ones are named precisely."""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studyplanner import bundled
from studyplanner.core.model import (
    Availability,
    ModuleKind,
    ModuleToPlan,
    PlanRequest,
    VerdictKind,
)
from studyplanner.core.scheduler import schedule_plan
from studyplanner.core.tracks import (
    ModuleTemplate,
    SittingTemplate,
    TemplateError,
    TermLayout,
    TrackTemplate,
    default_terms,
    online_delivery,
    parse_track_template,
)

# From shared/domain/tracks.json (total_est_hours, module counts), hard-coded on purpose: a change
# to a template's hours must be a deliberate change to this table too.
EXPECTED = {  # id: (modules, total hours, usual months, program label, pass mark)
    "cpc-certificate-program": (32, 596, (9, 20), "certification programs", 70.0),
    "cpc-exam-prep-experienced": (12, 154, (3, 6), "exam-prep tracks", 70.0),
    "cca-facility-coding-program": (20, 585, (9, 18), "certification programs", None),
    "ccs-exam-prep": (11, 135, (3, 6), "exam-prep tracks", None),
    "associate-degree-hit": (24, 2734, (20, 24), "associate degrees", None),
}
GOALS = {
    "cpc-certificate-program": ("CPC", "AAPC"),
    "cpc-exam-prep-experienced": ("CPC", "AAPC"),
    "cca-facility-coding-program": ("CCA", "AHIMA"),
    "ccs-exam-prep": ("CCS", "AHIMA"),
    "associate-degree-hit": ("RHIT", "AHIMA"),
}


def _shipped() -> dict[str, TrackTemplate]:
    return {t.id: t for t in bundled.load_track_templates()}


def test_all_five_tracks_are_shipped() -> None:
    assert set(_shipped()) == set(EXPECTED)


@pytest.mark.parametrize("track_id", sorted(EXPECTED))
def test_shipped_template_adds_up(track_id: str) -> None:
    t = _shipped()[track_id]
    modules, hours, usual, label, pass_mark = EXPECTED[track_id]
    assert len(t.modules) == modules
    assert t.total_minutes == hours * 60
    assert t.usual_months == usual
    assert t.program_label == label
    assert t.pass_mark_percent == pass_mark
    assert (t.goal_credential, t.body) == GOALS[track_id]
    assert t.sources and t.basis and t.checked == date(2026, 11, 27)


@pytest.mark.parametrize("track_id", sorted(EXPECTED))
def test_shipped_prerequisites_point_to_earlier_modules(track_id: str) -> None:
    seen: set[str] = set()
    for m in _shipped()[track_id].modules:
        assert set(m.requires) <= seen, m.key
        seen.add(m.key)
    assert len(seen) == len(_shipped()[track_id].modules)


def test_ahima_tracks_explain_the_scaled_pass_mark() -> None:
    for track_id, (*_, pass_mark) in EXPECTED.items():
        t = _shipped()[track_id]
        if pass_mark is None:
            assert "300" in t.pass_note and "100-400" in t.pass_note
        else:
            assert "70" in t.pass_note


def test_the_degree_has_four_full_time_terms_of_15_credits() -> None:
    t = _shipped()["associate-degree-hit"]
    part_time = TermLayout(count=9, weeks=15, spacing_weeks=17)  # three terms a year
    assert t.terms == TermLayout(count=4, weeks=16, spacing_weeks=26, part_time=part_time)
    assert {m.term for m in t.modules} == {1, 2, 3, 4}
    assert sum(m.credits or 0 for m in t.modules) == 60
    for term in (1, 2, 3, 4):
        assert sum(m.credits or 0 for m in t.modules if m.term == term) == 15
    assert t.modules[-1].kind is ModuleKind.EXAM


def test_degree_hours_follow_the_credit_hour_convention() -> None:
    """45 hours of work per credit for every course and placement (FACTS 3.2), so a 15-credit
    term is 675 hours: about 42 hours a week over its 16 weeks."""
    t = _shipped()["associate-degree-hit"]
    for m in t.modules:
        if m.kind in (ModuleKind.COURSE, ModuleKind.EXTERNSHIP):
            assert m.minutes == (m.credits or 0) * 45 * 60, m.key
    heaviest = max(sum(m.minutes for m in t.modules if m.term == n) for n in (1, 2, 3, 4))
    assert heaviest / 60 / 16 <= 45  # fits the full-time week of 45 hours


def test_tracks_without_terms_have_no_term_or_credits() -> None:
    for track_id, t in _shipped().items():
        if track_id != "associate-degree-hit":
            assert t.terms is None
            assert all(m.term is None and m.credits is None for m in t.modules)


def _request(t: TrackTemplate, start: date, **mode: Any) -> PlanRequest:
    ids = {m.key: i for i, m in enumerate(t.modules, start=1)}
    modules = tuple(
        ModuleToPlan(
            ids[m.key],
            m.title,
            m.kind,
            m.minutes,
            tuple(ids[k] for k in m.requires),
            term=m.term,
            sitting=m.sitting is not None,
        )
        for m in t.modules
    )
    terms = default_terms(t.terms, start) if t.terms else ()
    return PlanRequest(
        modules,
        mode.pop("availability"),
        start,
        start,
        terms=terms,
        usual_months=t.usual_months,
        program_label=t.program_label,
        **mode,
    )


PART_TIME = Availability((90, 90, 90, 90, 90, 240, 0))  # 11.5 h a week; a 4-hour exam on Saturday
FULL_TIME = Availability((600, 600, 600, 600, 600, 360, 240))  # 60 h: term 4 needs 51.8 h


@pytest.mark.parametrize("track_id", sorted(EXPECTED))
def test_every_shipped_template_schedules(track_id: str) -> None:
    t = _shipped()[track_id]
    start = date(2027, 8, 23)
    availability = FULL_TIME if t.terms else PART_TIME
    planned = schedule_plan(_request(t, start, availability=availability, weekly_minutes=600))
    assert planned.unscheduled == ()
    assert planned.verdict.kind is VerdictKind.NO_TARGET
    assert sum(b.minutes for b in planned.blocks) == t.total_minutes
    assert planned.finish is not None and planned.finish > start
    target = start + timedelta(days=round(t.usual_months[1] * 30.44))
    aimed = schedule_plan(_request(t, start, availability=availability, target=target))
    assert aimed.verdict.kind in (VerdictKind.FITS, VerdictKind.TOO_LATE)
    assert sum(b.minutes for b in aimed.blocks) == t.total_minutes
    if t.terms:  # full time fits every 16-week term and the degree within its usual length
        assert aimed.verdict.fits, aimed.verdict
        assert aimed.verdict.late_terms == ()


# --- hand-made templates -------------------------------------------------------------------


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
        "basis": "made up",
        "checked": "2026-11-27",
        "sources": ["made up for a test"],
        "modules": [
            {"key": "intro", "title": "Intro", "kind": "lesson", "hours": 1.5, "requires": []},
            {"key": "core", "title": "Core", "kind": "course", "hours": 10, "requires": ["intro"]},
            {"key": "final", "title": "Final", "kind": "exam", "hours": 4, "requires": ["core"]},
        ],
    }


def _degree() -> dict[str, Any]:
    data = _small()
    data["terms"] = {"count": 2, "weeks": 16, "spacing_weeks": 26}
    for i, m in enumerate(data["modules"]):
        m.update(term=1 if i == 0 else 2, credits=3)
    return data


def test_a_small_template_parses() -> None:
    t = parse_track_template(_small(), origin="tiny.json")
    assert t.modules[0] == ModuleTemplate(
        key="intro",
        title="Intro",
        topic="",
        kind=ModuleKind.LESSON,
        minutes=90,
        requires=(),
        term=None,
        credits=None,
    )
    assert t.modules[2].requires == ("core",)
    assert t.total_minutes == 90 + 600 + 240
    assert t.usual_months == (1, 3) and t.checked == date(2026, 11, 27)
    assert t.terms is None and t.pass_note == ""


def test_a_small_degree_parses() -> None:
    t = parse_track_template(_degree(), origin="degree.json")
    assert t.terms == TermLayout(2, 16, 26)
    assert [m.term for m in t.modules] == [1, 2, 2]
    assert [m.credits for m in t.modules] == [3.0, 3.0, 3.0]


Breakage = Callable[[dict[str, Any]], object]


def _mod(i: int, **changes: Any) -> Breakage:
    return lambda d: d["modules"][i].update(changes)


# (how to break it, where the message must point, what it must say)
BROKEN: list[tuple[str, Breakage, str, str]] = [
    ("unknown kind", _mod(1, kind="seminar"), "module 2 (core)", "field 'kind': unknown kind"),
    ("negative hours", _mod(0, hours=-1), "module 1 (intro)", "field 'hours'"),
    ("zero hours", _mod(0, hours=0), "module 1 (intro)", "field 'hours'"),
    ("too many hours", _mod(2, hours=2001), "module 3 (final)", "at most 2000"),
    ("hours as text", _mod(0, hours="ten"), "module 1 (intro)", "'hours' has the wrong type"),
    ("hours as bool", _mod(0, hours=True), "module 1 (intro)", "'hours' has the wrong type"),
    ("hours not finite", _mod(0, hours=float("nan")), "module 1 (intro)", "finite number"),
    ("forward prerequisite", _mod(0, requires=["core"]), "module 1 (intro)", "requires 'core'"),
    ("self prerequisite", _mod(1, requires=["core"]), "module 2 (core)", "requires 'core'"),
    ("unknown prerequisite", _mod(2, requires=["zzz"]), "module 3 (final)", "requires 'zzz'"),
    ("prerequisite twice", _mod(2, requires=["core", "core"]), "module 3", "twice"),
    ("duplicate key", _mod(2, key="intro"), "module 3 (intro)", "field 'key'"),
    ("key not a slug", _mod(1, key="Core Module"), "module 2", "field 'key' must be a slug"),
    ("missing title", lambda d: d["modules"][1].pop("title"), "module 2", "field 'title'"),
    ("unknown module field", _mod(1, requries=[]), "module 2 (core)", "'requries'"),
    ("term without terms", _mod(1, term=1), "module 2 (core)", "field 'term'"),
    ("negative credits", _mod(1, credits=-3), "module 2 (core)", "field 'credits'"),
    ("module not an object", lambda d: d["modules"].append("x"), "module 4", "an object"),
    ("usual months reversed", lambda d: d.update(usual_months=[5, 2]), "", "'usual_months'"),
    ("usual months one", lambda d: d.update(usual_months=[5]), "", "'usual_months'"),
    ("no modules", lambda d: d.update(modules=[]), "", "'modules'"),
    ("bad date", lambda d: d.update(checked="27/11/2026"), "", "field 'checked'"),
    ("missing date", lambda d: d.pop("checked"), "", "missing field 'checked'"),
    ("pass mark above 100", lambda d: d.update(pass_mark_percent=170), "", "'pass_mark_percent'"),
    ("unknown track field", lambda d: d.update(colour="red"), "", "'colour'"),
    ("other format", lambda d: d.update(format=2), "", "unsupported format"),
    ("sitting of a course", _mod(1, sitting={"hours": 10}), "module 2 (core)", "only an exam"),
    ("sitting shorter", _mod(2, sitting={"hours": 2}), "module 3 (final)", "must equal"),
    ("sitting field", _mod(2, sitting={"hours": 4, "breaks": 1}), "module 3", "'breaks'"),
    ("sitting not object", _mod(2, sitting=True), "module 3 (final), sitting", "an object"),
    (
        "one online part",
        _mod(2, sitting={"hours": 4, "online_parts_hours": [4]}),
        "module 3",
        "two or more",
    ),
    (
        "online parts sum",
        _mod(2, sitting={"hours": 4, "online_parts_hours": [2, 1]}),
        "module 3",
        "add up",
    ),
    (
        "bad terms",
        lambda d: d.update(terms={"count": 0, "weeks": 16, "spacing_weeks": 26}),
        "",
        "field 'terms'",
    ),
    (
        "part-time with fewer terms",
        lambda d: d.update(
            terms={
                "count": 4,
                "weeks": 16,
                "spacing_weeks": 26,
                "part_time": {"count": 2, "weeks": 16, "spacing_weeks": 26},
            }
        ),
        "",
        "part_time needs at least as many terms",
    ),
    (
        "part-time of a part-time",
        lambda d: d.update(
            terms={
                "count": 1,
                "weeks": 16,
                "spacing_weeks": 26,
                "part_time": {
                    "count": 2,
                    "weeks": 16,
                    "spacing_weeks": 17,
                    "part_time": {"count": 3, "weeks": 8, "spacing_weeks": 9},
                },
            }
        ),
        "",
        "no part_time of its own",
    ),
]


@pytest.mark.parametrize(("breakage", "where", "message"), [b[1:] for b in BROKEN],
                         ids=[b[0] for b in BROKEN])  # fmt: skip
def test_a_broken_template_names_the_problem(breakage: Breakage, where: str, message: str) -> None:
    data = copy.deepcopy(_small())
    breakage(data)
    with pytest.raises(TemplateError) as info:
        parse_track_template(data, origin="tiny.json")
    text = str(info.value)
    assert text.startswith("tiny.json"), text
    assert where in text and message in text, text


DEGREE_BROKEN: list[tuple[str, Breakage, str]] = [
    ("module without term", lambda d: d["modules"][1].pop("term"), "module 2 (core)"),
    ("term null", _mod(2, term=None), "module 3 (final)"),
    ("term beyond count", _mod(2, term=3), "module 3 (final)"),
    ("term zero", _mod(0, term=0), "module 1 (intro)"),
]


@pytest.mark.parametrize(("breakage", "where"), [b[1:] for b in DEGREE_BROKEN],
                         ids=[b[0] for b in DEGREE_BROKEN])  # fmt: skip
def test_every_degree_module_needs_a_term_of_the_degree(breakage: Breakage, where: str) -> None:
    data = _degree()
    breakage(data)
    with pytest.raises(TemplateError, match=r"^degree\.json \(tiny\)") as info:
        parse_track_template(data, origin="degree.json")
    assert where in str(info.value)
    assert "field 'term': a degree module needs a term from 1 to 2" in str(info.value)


def test_not_an_object_at_all() -> None:
    with pytest.raises(TemplateError, match=r"^x\.json: expected an object, got list"):
        parse_track_template([], origin="x.json")


def test_a_template_error_is_a_value_error() -> None:
    assert issubclass(TemplateError, ValueError)


# --- default terms ---------------------------------------------------------------------------


def test_default_terms_of_the_shipped_degree() -> None:
    terms = default_terms(TermLayout(count=4, weeks=16, spacing_weeks=26), date(2027, 8, 23))
    assert [(t.number, t.start, t.end) for t in terms] == [
        (1, date(2027, 8, 23), date(2027, 12, 12)),
        (2, date(2028, 2, 21), date(2028, 6, 11)),
        (3, date(2028, 8, 21), date(2028, 12, 10)),
        (4, date(2029, 2, 19), date(2029, 6, 10)),
    ]


def test_a_single_one_week_term() -> None:
    (term,) = default_terms(TermLayout(count=1, weeks=1, spacing_weeks=1), date(2026, 12, 28))
    assert (term.start, term.end) == (date(2026, 12, 28), date(2027, 1, 3))


@given(
    count=st.integers(1, 20),
    weeks=st.integers(1, 52),
    gap=st.integers(0, 30),
    start=st.dates(date(2000, 1, 1), date(2100, 1, 1)),
)
def test_default_terms_follow_the_layout(count: int, weeks: int, gap: int, start: date) -> None:
    layout = TermLayout(count, weeks, weeks + gap)
    terms = default_terms(layout, start)
    assert [t.number for t in terms] == list(range(1, count + 1))
    assert terms[0].start == start
    for t in terms:
        assert (t.end - t.start).days + 1 == weeks * 7
    for a, b in itertools.pairwise(terms):
        assert b.start - a.start == timedelta(weeks=layout.spacing_weeks)
        assert b.start > a.end


SITTINGS = {  # id: {key: sitting hours} of the shipped exams and timed practice exams
    "cpc-certificate-program": {
        "practice-exam-1-timed-100-questions-4-hours": 4, "practice-exam-2-timed": 4,
        "practice-exam-3-timed-exam-conditions": 4, "cpc-exam": 4,
    },
    "cpc-exam-prep-experienced": {
        "practice-exam-1-timed-100-questions-4-hours": 4,
        "practice-exam-2-timed-exam-conditions": 4, "cpc-exam": 4,
    },
    "cca-facility-coding-program": {
        "cca-practice-exam-1-timed-2-hours": 2, "cca-practice-exam-2-timed-exam-conditions": 2,
        "cca-exam": 2,
    },
    "ccs-exam-prep": {
        "ccs-practice-exam-1-timed-4-hours": 4, "ccs-practice-exam-2-timed-exam-conditions": 4,
        "ccs-exam": 4,
    },
    "associate-degree-hit": {"rhit-exam": 4},
}  # fmt: skip


@pytest.mark.parametrize("track_id", sorted(EXPECTED))
def test_shipped_exams_and_timed_practice_exams_are_sittings(track_id: str) -> None:
    t = _shipped()[track_id]
    found = {m.key: m.sitting.minutes / 60 for m in t.modules if m.sitting}
    assert found == SITTINGS[track_id]
    for m in t.modules:
        if m.sitting:
            assert m.minutes == m.sitting.minutes and m.kind.is_exam
    # each practice exam's answer review follows it as a module of its own
    keys = [m.key for m in t.modules]
    for key in found:
        if "practice" in key:
            review = t.modules[keys.index(key) + 1]
            assert review.key == f"review-of-{key}" and review.requires == (key,)


def test_the_cpc_exam_in_person_is_one_4_hour_sitting_online_two_2_hour_parts() -> None:
    t = _shipped()["cpc-certificate-program"]
    exam = t.modules[-1]
    assert exam.key == "cpc-exam"
    assert exam.sitting == SittingTemplate(240, (120, 120))
    online = online_delivery(t)
    assert online.total_minutes == t.total_minutes
    one, two = online.modules[-2:]
    assert (one.key, one.title, one.minutes) == (
        "cpc-exam-online-part-1",
        "CPC exam, online part 1 of 2",
        120,
    )
    assert (two.key, two.title, two.minutes) == (
        "cpc-exam-online-part-2",
        "CPC exam, online part 2 of 2",
        120,
    )
    assert one.requires == exam.requires and two.requires == ("cpc-exam-online-part-1",)
    assert one.sitting == two.sitting == SittingTemplate(120)


def test_online_parts_fit_where_the_one_sitting_does_not() -> None:
    data = _small()
    data["modules"][2]["sitting"] = {"hours": 4, "online_parts_hours": [2, 2]}
    t = parse_track_template(data)
    online = online_delivery(t)
    week = Availability((60, 60, 60, 60, 60, 120, 0))  # 2 hours on Saturdays
    start = date(2027, 1, 4)
    in_person = schedule_plan(_request(t, start, availability=week, weekly_minutes=420))
    assert [s.title for s in in_person.verdict.sittings_too_long] == ["Final"]
    at_home = schedule_plan(_request(online, start, availability=week, weekly_minutes=420))
    assert at_home.verdict.sittings_too_long == () and at_home.unscheduled == ()
    parts = [b for b in at_home.blocks if b.module_id in (3, 4)]
    assert [(b.module_id, b.minutes, b.day.weekday()) for b in parts] == [(3, 120, 5), (4, 120, 5)]
    assert parts[1].day == parts[0].day + timedelta(days=7)  # one sitting a day
