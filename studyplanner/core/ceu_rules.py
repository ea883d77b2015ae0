"""Credential maintenance rules as data: parsing the rule book (resources/credentials/rules.json or
a user's edited copy) into typed, immutable rules.

Pure: the caller reads the JSON and passes the decoded value in. Every problem raises RuleBookError
naming the body, credential or category and the field. Only the figures the status engine needs
are typed; every rule keeps its text, sources and the date it was checked, so the app can show
where a figure comes from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

RULES_FORMAT = 1
TOTALS_TABLE = "table_by_count"
TOTALS_HIGHEST_PLUS = "highest_plus_per_additional"
SHARE_HIIM = "hiim_domain"
SHARE_AHIMA_SOURCED = "ahima_or_component_source"
EXAM_PASS_PERCENT = "percent"
EXAM_PASS_SCALED = "scaled"


class RuleBookError(ValueError):
    """The rule book is malformed; the message says where and what."""


@dataclass(frozen=True, slots=True)
class RuleSource:
    """Where a rule comes from: its words, the pages, when it was checked, whether to verify."""

    text: str
    sources: tuple[str, ...]
    checked: date
    verify: bool


@dataclass(frozen=True, slots=True)
class Quota:
    """Part of the cycle's total that must be in one category (e.g. 16 auditing CEUs for CPMA)."""

    category: str
    units: Decimal
    source: RuleSource
    allowed_providers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Share:
    """A minimum share of the cycle's required CEUs (AHIMA: 80 % HIIM domains, 40 % AHIMA)."""

    id: str
    kind: str  # SHARE_HIIM or SHARE_AHIMA_SOURCED
    min_share: Decimal
    effective_from: date | None
    source: RuleSource


@dataclass(frozen=True, slots=True)
class ExamFormat:
    """The credential's exam as published: questions (None where sources disagree), the time,
    the pass mark (`pass_kind` "percent" of the questions, or "scaled" out of `pass_of`) and,
    for a delivery in parts, each part's minutes."""

    questions: int | None
    scored_questions: int | None
    minutes: int
    pass_kind: str  # EXAM_PASS_PERCENT or EXAM_PASS_SCALED
    pass_value: int
    pass_of: int | None
    online_parts_minutes: tuple[int, ...]
    source: RuleSource


@dataclass(frozen=True, slots=True)
class CredentialRule:
    code: str
    name: str
    body: str
    kind: str  # core, specialty, apprentice
    ceus: Decimal  # per cycle when held alone
    quota: Quota | None
    superseded_by: str | None
    notes: tuple[RuleSource, ...]  # e.g. what removes the "A" of CPC-A
    source: RuleSource
    exam: ExamFormat | None = None


@dataclass(frozen=True, slots=True)
class BodyRules:
    code: str
    name: str
    cycle_years: int
    cycle_anchor: str  # membership_expiration_date or exam_pass_date
    cycle: RuleSource
    first_cycle_user_enters: bool
    shared_cycle: bool  # the user's credentials with this body share one cycle and total
    renewal_month_overlap: bool
    membership_required: bool
    membership: RuleSource
    totals_rule: str
    totals_table: tuple[tuple[int, Decimal], ...]  # (credentials held, CEUs), ascending
    per_additional: Decimal
    max_total: Decimal | None
    totals: RuleSource
    shares: tuple[Share, ...]
    submission_window_days: int | None
    submission: RuleSource
    grace_days: int
    lapse_days: int | None
    grace: RuleSource
    notice_days_before: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    label: str
    hiim_domain: bool
    text: str


@dataclass(frozen=True, slots=True)
class RuleBook:
    bodies: dict[str, BodyRules]
    credentials: dict[str, CredentialRule]
    categories: dict[str, Category]
    categories_source: RuleSource
    checked: date

    def credential(self, code: str) -> CredentialRule | None:
        return self.credentials.get(code.strip().upper())

    def body_of(self, code: str) -> BodyRules:
        return self.bodies[self.credentials[code].body]

    def oldest_check(self) -> date:
        """The oldest 'checked' date of any rule: rules older than a year deserve a look."""
        dates = [self.categories_source.checked]
        for b in self.bodies.values():
            dates += [b.cycle.checked, b.totals.checked, b.grace.checked, b.submission.checked]
            dates += [s.source.checked for s in b.shares]
        for c in self.credentials.values():
            dates.append(c.source.checked)
            if c.quota is not None:
                dates.append(c.quota.source.checked)
        return min(dates)


