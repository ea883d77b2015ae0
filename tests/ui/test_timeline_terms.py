"""A degree's timeline shows its terms: every other term a faint band, each named in the header;
a certificate program, which has no terms, shows none."""

from __future__ import annotations

from collections import Counter
from datetime import date

from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from studyplanner.core.model import Availability
from studyplanner.services.database import Database
from studyplanner.services.plans import create_plan, suggest_terms
from studyplanner.services.snapshots import NewPlan, PlanSettings
from studyplanner.ui.plan.timeline_axis import TimelineColours, header_height, term_spans
from studyplanner.ui.plan.timeline_panel import TimelineArea
from studyplanner.ui.window.main_window import MainWindow

DEGREE_TERMS = suggest_terms("associate-degree-hit", date(2026, 8, 31))


def _plan_screen_timeline(qtbot: QtBot, db: Database, today: date) -> TimelineArea:
    window = MainWindow(db, lambda: today)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.show_screen(1)
    area = window.plan_screen.timeline_panel.area
    qtbot.waitUntil(lambda: area.header.labels() != [])
    return area


def test_a_degree_shows_its_terms_as_bands_named_in_the_header(
    qtbot: QtBot, db: Database, today: date
) -> None:
    start, terms = date(2026, 8, 31), DEGREE_TERMS
    assert len(terms) == 4
    settings = PlanSettings(start, Availability((450,) * 6 + (0,)),
                            target=terms[-1].end, terms=terms)  # fmt: skip
    create_plan(db, NewPlan(settings, template_id="associate-degree-hit"), today)
    area = _plan_screen_timeline(qtbot, db, today)
    view, header = area.view, area.header
    assert view.terms() == terms
    labels = header.labels()
    assert [label for label in labels if label.startswith("Term")] == [
        "Term 1", "Term 2", "Term 3", "Term 4",
    ]  # fmt: skip
    colours = TimelineColours.of(view.palette())
    picture = header.grab().toImage()
    spans = term_spans(view.scale(), terms)
    assert len(spans) == 4
    for left, right, term in spans:
        middle = QPoint((left + right) // 2 - view.scale().left, 1)
        expected = colours.band if term.number % 2 else colours.base
        assert picture.pixel(middle) == expected.rgb(), term.number  # odd terms banded
    assert colours.band.rgb() != colours.base.rgb()
    second = spans[1]
    assert header.describe((second[0] + second[1]) / 2 - view.scale().left) == (
        "Term 2: 1 Mar 2027 to 20 Jun 2027"
    )
    # the bands go on down behind the rows: the last row (term 4) is empty in term 1 and 2
    rows = view.grab().toImage()
    bottom = view.minimumHeight() - 6

    def most_seen(left: int, right: int) -> int:
        left, right = left - view.scale().left, right - view.scale().left
        seen = Counter(rows.pixel(x, bottom) for x in range(left + 3, right - 3))
        return seen.most_common(1)[0][0]

    assert most_seen(*spans[0][:2]) != most_seen(*spans[1][:2])
    assert most_seen(*spans[0][:2]) == most_seen(*spans[2][:2])


def test_a_certificate_program_has_no_term_bands(
    qtbot: QtBot, db: Database, today: date, create_cpc_plan: object
) -> None:
    create_cpc_plan(db, today)  # type: ignore[operator]
    area = _plan_screen_timeline(qtbot, db, today)
    assert area.view.terms() == ()
    assert not any(label.startswith("Term") for label in area.header.labels())
    fm = area.header.fontMetrics()
    assert area.header.height() == header_height(fm, ()) < header_height(fm, DEGREE_TERMS)
