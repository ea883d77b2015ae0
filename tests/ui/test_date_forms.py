"""Dates in the user's locale, never ambiguous: a four-digit year in the short form, and the
C locale (no language set) gets a readable form instead of "2 12 2026"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from studyplanner.ui.shared.formatting import date_edit, format_date, format_datetime, pydate


@pytest.fixture
def locale_named() -> Iterator[object]:
    before = QLocale()

    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield use
    QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("name", "shown"),
    [("en_US", "9/1/2026"), ("de_DE", "01.09.2026"), ("C", "1 Sep 2026")],
)
def test_short_dates_carry_the_whole_year(locale_named: object, name: str, shown: str) -> None:
    locale_named(name)  # type: ignore[operator]
    assert format_date(date(2026, 9, 1)) == shown


def test_a_moment_reads_as_the_date_then_the_time(locale_named: object) -> None:
    locale_named("en_US")  # type: ignore[operator]
    text = format_datetime(datetime(2026, 12, 2, 17, 13))
    assert text.startswith("12/2/2026 ") and "5:13" in text
    locale_named("C")  # type: ignore[operator]
    assert format_datetime(datetime(2026, 12, 2, 17, 13)).startswith("2 Dec 2026 ")


@pytest.mark.parametrize(
    ("name", "typed", "select"),
    [
        ("C", "15 Mar 2027", "ctrl+a"),
        ("C", "15 Mar 2027", "select_all"),
        ("en_US", "3/15/2027", "ctrl+a"),
        ("en_US", "3/15/2027", "select_all"),
        ("en_GB", "15/03/2027", "ctrl+a"),
        ("de_DE", "15.03.2027", "ctrl+a"),
    ],
)
def test_typing_a_date_over_the_selected_one_takes_it(
    qtbot: QtBot, locale_named: object, name: str, typed: str, select: str
) -> None:
    """The date as the field shows it, typed over the whole selected text, separators and all:
    Qt alone dropped the first key and let each separator skip a part."""
    locale_named(name)  # type: ignore[operator]
    edit = date_edit(date(2026, 12, 2), "Completed on")
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    if select == "ctrl+a":
        qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    else:
        edit.selectAll()
    qtbot.keyClicks(edit, typed)
    assert pydate(edit.date()) == date(2027, 3, 15)
    assert edit.text() == format_date(date(2027, 3, 15))


def test_a_date_field_shows_the_year_as_format_date_does(
    qtbot: QtBot, locale_named: object
) -> None:
    """en_US's own short form has a two-digit year: "3/15/2027" could not be typed into it."""
    locale_named("en_US")  # type: ignore[operator]
    edit = date_edit(date(2026, 12, 2), "Completed on")
    qtbot.addWidget(edit)
    assert edit.text() == "12/2/2026"
