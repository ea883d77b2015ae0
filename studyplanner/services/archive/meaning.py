"""Whether an archive's rows mean something the app can use, checked after their shape
(archive_read) and before anything is written: dates from 1900 to 2200 and in order, spans and
cycles of sensible length, numbers within the app's own limits, texts within its lengths,
verdicts the app can read, settings of the expected kind and depth, credential codes, bodies
and CEU categories the rule book knows, prerequisites within one track and without loops, and
every credential with a cycle.

Each problem names the file member, the table, the row and the field (ArchiveError)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from studyplanner.bundled import rule_book
from studyplanner.core.activity_checks import MAX_UNITS
from studyplanner.core.model import MAX_MINUTES_PER_DAY, MAX_MODULE_MINUTES
from studyplanner.core.validation import MAX_NOTE
from studyplanner.services.archive.format import ProblemList, column_kind, place_of
from studyplanner.services.bounded_json import loads
from studyplanner.services.setting_limits import MAX_SETTING_DEPTH, MAX_SETTING_TEXT
from studyplanner.services.settings import KNOWN_SETTINGS
from studyplanner.services.verdict_codec import BadVerdict, read_verdict
from studyplanner.store import tables

Rows = Mapping[str, list[dict[str, Any]]]

YEARS = (1900, 2200)
"""Every date and time of an archive falls in these years (inclusive)."""
MAX_PLAN_DAYS = 15 * 366
"""A plan, a blackout or a term longer than this is not a study plan (the scheduler's horizon)."""
MAX_CYCLE_DAYS = 3700
"""A credential cycle longer than ten years is not realistic (as the app says when editing)."""
MAX_CEU_HUNDREDTHS = 500 * 100
"""A cycle's own figure (required CEUs, quota): at most 500 CEUs, as the app allows."""
MAX_TIMER_SECONDS = 366 * 24 * 3600
MAX_TERMS = 50
MAX_MONTHS = 600

# (table, column) -> (lowest, highest) for numbers; None: no limit that side.
RANGES: dict[tuple[str, str], tuple[float, float]] = {
    ("tracks", "usual_min_months"): (1, MAX_MONTHS),
    ("tracks", "usual_max_months"): (1, MAX_MONTHS),
    ("tracks", "pass_mark_percent"): (0, 100),
    ("tracks", "term_count"): (0, MAX_TERMS),
    ("modules", "position"): (0, 100_000),
    ("modules", "estimated_minutes"): (1, MAX_MODULE_MINUTES),
    ("modules", "term"): (1, MAX_TERMS),
    ("modules", "credits"): (0, 1000),
    ("module_completions", "score"): (0, 100),
    ("plans", "weekly_minutes"): (1, 7 * MAX_MINUTES_PER_DAY),
    **{("plans", name): (0, MAX_MINUTES_PER_DAY) for name in tables.WEEKDAY_COLUMNS},
    ("plan_terms", "number"): (1, MAX_TERMS),
    ("baselines", "number"): (1, 1_000_000),
    ("baseline_modules", "minutes"): (0, MAX_MODULE_MINUTES),
    ("baseline_blocks", "minutes"): (1, MAX_MINUTES_PER_DAY),
    ("study_sessions", "minutes"): (1, MAX_MINUTES_PER_DAY),
    ("study_timer", "banked_seconds"): (0, MAX_TIMER_SECONDS),
    ("credential_cycles", "required_hundredths"): (0, MAX_CEU_HUNDREDTHS),
    ("credential_cycles", "quota_hundredths"): (0, MAX_CEU_HUNDREDTHS),
    ("ceu_activities", "units_hundredths"): (1, int(MAX_UNITS * 100)),
    ("ceu_allocations", "units_hundredths"): (1, int(MAX_UNITS * 100)),
}
"""Numbers of other columns (ids) only need to be whole or finite (archive_read)."""

TEXT_LIMITS: dict[tuple[str, str], int] = {
    ("study_sessions", "note"): MAX_NOTE,
    ("credentials", "note"): MAX_NOTE,
    ("ceu_activities", "note"): MAX_NOTE,
    ("modules", "topic"): 10_000,
    ("baselines", "note"): 10_000,
    ("baselines", "settings_json"): 1_000_000,
}
"""Text columns without a length of their own in the schema, limited as the app limits them."""

ORDERED_DATES: dict[str, tuple[str, str, bool, int]] = {
    "plans": ("start_date", "target_date", True, MAX_PLAN_DAYS),
    "blackouts": ("start_date", "end_date", False, MAX_PLAN_DAYS),
    "plan_terms": ("start_date", "end_date", False, MAX_PLAN_DAYS),
    "baseline_modules": ("start_date", "due_date", False, MAX_PLAN_DAYS),
    "credential_cycles": ("start_on", "end_on", True, MAX_CYCLE_DAYS),
}
"""table -> (first, last, last must be strictly later, at most this many days apart)."""


def check_meaning(rows: Rows, problems: ProblemList | None = None) -> None:
    """Raise ArchiveError naming what in `rows` (checked for shape, each value of its column's
    Python type, references present) the app could not use."""
    problems = problems or ProblemList()
    for table in tables.metadata.sorted_tables:
        _check_values(table.name, [(c.name, column_kind(c)) for c in table.columns],
                      rows.get(table.name, []), problems.add)  # fmt: skip
    problems.raise_if_any()  # the checks below rely on sane values
    for name, (first, last, strict, most) in ORDERED_DATES.items():
        _check_order(name, first, last, strict, most, rows.get(name, []), problems.add)
    _check_tracks(rows, problems.add)
    _check_baselines(rows, problems.add)
    _check_credentials(rows, problems.add)
    _check_settings(rows, problems.add)
    problems.raise_if_any()


Report = Callable[[str, str], None]


def _check_values(table: str, columns: list[tuple[str, str]], rows: list[dict[str, Any]],
                  report: Report) -> None:  # fmt: skip
    for number, row in enumerate(rows, 1):
        for name, kind in columns:
            value = row.get(name)
            if value is None:
                continue
            place = place_of(table, number, name)
            if kind in ("date", "datetime"):
                assert isinstance(value, date | datetime)
                if not YEARS[0] <= value.year <= YEARS[1]:
                    report(place, f"the date {value.isoformat()} is not between "
                                  f"{YEARS[0]} and {YEARS[1]}")  # fmt: skip
            elif kind in ("integer", "float"):
                low, high = RANGES.get((table, name), (value, value))
                if not low <= value <= high:
                    report(place, f"{value:g} is outside {low:g} to {high:g}")
            elif kind == "text":
                limit = TEXT_LIMITS.get((table, name))
                if limit is not None and len(value) > limit:
                    report(place, f"longer than {limit} characters ({len(value)})")


def _check_order(table: str, first: str, last: str, strict: bool, most: int,
                 rows: list[dict[str, Any]], report: Report) -> None:  # fmt: skip
    for number, row in enumerate(rows, 1):
        start, end = row.get(first), row.get(last)
        if start is None or end is None:
            continue
        place = place_of(table, number, last)
        if end < start or (strict and end == start):
            report(place, f"{end.isoformat()} is {'not after' if strict else 'before'} "
                          f"{first} {start.isoformat()}")  # fmt: skip
        elif end - start > timedelta(days=most):
            report(place, f"{start.isoformat()} to {end.isoformat()} is longer than "
                          f"{most} days")  # fmt: skip


def _check_tracks(rows: Rows, report: Report) -> None:
    for number, row in enumerate(rows.get("tracks", []), 1):
        low, high = row.get("usual_min_months"), row.get("usual_max_months")
        if low is not None and high is not None and low > high:
            report(place_of("tracks", number, "usual_max_months"),
                   f"{high} is less than usual_min_months {low}")  # fmt: skip
    track_of = {m["id"]: m["track_id"] for m in rows.get("modules", [])}
    requires: dict[int, list[int]] = {}
    for number, row in enumerate(rows.get("module_prerequisites", []), 1):
        module, needed = row["module_id"], row["requires_id"]
        if module == needed:
            report(place_of("module_prerequisites", number, "requires_id"),
                   f"module {module} cannot require itself")  # fmt: skip
        elif track_of.get(module) != track_of.get(needed):
            report(place_of("module_prerequisites", number, "requires_id"),
                   f"module {needed} is in another track than module {module}")  # fmt: skip
        else:
            requires.setdefault(module, []).append(needed)
    loop = _a_loop(requires)
    if loop is not None:
        report(place_of("module_prerequisites", None, "requires_id"),
               "the modules " + " -> ".join(str(m) for m in loop) + " require each other "
               "in a loop")  # fmt: skip


def _a_loop(requires: Mapping[int, Iterable[int]]) -> list[int] | None:
    """One loop of requirements (module ids, first repeated last), or None."""
    state: dict[int, int] = {}  # 1: on the path, 2: done
    for root in requires:
        if root in state:
            continue
        path = [root]
        stack = [iter(requires.get(root, ()))]
        state[root] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(requires.get(nxt, ())))
    return None


