"""The most urgent deadline for the top of the Dashboard: a CEU cycle ending with CEUs missing,
the next exam or the target (core.headline.urgent_deadline chooses)."""

from __future__ import annotations

from datetime import date

from studyplanner.core.headline import Deadline, OpenCycle, urgent_deadline
from studyplanner.services.database import Database
from studyplanner.services.snapshots import ProgressSnapshot

__all__ = ["most_urgent_deadline"]


def most_urgent_deadline(
    db: Database, today: date, snapshot: ProgressSnapshot | None
) -> Deadline | None:
    """The nearest deadline still to meet (`snapshot` is the Dashboard's progress, None
    without a plan: then only the CEU cycles count)."""
    from studyplanner.services.credentials import ceu_statuses

    cycles = [
        OpenCycle(s.cycle_id, s.label, s.cycle_end, s.remaining)
        for s in ceu_statuses(db, today)
        if not s.closed
    ]
    exam = snapshot.next_exam if snapshot is not None else None
    target = snapshot.headline.target if snapshot and snapshot.headline else None
    return urgent_deadline(cycles, exam, target, today)
