"""A problem with the input is a code and values: the English message (the command line) is its
template filled with the values in plain English; every code the code base uses has a template,
and every template is used. The checks shared by dialogs and services live in core."""

from __future__ import annotations

import re
import string
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from studyplanner.core.activity_checks import MAX_UNITS, check_activity, check_units
from studyplanner.core.credential_checks import check_cycle, check_earned, check_figure
from studyplanner.core.model import Availability, Blackout
from studyplanner.core.problem_codes import TEMPLATES
from studyplanner.core.validation import (
    InvalidInput,
    check_availability,
    check_blackouts,
    check_plan_dates,
    english_value,
    in_module,
    problem,
)
from studyplanner.store.errors import NOT_DONE

SOURCES = Path(__file__).resolve().parents[2] / "studyplanner"
USED = re.compile(r"\b(?:problem|refusal)\(\s*[^,()]+(?:\([^()]*\))?[^,()]*,\s*\"([a-z_0-9]+)\"")
REFUSED = re.compile(r"\b_refused\([^()\"]*\"([a-z_0-9]+)\"")
"""The helpers that give the field themselves (core/placement, services/backups)."""
TODAY = date(2026, 11, 27)


def _codes_used() -> set[str]:
    found = set()
    for path in SOURCES.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(USED.findall(text)) | set(REFUSED.findall(text))
    return found


def test_every_code_used_has_a_template_and_every_template_is_used() -> None:
    used = _codes_used()
    assert used - set(TEMPLATES) == set()
    # codes passed on by name (study_log's future days, what the data file's error did not do)
    named = {"session_future", "completion_future", *NOT_DONE.values()}
    assert set(TEMPLATES) - used - named == set()


def test_placeholders_are_plain_names() -> None:
    for code, template in TEMPLATES.items():
        names = [f[1] for f in string.Formatter().parse(template) if f[1] is not None]
        assert all(re.fullmatch(r"[a-z_]+", n) for n in names), code


def test_the_english_message_is_the_template_with_english_values() -> None:
    [p] = check_plan_dates(date(2040, 1, 1), None, 600, TODAY)
    assert (p.field, p.code, dict(p.values)) == ("start", "start_range", {"year": "2036"})
    assert p.message == "The start date must be between 2000 and 2036."
    [overlap] = check_blackouts(
        [
            Blackout(date(2026, 12, 20), date(2027, 1, 2)),
            Blackout(date(2027, 1, 1), date(2027, 1, 5)),
        ]
    )
    assert overlap.message == (
        "The days off 2027-01-01 to 2027-01-05 overlap 2026-12-20 to 2027-01-02; join them into "
        "one period."
    )
    assert dict(overlap.values)["start"] == date(2027, 1, 1)  # a date, for the GUI's locale
    [short] = check_availability(Availability((90, 90, 0, 0, 0, 0, 0)), 600)
    assert short.message.startswith("Your weekdays add up to only 3 hours a week;")


def test_a_module_problem_keeps_its_code_and_names_the_module() -> None:
    inner = problem("title", "module_title_missing")
    moved = in_module(inner, 2, "modules.1.title")
    assert moved.message == "Module 2: Give the module a title."
    assert (moved.field, moved.code, dict(moved.values)) == (
        "modules.1.title", "module_title_missing", {"in_module": 2}
    )  # fmt: skip


def test_invalid_input_finds_a_problem_by_field() -> None:
    error = InvalidInput([problem("start", "start_missing"), problem("target", "target_past")])
    assert error.for_field("target") == "The target date is in the past."
    found = error.problem_for("target")
    assert found is not None and found.code == "target_past"
    assert error.problem_for("hours") is None


def test_credential_checks_are_the_services_limits() -> None:
    assert [p.code for p in check_cycle(TODAY, TODAY, None, TODAY)] == ["cycle_reversed"]
    far = TODAY + timedelta(days=365 * 11)
    assert [p.code for p in check_cycle(TODAY, far, None, TODAY)] == ["cycle_end_range"]
    assert [p.code for p in check_earned(TODAY + timedelta(days=1), None, TODAY)] == [
        "credential_earned_range"
    ]
    assert [p.code for p in check_figure("quota", Decimal("500.01"))] == ["ceus_range"]
    assert [p.code for p in check_figure("quota", Decimal("2.125"))] == ["ceus_decimals"]
    assert check_figure("quota", None) == [] and check_figure("quota", Decimal(16)) == []


def test_activity_checks_are_the_services_limits() -> None:
    found = check_activity(TODAY + timedelta(days=1), " ", "p" * 201, "", "", Decimal(0), TODAY)
    assert [(p.field, p.code) for p in found] == [
        ("completed_on", "activity_date_range"), ("title", "activity_title_missing"),
        ("provider", "provider_long"), ("units", "units_zero"),
    ]  # fmt: skip
    [too_many] = check_units(MAX_UNITS + 1)
    assert too_many.message == "More than 100 CEUs for one activity is not realistic."


values = st.one_of(
    st.dates(min_value=date(1900, 1, 1)),
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False),
    st.integers(-(10**6), 10**6),
    st.text(max_size=20),
)


@given(st.sampled_from(sorted(TEMPLATES)), values)
def test_every_template_fills_with_any_value(code: str, value: object) -> None:
    names = {f[1] for f in string.Formatter().parse(TEMPLATES[code]) if f[1]}
    made = problem("field", code, **dict.fromkeys(names, value))  # type: ignore[arg-type]
    assert "{" not in made.message.replace("{" * 2, "") or "{" in str(value)
    if names:
        assert english_value(value) in made.message  # type: ignore[arg-type]
    if isinstance(value, date):
        assert english_value(value) == value.isoformat()
