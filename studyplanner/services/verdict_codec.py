"""The scheduler's verdict as JSON, as stored with each accepted baseline.

Fields added later (term_needs, weekly_minutes_given) are optional when read, so verdicts stored
by older versions still read (without the figures).

`verdict_from_json` trusts what the app wrote; `read_verdict` checks a text from outside (an
archive, a database another program wrote) and says what is wrong, and `stored_verdict` reads a
stored one for showing: one that cannot be read is the UNKNOWN verdict (re-plan for a new one)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from studyplanner.core.model import SittingShortfall, TermNeed, Verdict, VerdictKind
from studyplanner.services.bounded_json import loads

MAX_VERDICT_TEXT = 10_000
"""Characters in a stored verdict (the app writes a few hundred)."""
VERDICT_YEARS = (1900, 2200)
"""Years a verdict's dates may fall in."""
UNKNOWN_VERDICT = Verdict(kind=VerdictKind.UNKNOWN, finish=None)
"""What a stored verdict that cannot be read is shown as: unknown, re-plan to judge again."""


def iso_or_none(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _date(s: Any) -> date | None:
    return date.fromisoformat(s) if s else None


def verdict_to_json(v: Verdict) -> str:
    return json.dumps(
        {
            "kind": v.kind.value,
            "finish": iso_or_none(v.finish),
            "target": iso_or_none(v.target),
            "days_early": v.days_early,
            "extra_minutes_per_week": v.extra_minutes_per_week,
            "suggested_target": iso_or_none(v.suggested_target),
            "months": v.months,
            "usual_months": list(v.usual_months) if v.usual_months else None,
            "outside_usual": v.outside_usual,
            "program_label": v.program_label,
            "late_terms": list(v.late_terms),
            "weekly_minutes_used": v.weekly_minutes_used,
            "term_needs": [[n.number, n.minutes_per_week] for n in v.term_needs],
            "weekly_minutes_given": v.weekly_minutes_given,
            "sittings_too_long": [
                {
                    "module_id": s.module_id,
                    "title": s.title,
                    "minutes": s.minutes,
                    "longest_weekday": s.longest_weekday,
                    "longest_minutes": s.longest_minutes,
                }
                for s in v.sittings_too_long
            ],
        }
    )


def _shortfall(d: Any) -> SittingShortfall:
    return SittingShortfall(
        module_id=int(d["module_id"]),
        title=str(d.get("title", "")),
        minutes=int(d["minutes"]),
        longest_weekday=int(d.get("longest_weekday", 0)),
        longest_minutes=int(d.get("longest_minutes", 0)),
    )


def verdict_from_json(text: str) -> Verdict:
    d = json.loads(text)
    usual = d.get("usual_months")
    return Verdict(
        kind=VerdictKind(d["kind"]),
        finish=_date(d.get("finish")),
        target=_date(d.get("target")),
        days_early=int(d.get("days_early", 0)),
        extra_minutes_per_week=int(d.get("extra_minutes_per_week", 0)),
        suggested_target=_date(d.get("suggested_target")),
        months=float(d.get("months", 0.0)),
        usual_months=(int(usual[0]), int(usual[1])) if usual else None,
        outside_usual=bool(d.get("outside_usual", False)),
        program_label=str(d.get("program_label", "programs like this")),
        late_terms=tuple(int(t) for t in d.get("late_terms", ())),
        weekly_minutes_used=int(d.get("weekly_minutes_used", 0)),
        term_needs=tuple(TermNeed(int(n), int(m)) for n, m in d.get("term_needs") or ()),
        weekly_minutes_given=int(d.get("weekly_minutes_given") or 0),
        # verdicts stored before sittings existed have none
        sittings_too_long=tuple(_shortfall(s) for s in d.get("sittings_too_long") or ()),
    )


class BadVerdict(ValueError):
    """A verdict text that cannot be read; the message says why (a phrase)."""


def _no_constant(name: str) -> Any:
    raise BadVerdict(f"holds {name}, which is not a number")


def read_verdict(text: str) -> Verdict:
    """The verdict in `text`, checked for meaning: JSON nested as the app writes it, a known
    kind, numbers finite and in range, dates from 1900 to 2200. Else BadVerdict."""
    if not isinstance(text, str):
        raise BadVerdict("is not text")
    if len(text) > MAX_VERDICT_TEXT:
        raise BadVerdict(f"is longer than {MAX_VERDICT_TEXT} characters")
    try:
        d = loads(text, max_depth=3, parse_constant=_no_constant)
    except BadVerdict:
        raise
    except ValueError as exc:
        raise BadVerdict(f"is not valid JSON ({exc})") from None
    if not isinstance(d, dict):
        raise BadVerdict("is not a JSON object")
    kind = d.get("kind")
    known = [k.value for k in VerdictKind if k is not VerdictKind.UNKNOWN]
    if kind not in known:
        raise BadVerdict(f"has no known kind (one of {', '.join(known)})")
    numbers = ("days_early", "extra_minutes_per_week", "weekly_minutes_used", "months",
               "weekly_minutes_given")  # fmt: skip
    for name in numbers:
        value = d.get(name) or 0
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise BadVerdict(f"field {name} is not a number")
        if not -1_000_000 <= value <= 1_000_000:
            raise BadVerdict(f"field {name} is out of range ({value})")
    usual = d.get("usual_months")
    if usual is not None and not (
        isinstance(usual, list) and len(usual) == 2
        and all(isinstance(u, int) and not isinstance(u, bool) and 0 <= u <= 1200 for u in usual)
    ):  # fmt: skip
        raise BadVerdict("field usual_months is not two whole numbers of months")
    terms = d.get("late_terms", [])
    if not isinstance(terms, list) or not all(
        isinstance(t, int) and not isinstance(t, bool) and 0 <= t <= 1000 for t in terms
    ):
        raise BadVerdict("field late_terms is not a list of term numbers")
    needs = d.get("term_needs") or []
    if not isinstance(needs, list) or not all(
        isinstance(n, list) and len(n) == 2 and all(_whole(v, 0, 1_000_000) for v in n)
        for n in needs
    ):
        raise BadVerdict("field term_needs is not a list of [term, minutes a week]")
    sittings = d.get("sittings_too_long") or []
    if not isinstance(sittings, list) or not all(
        isinstance(s, dict)
        and all(_whole(s.get(k), 0, 1_000_000_000) for k in ("module_id", "minutes"))
        and _whole(s.get("longest_weekday", 0), 0, 6)
        and _whole(s.get("longest_minutes", 0), 0, 1_000_000)
        and isinstance(s.get("title", ""), str)
        for s in sittings
    ):
        raise BadVerdict("field sittings_too_long is not a list of sittings")
    if not isinstance(d.get("program_label", ""), str):
        raise BadVerdict("field program_label is not text")
    for name in ("finish", "target", "suggested_target"):
        value = d.get(name)
        if value is None:
            continue
        try:
            day = date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            day = None
        if day is None:
            raise BadVerdict(f"field {name} is not a date (YYYY-MM-DD)")
        if not VERDICT_YEARS[0] <= day.year <= VERDICT_YEARS[1]:
            raise BadVerdict(
                f"field {name} ({value}) is not between {VERDICT_YEARS[0]} and {VERDICT_YEARS[1]}"
            )
    try:
        return verdict_from_json(text)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as exc:
        raise BadVerdict(f"cannot be read ({type(exc).__name__}: {exc})") from None


def _whole(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def stored_verdict(text: str) -> Verdict:
    """A baseline's verdict for showing: UNKNOWN_VERDICT when it cannot be read."""
    try:
        return read_verdict(text)
    except BadVerdict:
        return UNKNOWN_VERDICT