def _check_baselines(rows: Rows, report: Report) -> None:
    for number, row in enumerate(rows.get("baselines", []), 1):
        try:
            read_verdict(row["verdict_json"])
        except BadVerdict as exc:
            report(place_of("baselines", number, "verdict_json"), f"the verdict {exc}")
        why = _json_object_problem(row["settings_json"], depth=4, length=1_000_000)
        if why is not None:
            report(place_of("baselines", number, "settings_json"), why)


def _json_object_problem(text: str, *, depth: int, length: int) -> str | None:
    if len(text) > length:
        return f"longer than {length} characters ({len(text)})"
    try:
        value = loads(text, max_depth=depth)
    except ValueError as exc:
        return f"is not JSON the app can read ({exc})"
    if not isinstance(value, dict):
        return "is not a JSON object"
    return None


def _check_credentials(rows: Rows, report: Report) -> None:
    book = rule_book()
    with_cycles = {c["credential_id"] for c in rows.get("credential_cycles", [])}
    for number, row in enumerate(rows.get("credentials", []), 1):
        rule = book.credentials.get(row["code"])
        if rule is None:
            report(place_of("credentials", number, "code"),
                   f"{row['code']!r} is not a credential of the rule book "
                   f"(known: {', '.join(book.credentials)})")  # fmt: skip
        elif row["body"] != rule.body:
            report(
                place_of("credentials", number, "body"),
                f"{row['code']} is a credential of {rule.body}, not {row['body']!r}",
            )
        if row["id"] not in with_cycles:
            report(place_of("credentials", number), "has no cycle (every credential has one)")
    for number, row in enumerate(rows.get("ceu_activities", []), 1):
        if row["category"] not in book.categories:
            report(place_of("ceu_activities", number, "category"),
                   f"{row['category']!r} is not a CEU category of the rule book "
                   f"(known: {', '.join(book.categories)})")  # fmt: skip
    units = {a["id"]: a["units_hundredths"] for a in rows.get("ceu_activities", [])}
    for number, row in enumerate(rows.get("ceu_allocations", []), 1):
        whole = units.get(row["activity_id"])
        if whole is not None and row["units_hundredths"] > whole:
            report(place_of("ceu_allocations", number, "units_hundredths"),
                   f"applies {row['units_hundredths'] / 100:g} CEUs of an activity worth "
                   f"{whole / 100:g}")  # fmt: skip


def _check_settings(rows: Rows, report: Report) -> None:
    for number, row in enumerate(rows.get("app_settings", []), 1):
        text = row["value"]
        place = place_of("app_settings", number, "value")
        if len(text) > MAX_SETTING_TEXT:
            report(place, f"longer than {MAX_SETTING_TEXT} characters ({len(text)})")
            continue
        try:
            value = loads(text, max_depth=MAX_SETTING_DEPTH)
        except ValueError as exc:
            report(place, f"is not JSON the app can read ({exc})")
            continue
        if row["key"] in KNOWN_SETTINGS and not isinstance(value, dict):
            report(place, f"the setting {row['key']!r} must be a JSON object")
