"""CLI for scores by exam section: `done ID --missed SECTION=N ...` records a sitting's missed
questions per section (the score derived from them); `readiness` shows each section across the
attempts against the pass mark and the review weak sections call for (`--accept` adds it)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from studyplanner.cli.context import open_db, today_of
from studyplanner.cli.output import emit
from studyplanner.cli.values import parse_date
from studyplanner.core.durations import english
from studyplanner.core.validation import InvalidInput, Problem

if TYPE_CHECKING:
    from studyplanner.core.exam_sections import ExamOutline, SectionScore
    from studyplanner.services.database import Database
    from studyplanner.services.section_readiness import Readiness


def parse_missed(text: str) -> tuple[str, int]:
    """`anesthesia=2`: a section's key and the questions missed on it."""
    key, sep, count = text.partition("=")
    if not sep or not key.strip() or not count.strip().isdigit():
        raise argparse.ArgumentTypeError(
            f"expected SECTION=MISSED (like anesthesia=2), got {text!r}"
        )
    return key.strip(), int(count)


def add_parsers(sub: Any, done: argparse.ArgumentParser) -> None:
    done.add_argument(
        "--missed", type=parse_missed, action="append", default=[], metavar="SECTION=N",
        help="questions missed on one exam section (repeat; sections not given count as none "
        "missed; the score is then derived). `readiness` lists the sections.",
    )  # fmt: skip
    ready = sub.add_parser("readiness", help="scores by exam section, and the review they call for")
    ready.add_argument("--accept", action="store_true", help="add the proposed review to the plan")
    ready.add_argument("--today", type=parse_date, metavar="DATE")
    ready.add_argument("--json", action="store_true")


def section_scores(db: Database, missed: list[tuple[str, int]]) -> list[SectionScore] | None:
    """Every section of the plan's exam with its missed count (None when none was given)."""
    if not missed:
        return None
    from studyplanner.core.exam_sections import SectionScore
    from studyplanner.services.section_readiness import active_outline

    outline = active_outline(db)
    if outline is None:
        raise InvalidInput([Problem("missed", "The plan's track has no exam sections.")])
    given = dict(missed)
    problems = [
        Problem("missed", f"{key!r} is not a section of the {outline.exam} exam "
                f"(one of {', '.join(s.key for s in outline.sections)}).")
        for key in given if outline.section(key) is None
    ]  # fmt: skip
    for s in outline.sections:
        if given.get(s.key, 0) > s.questions:
            problems.append(
                Problem("missed", f"{s.key}: {given[s.key]} missed of {s.questions} questions.")
            )
    if problems:
        raise InvalidInput(problems)
    return [
        SectionScore(s.key, s.title, s.questions, given.get(s.key, 0)) for s in outline.sections
    ]


def _payload(found: Readiness) -> dict[str, Any]:
    outline: ExamOutline = found.outline
    review = found.review
    sitting = found.next_sitting
    return {
        "exam": outline.exam,
        "pass_mark_percent": outline.pass_mark_percent,
        "estimated": outline.estimated,
        "attempts": [
            {"module_id": a.module_id, "title": a.title, "date": a.day.isoformat(),
             "kind": a.kind.value, "total_percent": a.total}
            for a in found.attempts
        ],
        "sections": [
            {"key": r.key, "title": r.title, "questions": r.questions,
             "estimate": bool((s := outline.section(r.key)) and s.estimate),
             "percents": list(r.percents), "latest": r.latest, "weak": r.weak,
             "gap": r.gap}
            for r in found.sections
        ],
        "next_sitting": None if sitting is None else {
            "module_id": sitting.module_id, "title": sitting.title,
            "date": sitting.day.isoformat() if sitting.day else None,
        },
        "review": {
            "verdict": review.verdict.value, "minutes": review.minutes,
            "wanted_minutes": review.wanted_minutes, "free_minutes": review.free_minutes,
            "priority": list(review.priority), "left_out": list(review.left_out),
            "already_planned": list(found.already_planned),
            "blocks": [{"section": b.section_key, "title": b.title, "minutes": b.minutes,
                        "wanted": b.wanted} for b in review.blocks],
        },
    }  # fmt: skip


def _text(found: Readiness, accepted: bool) -> str:
    outline = found.outline
    lines = [f"{outline.exam} readiness by section (pass mark {outline.pass_mark_percent:g} %"
             + (", section sizes partly estimated)" if outline.estimated else ")")]  # fmt: skip
    for r in found.sections:
        latest = "-" if r.latest is None else f"{r.latest:.0f} %"
        mark = "  below the pass mark" if r.weak else ""
        lines.append(f"  {r.key:<34} {latest:>6}{mark}")
    review = found.review
    verdict = {
        "no_scores": "No section scores yet: mark a practice exam done with --missed.",
        "ready": "Every section is at or above the pass mark.",
        "no_sitting": "No practice exam or exam is left to review for.",
        "planned": "Every weak section already has review in the plan.",
        "fits": f"Review: {english(review.minutes)} before the next sitting.",
        "too_short": f"Time is short: {english(review.minutes)} of the "
        f"{english(review.wanted_minutes)} wanted fit. Put first: {', '.join(review.priority)}.",
    }[review.verdict.value]
    lines.append(verdict)
    for b in review.blocks:
        lines.append(f"  {b.title}: {english(b.minutes)}")
    if found.already_planned:
        lines.append(f"Review already in the plan for: {', '.join(found.already_planned)}.")
    if accepted:
        lines.append("The review was added to the plan (a new baseline).")
    return "\n".join(lines)


def run_readiness(args: argparse.Namespace) -> int:
    from studyplanner.services.section_readiness import accept_review, section_readiness

    db = open_db(args)
    today = today_of(args)
    try:
        found = section_readiness(db, today)
        if found is None:
            raise InvalidInput(
                [Problem("plan", "There is no plan, or its track has no exam sections.")]
            )
        if args.accept:
            accept_review(db, today)
    finally:
        db.close()
    payload = _payload(found)
    payload["accepted"] = bool(args.accept)
    emit(payload, args.json, _text(found, args.accept))
    return 0
