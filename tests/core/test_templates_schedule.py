"""Every built-in track schedules in full (parsing and totals: tests/core/test_tracks.py)."""

from __future__ import annotations

from datetime import date

import pytest

from studyplanner import bundled
from studyplanner.core.model import Availability, ModuleToPlan, PlanRequest
from studyplanner.core.scheduler import schedule_plan
from studyplanner.core.tracks import default_terms

EXPECTED = {  # id: (modules, hours, terms)
    "cpc-certificate-program": (32, 596, 0),
    "cpc-exam-prep-experienced": (12, 154, 0),
    "cca-facility-coding-program": (20, 585, 0),
    "ccs-exam-prep": (11, 135, 0),
    "associate-degree-hit": (24, 2734, 4),
}


@pytest.mark.parametrize("track_id", sorted(EXPECTED))
def test_every_template_schedules(track_id: str) -> None:
    t = bundled.track_template(track_id)
    ids = {m.key: i for i, m in enumerate(t.modules)}
    start = date(2027, 8, 23)
    terms = default_terms(t.terms, start) if t.terms else ()
    modules = tuple(
        ModuleToPlan(ids[m.key], m.title, m.kind, m.minutes, tuple(ids[k] for k in m.requires),
                     term=m.term, sitting=m.sitting is not None)
        for m in t.modules
    )  # fmt: skip
    # a degree is full-time study: the full-time week of 45 hours
    availability = Availability((420, 420, 420, 420, 420, 360, 240))
    schedule = schedule_plan(
        PlanRequest(modules, availability, start, start, target=date(2029, 8, 1), terms=terms)
    )
    assert schedule.verdict.fits
    assert sum(b.minutes for b in schedule.blocks) == t.total_minutes
