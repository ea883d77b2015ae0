"""Dates in the user's locale, never ambiguous: a four-digit year in the short form, and the
C locale (no language set) gets a readable form instead of "2 12 2026"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import QLocale

from studyplanner.ui.formatting import format_date, format_datetime


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