def _where(ctx: str, field: str) -> str:
    return f"{ctx}, field '{field}'"


def _get(obj: Any, field: str, ctx: str, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(obj, dict):
        raise RuleBookError(f"{ctx}: expected an object")
    if field not in obj:
        raise RuleBookError(f"{_where(ctx, field)}: missing")
    value = obj[field]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, (int, float))):
        raise RuleBookError(f"{_where(ctx, field)}: wrong type {type(value).__name__}")
    return value


def _opt(obj: dict[str, Any], field: str, ctx: str, kind: type | tuple[type, ...]) -> Any:
    if obj.get(field) is None:
        return None
    return _get(obj, field, ctx, kind)


def _date(text: Any, ctx: str, field: str) -> date:
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        raise RuleBookError(f"{_where(ctx, field)}: '{text}' is not an ISO date") from None


def _units(value: Any, ctx: str, field: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise RuleBookError(f"{_where(ctx, field)}: not a number")
    try:
        units = Decimal(str(value))
    except InvalidOperation:
        raise RuleBookError(f"{_where(ctx, field)}: '{value}' is not a number") from None
    if not units.is_finite() or units < 0 or units > 1000:
        raise RuleBookError(f"{_where(ctx, field)}: {value} is out of range")
    return units


def _source(obj: Any, ctx: str) -> RuleSource:
    sources = obj.get("sources", []) if isinstance(obj, dict) else []
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        raise RuleBookError(f"{_where(ctx, 'sources')}: expected a list of texts")
    text = _opt(obj, "text", ctx, str) or ""
    return RuleSource(
        text=text,
        sources=tuple(sources),
        checked=_date(_get(obj, "checked", ctx, str), ctx, "checked"),
        verify=bool(obj.get("verify", False)),
    )


def _shares(raw: Any, ctx: str) -> tuple[Share, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise RuleBookError(f"{_where(ctx, 'shares')}: expected a list")
    shares = []
    for i, item in enumerate(raw):
        sctx = f"{ctx}, share {i + 1}"
        kind = _get(item, "category", sctx, str)
        if kind not in (SHARE_HIIM, SHARE_AHIMA_SOURCED):
            raise RuleBookError(f"{_where(sctx, 'category')}: unknown share '{kind}'")
        share = _units(_get(item, "min_share", sctx, (int, float)), sctx, "min_share")
        if share > 1:
            raise RuleBookError(f"{_where(sctx, 'min_share')}: must be at most 1")
        start = item.get("effective_from")
        shares.append(
            Share(
                id=_get(item, "id", sctx, str),
                kind=kind,
                min_share=share,
                effective_from=None if start is None else _date(start, sctx, "effective_from"),
                source=_source(item, sctx),
            )
        )
    return tuple(shares)


def _section(raw: dict[str, Any], field: str, ctx: str) -> dict[str, Any]:
    """An optional part of a body's rules: an object, or absent/null (then only its date)."""
    value = raw.get(field)
    if value is None:
        return {"checked": raw.get("checked", "2000-01-01")}
    if not isinstance(value, dict):
        raise RuleBookError(f"{_where(ctx, field)}: expected an object")
    return value


def _body(raw: Any) -> BodyRules:
    code = _get(raw, "code", "a body", str)
    ctx = f"body {code}"
    cycle = _get(raw, "cycle", ctx, dict)
    totals = _get(raw, "totals", ctx, dict)
    rule = _get(totals, "rule", f"{ctx} totals", str)
    table: list[tuple[int, Decimal]] = []
    if rule == TOTALS_TABLE:
        for i, row in enumerate(_get(totals, "table", f"{ctx} totals", list)):
            rctx = f"{ctx} totals, row {i + 1}"
            count = _get(row, "credentials", rctx, int)
            table.append((count, _units(_get(row, "ceus", rctx, (int, float)), rctx, "ceus")))
        if not table or [c for c, _ in table] != sorted({c for c, _ in table}):
            raise RuleBookError(f"{ctx} totals: the table must list ascending credential counts")
    elif rule != TOTALS_HIGHEST_PLUS:
        raise RuleBookError(f"{_where(ctx + ' totals', 'rule')}: unknown rule '{rule}'")
    per_additional = _opt(totals, "per_additional", f"{ctx} totals", (int, float)) or 0
    max_total = _opt(totals, "max", f"{ctx} totals", (int, float))
    membership = _section(raw, "membership", ctx)
    submission = _section(raw, "submission", ctx)
    grace = _section(raw, "grace_and_lapse", ctx)
    notices = _section(raw, "notice_schedule_days", ctx)
    before_due = notices.get("before_due", [])
    if not isinstance(before_due, list) or not all(
        isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 3650 for d in before_due
    ):
        raise RuleBookError(f"{_where(ctx + ' notice_schedule_days', 'before_due')}: "
                            "expected a list of whole days")  # fmt: skip
    years = _get(raw, "cycle_years", ctx, int)
    if not 1 <= years <= 10:
        raise RuleBookError(f"{_where(ctx, 'cycle_years')}: {years} is out of range")
    return BodyRules(
        code=code,
        name=_get(raw, "name", ctx, str),
        cycle_years=years,
        cycle_anchor=_get(raw, "cycle_anchor", ctx, str),
        cycle=_source(cycle, f"{ctx} cycle"),
        first_cycle_user_enters=bool(cycle.get("first_cycle_user_enters_ceus", False)),
        shared_cycle=bool(cycle.get("shared_by_all_credentials", False)),
        renewal_month_overlap="renewal_month_overlap" in cycle,
        membership_required=bool(membership.get("required", False)),
        membership=_source(membership, f"{ctx} membership"),
        totals_rule=rule,
        totals_table=tuple(table),
        per_additional=_units(per_additional, f"{ctx} totals", "per_additional"),
        max_total=None if max_total is None else _units(max_total, f"{ctx} totals", "max"),
        totals=_source(totals, f"{ctx} totals"),
        shares=_shares(raw.get("shares"), ctx),
        submission_window_days=_opt(submission, "window_days_before_due", ctx, int),
        submission=_source(submission, f"{ctx} submission"),
        grace_days=_opt(grace, "grace_days", f"{ctx} grace", int) or 0,
        lapse_days=_opt(grace, "lapse_days", f"{ctx} grace", int),
        grace=_source(grace, f"{ctx} grace"),
        notice_days_before=tuple(before_due),
    )


def _count(obj: dict[str, Any], field: str, ctx: str, low: int, high: int) -> int | None:
    value: int | None = _opt(obj, field, ctx, int)
    if value is not None and not low <= value <= high:
        raise RuleBookError(f"{_where(ctx, field)}: {value} is out of range")
    return value


def _exam(raw: Any, ctx: str) -> ExamFormat | None:
    if raw is None:
        return None
    ectx = f"{ctx} exam"
    minutes = _get(raw, "minutes", ectx, int)
    if not 1 <= minutes <= 24 * 60:
        raise RuleBookError(f"{_where(ectx, 'minutes')}: {minutes} is out of range")
    mark = _get(raw, "pass", ectx, dict)
    kind = _get(mark, "kind", f"{ectx} pass", str)
    if kind not in (EXAM_PASS_PERCENT, EXAM_PASS_SCALED):
        raise RuleBookError(f"{_where(ectx + ' pass', 'kind')}: unknown pass mark '{kind}'")
    parts = raw.get("online_parts_minutes") or []
    if not isinstance(parts, list) or not all(
        isinstance(p, int) and not isinstance(p, bool) and p > 0 for p in parts
    ):
        raise RuleBookError(f"{_where(ectx, 'online_parts_minutes')}: expected whole minutes")
    if parts and sum(parts) != minutes:
        raise RuleBookError(f"{_where(ectx, 'online_parts_minutes')}: must add up to minutes")
    return ExamFormat(
        questions=_count(raw, "questions", ectx, 1, 1000),
        scored_questions=_count(raw, "scored_questions", ectx, 1, 1000),
        minutes=minutes,
        pass_kind=kind,
        pass_value=_get(mark, "value", f"{ectx} pass", int),
        pass_of=_count(mark, "of", f"{ectx} pass", 1, 1000),
        online_parts_minutes=tuple(parts),
        source=_source(raw, ectx),
    )


def _credential(raw: Any, bodies: dict[str, BodyRules], categories: set[str]) -> CredentialRule:
    code = _get(raw, "code", "a credential", str).upper()
    ctx = f"credential {code}"
    body = _get(raw, "body", ctx, str)
    if body not in bodies:
        raise RuleBookError(f"{_where(ctx, 'body')}: unknown body '{body}'")
    quota = None
    rq = raw.get("quota")
    if rq is not None:
        qctx = f"{ctx} quota"
        category = _get(rq, "category", qctx, str)
        if category not in categories:
            raise RuleBookError(f"{_where(qctx, 'category')}: unknown category '{category}'")
        providers = rq.get("allowed_providers", [])
        if not isinstance(providers, list) or not all(isinstance(p, str) for p in providers):
            raise RuleBookError(f"{_where(qctx, 'allowed_providers')}: expected a list of names")
        quota = Quota(
            category=category,
            units=_units(_get(rq, "units", qctx, (int, float)), qctx, "units"),
            source=_source(rq, qctx),
            allowed_providers=tuple(str(p) for p in providers),
        )
    superseded_by = None
    notes = []
    for i, other in enumerate(raw.get("other_rules") or []):
        octx = f"{ctx} rule {i + 1}"
        if _get(other, "type", octx, str) == "superseded_by":
            superseded_by = _get(other, "by", octx, str)
        if other.get("active", True):
            notes.append(_source(other, octx))
    return CredentialRule(
        code=code,
        name=_get(raw, "name", ctx, str),
        body=body,
        kind=_get(raw, "kind", ctx, str),
        ceus=_units(_get(raw, "ceus", ctx, (int, float)), ctx, "ceus"),
        quota=quota,
        superseded_by=superseded_by,
        notes=tuple(notes),
        source=_source(raw, ctx),
        exam=_exam(raw.get("exam"), ctx),
    )


def parse_rule_book(raw: Any) -> RuleBook:
    """The rule book from its decoded JSON; RuleBookError says what is wrong and where."""
    if not isinstance(raw, dict):
        raise RuleBookError("The rule book must be a JSON object.")
    if raw.get("format") != RULES_FORMAT:
        raise RuleBookError(f"Unknown rule book format {raw.get('format')!r}; expected 1.")
    bodies = {}
    for item in _get(raw, "bodies", "the rule book", list):
        body = _body(item)
        bodies[body.code] = body
    cats_raw = _get(raw, "categories", "the rule book", dict)
    categories = {}
    for i, item in enumerate(_get(cats_raw, "items", "categories", list)):
        cctx = f"category {i + 1}"
        cat = Category(
            id=_get(item, "id", cctx, str),
            label=_get(item, "label", cctx, str),
            hiim_domain=_get(item, "hiim_domain", cctx, bool),
            text=_opt(item, "text", cctx, str) or "",
        )
        categories[cat.id] = cat
    credentials = {}
    for item in _get(raw, "credentials", "the rule book", list):
        rule = _credential(item, bodies, set(categories))
        credentials[rule.code] = rule
    for rule in credentials.values():
        if rule.superseded_by is not None and rule.superseded_by not in credentials:
            raise RuleBookError(f"credential {rule.code}: superseded by unknown credential")
    return RuleBook(
        bodies=bodies,
        credentials=credentials,
        categories=categories,
        categories_source=_source(cats_raw, "categories"),
        checked=_date(_get(raw, "checked", "the rule book", str), "the rule book", "checked"),
    )
