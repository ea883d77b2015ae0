"""The scheduler's verdict as JSON, as stored with each accepted baseline.

Fields added later (term_needs, weekly_minutes_given) are optional when read, so verdicts stored
by older versions still read (without the figures)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from studyplanner.core.model import TermNeed, Verdict, VerdictKind


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
        }
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
    )
