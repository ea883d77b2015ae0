"""Every kind of reminder and every kind of CEU rule check in the user's language: in Spanish,
Spanish words, the locale's dates and decimal comma, the learner's own words (titles, credential
labels, body codes, category labels) as they are; in English, the words of the CLI."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from studyplanner.core.ceu_rules import RuleSource
from studyplanner.core.reminder_reasons import (
    BackupDue,
    CeuRuleUnmet,
    CeuShortfall,
    CredentialOverdue,
    CycleEnding,
    ExamSoon,
    MembershipRenewal,
    ModuleOverdue,
    NoStudy,
    OverduePhase,
    Reason,
    RulesOld,
    StudyToday,
    SubmissionOpen,
)
from studyplanner.core.reminder_text import english
from studyplanner.core.rule_check import CheckCode, RuleCheck
from studyplanner.ui.credentials.ceu_check_words import check_words
from studyplanner.ui.dashboard.reminder_words import reminder_words
from studyplanner.ui.shared.formatting import format_date
from studyplanner.ui.window.language import install_language

DAY = date(2026, 12, 17)
END = date(2027, 6, 30)
SOURCE = RuleSource("", (), date(2026, 1, 1), verify=False)
CHECKS = (
    RuleCheck("total", CheckCode.TOTAL, Decimal(40), Decimal("6.5"), False, SOURCE),
    RuleCheck("quota", CheckCode.QUOTA, Decimal(16), Decimal(4), False, SOURCE,
              category="Auditing", credential="CPMA"),
    RuleCheck("hiim-domains", CheckCode.HIIM_SHARE, Decimal(16), Decimal(2), False, SOURCE,
              share=Decimal("0.8")),
    RuleCheck("ahima-sourced", CheckCode.AHIMA_SOURCED_SHARE, Decimal(8), Decimal(0), False,
              SOURCE, share=Decimal("0.4")),
)  # fmt: skip
REASONS: tuple[Reason, ...] = (
    StudyToday(90, ("Anatomy", "ICD-10-CM")),
    ModuleOverdue("Anatomy", DAY, 1),
    ModuleOverdue("Anatomy", DAY, 9),
    *(ExamSoon("CPC exam", DAY, n) for n in (0, 1, 30)),
    NoStudy(7, True),
    NoStudy(12, False),
    CeuShortfall(("CPC", "CPMA"), Decimal("33.5"), Decimal(40), END, 45, Decimal("2.1")),
    CeuShortfall(("CPC",), Decimal(4), Decimal(36), END, 0, None),
    *(CeuRuleUnmet(("CPMA",), check) for check in CHECKS),
    CycleEnding(("CPC", "CPMA", "CRC"), "AAPC", date(2025, 7, 1), END, 1),
    SubmissionOpen(("CCS",), "AHIMA", DAY, END),
    CredentialOverdue(("CPC",), END, CHECKS[:2], OverduePhase.GRACE, DAY),
    CredentialOverdue(("CPC",), END, CHECKS[:1], OverduePhase.LAPSING, DAY),
    CredentialOverdue(("CPC",), END, CHECKS[:1], OverduePhase.LAPSED, None),
    MembershipRenewal("AAPC", DAY, 12),
    BackupDue(None),
    BackupDue(DAY),
    RulesOld(DAY),
)
ENGLISH = re.compile(
    r"\b(the|your|is|are|was|with|and|of|to|for|not|in|on|by|days?|today|tomorrow|study|"
    r"logged|cycle|ends?|ended|missing|still|met|yet|so far|window|open|since|membership|data|"
    r"backed|rules|checked|month|due|ago|from|its|state|domains)\b"
)
DATA = re.compile(r"Anatomy|ICD-10-CM|CPC exam|Auditing|\b(CPC|CPMA|CRC|CCS|AAPC|AHIMA|HIIM)\b")


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    installed = install_language("es")
    yield
    installed.remove()


@pytest.mark.usefixtures("spanish")
@pytest.mark.parametrize("reason", REASONS, ids=lambda r: type(r).__name__)
def test_each_reminder_reads_in_spanish(reason: Reason) -> None:
    assert QLocale().language() is QLocale.Language.Spanish
    text = reminder_words(reason)
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text), text  # never ISO
    assert not ENGLISH.search(DATA.sub("", text)), text
    for day in (DAY, END):
        if day.isoformat() in english(reason):
            assert format_date(day) in text, text


@pytest.mark.usefixtures("spanish")
def test_rule_lines_in_spanish() -> None:
    assert [check_words(c) for c in CHECKS] == [
        "40 CEU en el ciclo",
        "16 CEU de «Auditing» para CPMA",
        "80 % en los dominios de información de salud (HIIM) (16 CEU)",
        "40 % de AHIMA o de sus asociaciones estatales (8 CEU)",
    ]
    shortfall = reminder_words(REASONS[8])
    assert shortfall.startswith("CPC y CPMA: faltan aún 33,5 de 40 CEU; el ciclo termina en 45")
    assert shortfall.endswith("(unos 2,1 al mes).")


def test_in_english_the_gui_says_what_the_cli_says_with_local_dates() -> None:
    assert reminder_words(REASONS[0]) == "Today's study: 1 h 30 min of Anatomy, ICD-10-CM."
    assert reminder_words(REASONS[4]) == f"“CPC exam” is tomorrow ({format_date(DAY)})."
    assert reminder_words(REASONS[8]) == (
        f"CPC and CPMA: 33.5 of 40 CEUs still missing; the cycle ends in 45 days "
        f"({format_date(END)}) (about 2.1 a month)."
    )
    assert english(REASONS[8]) == (
        "CPC and CPMA: 33.5 of 40 CEUs still missing; the cycle ends in 45 days (2027-06-30) "
        "(about 2.1 a month)."
    )
    assert reminder_words(REASONS[10]) == "CPMA: not met yet: 40 CEUs in the cycle; 6.5 so far."
