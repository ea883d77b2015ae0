"""One rule a CEU cycle is checked against (the total, a credential's quota, a share), as data:
its code and the values its words need. `english` renders it for the command line and the audit
packet ("36 CEUs in the cycle", "16 auditing CEUs for CPMA"); the GUI renders the same code and
values through tr() (ui/ceu_check_words.py)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from studyplanner.core.ceu_rules import RuleSource


class CheckCode(StrEnum):
    TOTAL = "total"  # the pool's required total in the cycle
    QUOTA = "quota"  # a credential's own CEUs in one category
    HIIM_SHARE = "hiim_share"  # a share in the health-information (HIIM) domains
    AHIMA_SOURCED_SHARE = "ahima_sourced_share"  # a share from AHIMA or its state associations


@dataclass(frozen=True, slots=True)
class RuleCheck:
    id: str  # total, quota, or a share's id
    code: CheckCode
    required: Decimal
    earned: Decimal
    met: bool
    source: RuleSource
    share: Decimal | None = None  # a share's minimum (0.8 for 80 %)
    category: str = ""  # a quota's category, by its label in the rules
    credential: str = ""  # the credential a quota belongs to

    @property
    def label(self) -> str:
        """In English, for the command line, the audit packet and the reminders' English."""
        return english(self)


def _units(value: Decimal) -> str:
    return f"{value.normalize():f}"


def english(check: RuleCheck) -> str:
    need = _units(check.required)
    if check.code is CheckCode.TOTAL:
        return f"{need} CEUs in the cycle"
    if check.code is CheckCode.QUOTA:
        return f"{need} {check.category.lower()} CEUs for {check.credential}"
    percent = f"{(check.share or Decimal(0)) * 100:.0f}"
    if check.code is CheckCode.HIIM_SHARE:
        return f"{percent} % in the health-information (HIIM) domains ({need} CEUs)"
    return f"{percent} % from AHIMA or its state associations ({need} CEUs)"


def check_values(check: RuleCheck) -> dict[str, Any]:
    """The code and values of a check, for JSON."""
    values: dict[str, Any] = {"id": check.id, "code": check.code.value,
                              "required": float(check.required), "earned": float(check.earned),
                              "met": check.met}  # fmt: skip
    if check.share is not None:
        values["share"] = float(check.share)
    if check.code is CheckCode.QUOTA:
        values["category"] = check.category
        values["credential"] = check.credential
    return values
