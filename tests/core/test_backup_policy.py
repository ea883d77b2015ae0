"""Backup thinning: recent ones, then one a day, a week, a month, within a total size."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner.core.backup_policy import (
    BackupFile,
    RetentionPolicy,
    backups_to_delete,
    backups_to_keep,
)

NOW = datetime(2026, 11, 27, 12, 0)


def _hourly(days: int) -> list[BackupFile]:
    return [BackupFile(f"b{h:05d}", NOW - timedelta(hours=h), 1000) for h in range(days * 24)]


def test_a_year_of_hourly_backups_thins_to_recent_daily_weekly_monthly() -> None:
    backups = _hourly(365)
    policy = RetentionPolicy(keep_recent=5, daily_days=7, weekly_weeks=4, monthly_months=12)
    kept = backups_to_keep(backups, NOW, policy)
    ages = sorted((NOW - b.taken_at) for b in kept)
    assert ages[:5] == [timedelta(hours=h) for h in range(5)]  # the newest five
    assert len(kept) < 40
    days = {b.taken_at.date() for b in kept if NOW - b.taken_at <= timedelta(days=7)}
    assert len(days) == 8  # one a day for a week (today included)
    months = {(b.taken_at.year, b.taken_at.month) for b in kept}
    assert len(months) == 13  # one a month back a year
    assert set(backups_to_delete(backups, NOW)) | set(backups_to_keep(backups, NOW)) == set(backups)


def test_the_total_size_is_bounded_but_the_newest_always_stays() -> None:
    big = [BackupFile(f"b{i}", NOW - timedelta(days=i), 600) for i in range(5)]
    kept = backups_to_keep(big, NOW, RetentionPolicy(max_total_bytes=1000))
    assert [b.name for b in kept] == ["b0"]
    huge = [BackupFile("only", NOW, 10**12)]
    assert backups_to_keep(huge, NOW, RetentionPolicy(max_total_bytes=1)) == huge


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 800 * 24), st.integers(1, 10**6)), min_size=1, max_size=60,
        unique_by=lambda t: t[0],
    ),
    st.integers(1, 10), st.integers(0, 30), st.integers(0, 12), st.integers(0, 24),
    st.integers(1, 10**7),
)  # fmt: skip
def test_thinning_properties(
    items: list[tuple[int, int]], recent: int, daily: int, weekly: int, monthly: int, cap: int
) -> None:
    backups = [BackupFile(f"b{h}", NOW - timedelta(hours=h), size) for h, size in items]
    policy = RetentionPolicy(recent, daily, weekly, monthly, cap)
    kept = backups_to_keep(backups, NOW, policy)
    newest = max(backups, key=lambda b: b.taken_at)
    assert kept[0] == newest  # the newest is always kept
    assert set(kept) <= set(backups)
    assert sum(b.size for b in kept[1:]) <= max(cap - newest.size, 0) or len(kept) == 1
    # Thinning again keeps everything that was kept (stable, so it never eats backups over time).
    assert backups_to_keep(kept, NOW, policy) == kept
