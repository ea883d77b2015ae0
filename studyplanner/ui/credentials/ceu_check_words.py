"""A CEU rule check in the user's language: its code and values (core/rule_check.py) through
tr(), with CEU figures in the locale's digits."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QLocale

from studyplanner.core.rule_check import CheckCode, RuleCheck
from studyplanner.ui.shared.formatting import ceus_words, tr


def _t(text: str) -> str:
    return tr(text)


def check_words(check: RuleCheck) -> str:
    """ "36 CEUs in the cycle", "16 CEUs in “Auditing” for CPMA", "80 % in the
    health-information (HIIM) domains (16 CEUs)"."""
    ceus = ceus_words(check.required)
    if check.code is CheckCode.TOTAL:
        return _t("{ceus} in the cycle").format(ceus=ceus)
    if check.code is CheckCode.QUOTA:
        return _t("{ceus} in “{category}” for {credential}").format(
            ceus=ceus, category=check.category, credential=check.credential
        )
    percent = QLocale().toString(int(((check.share or Decimal(0)) * 100).to_integral_value()))
    if check.code is CheckCode.HIIM_SHARE:
        return _t("{percent} % in the health-information (HIIM) domains ({ceus})").format(
            percent=percent, ceus=ceus
        )
    return _t("{percent} % from AHIMA or its state associations ({ceus})").format(
        percent=percent, ceus=ceus
    )
