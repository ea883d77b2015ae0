"""Which backups to keep: the newest few, then one a day, one a week and one a month, within a
bounded total size. Pure: the caller lists the files and deletes what this returns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True, slots=True)
class BackupFile:
    name: str
    taken_at: datetime
    size: int


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    keep_recent: int = 10
    daily_days: int = 14
    weekly_weeks: int = 8
    monthly_months: int = 24
    max_total_bytes: int = 1024 * 1024 * 1024

    def __post_init__(self) -> None:
        if self.keep_recent < 1:
            raise ValueError("keep at least the newest backup")


def backups_to_keep(
    backups: Sequence[BackupFile], now: datetime, policy: RetentionPolicy | None = None
) -> list[BackupFile]:
    """The backups to keep, newest first. The newest is always kept, whatever its size."""
    policy = policy or RetentionPolicy()
    newest_first = sorted(backups, key=lambda b: (b.taken_at, b.name), reverse=True)
    keep: dict[str, BackupFile] = {b.name: b for b in newest_first[: policy.keep_recent]}
    buckets: set[tuple[str, object]] = set()
    for b in newest_first:
        age = now - b.taken_at
        for kind, limit, bucket in (
            ("day", timedelta(days=policy.daily_days), b.taken_at.date()),
            ("week", timedelta(weeks=policy.weekly_weeks), b.taken_at.isocalendar()[:2]),
            ("month", timedelta(days=31 * policy.monthly_months),
             (b.taken_at.year, b.taken_at.month)),
        ):  # fmt: skip
            if age <= limit and (kind, bucket) not in buckets:
                buckets.add((kind, bucket))
                keep[b.name] = b
    kept = sorted(keep.values(), key=lambda b: (b.taken_at, b.name), reverse=True)
    total = 0
    bounded = []
    for i, b in enumerate(kept):
        if i > 0 and total + b.size > policy.max_total_bytes:
            continue
        total += b.size
        bounded.append(b)
    return bounded


def backups_to_delete(
    backups: Sequence[BackupFile], now: datetime, policy: RetentionPolicy | None = None
) -> list[BackupFile]:
    kept = {b.name for b in backups_to_keep(backups, now, policy or RetentionPolicy())}
    return [b for b in backups if b.name not in kept]
