"""CLI commands for credentials and their CEU cycles: `credential add|list|edit|remove` and
`cycle edit|close`.

`credential add` says which cycle it chose and why (the body's rule, core/ceu_cycles), and how
to correct it. Removing a credential or closing a cycle needs `--yes` (a backup is taken first).
Light at import (no SQLAlchemy): the services are imported inside each command.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from studyplanner.cli.context import open_db, today_of
from studyplanner.cli.output import emit
from studyplanner.core.validation import InvalidInput, Problem

if TYPE_CHECKING:
    from studyplanner.core.ceu_cycles import CycleChoice
    from studyplanner.core.ceu_rules import BodyRules
    from studyplanner.services.credentials import CredentialInfo

SPECIALTY = "SPECIALTY"


def _bad(field: str, message: str) -> InvalidInput:
    return InvalidInput([Problem(field, message)])


def _units_text(units: Decimal) -> str:
    return f"{units.normalize():f}"


def _ceus(text: str | None) -> Decimal | None:
    """A CEU figure as parsed (cli/values.parse_units: digits with a decimal point)."""
    return None if text is None else Decimal(text)


def _number(units: Decimal | None) -> float | None:
    return None if units is None else float(units)


def find_credential(credentials: Sequence[CredentialInfo], label: str) -> CredentialInfo:
    wanted = label.strip().upper()
    for info in credentials:
        if info.label == wanted:
            return info
    held = ", ".join(c.label for c in credentials) or "none yet"
    raise _bad("credential", f"You have no credential called '{label}' (you have: {held}).")


def _payload(info: CredentialInfo) -> dict[str, Any]:
    if not info.cycles:  # written by another program: a credential without any cycle
        return {
            "id": info.id, "code": info.code, "label": info.label, "name": info.name,
            "body": info.body, "earned_on": info.earned_on.isoformat(),
            "renewal_on": info.renewal_on.isoformat() if info.renewal_on else None,
            "note": info.note, "cycle_id": None, "cycle_start": None, "cycle_end": None,
            "required": None, "quota": None,
        }  # fmt: skip
    cycle = info.current
    return {
        "id": info.id,
        "code": info.code,
        "label": info.label,
        "name": info.name,
        "body": info.body,
        "earned_on": info.earned_on.isoformat(),
        "renewal_on": info.renewal_on.isoformat() if info.renewal_on else None,
        "note": info.note,
        "cycle_id": cycle.id,
        "cycle_start": cycle.start.isoformat(),
        "cycle_end": cycle.end.isoformat(),
        "required": _number(cycle.required),
        "quota": _number(cycle.quota),
    }


def _line(info: CredentialInfo) -> str:
    if not info.cycles:
        return f"{info.label} ({info.name}, {info.body}) earned {info.earned_on}; no cycle."
    cycle = info.current
    own = f"; your figure {_units_text(cycle.required)} CEUs" if cycle.required is not None else ""
    return (
        f"{info.label} ({info.name}, {info.body}) earned {info.earned_on}; "
        f"cycle {cycle.start} to {cycle.end}{own}."
    )


def cycle_reason_text(choice: CycleChoice, body: BodyRules, renewal_on: date | None) -> str:
    """Why the rules give this cycle, in English (the GUI says it in the user's language)."""
    years = body.cycle_years
    if choice.reason == "shared":
        why = f"it shares your open {body.code} cycle"
    elif choice.reason == "renewal_date" and renewal_on is not None:
        parity = "even" if renewal_on.month % 2 == 0 else "odd"
        why = (f"{body.code} CEUs are due every {years} years on your membership expiration date "
               f"({renewal_on:%d %B}, in {parity} years)")  # fmt: skip
    elif choice.reason == "no_renewal_date":
        why = (f"no membership expiration date was given, so cycles run {years} years from the "
               "date earned; give --renewal for the real dates")  # fmt: skip
    else:
        number = (
            f"; this is your cycle number {choice.cycle_number}" if choice.cycle_number > 1 else ""
        )
        why = f"{body.code} cycles run {years} years from the day you passed{number}"
    first = (" You earned it during this cycle, your first"
             + (": enter your pro-rated figure with `cycle edit --required`."
                if body.first_cycle_user_enters else "."))  # fmt: skip
    return f"Cycle {choice.start} to {choice.end}: {why}.{first if choice.first_cycle else ''}"


# -- credential add | list | edit | remove -------------------------------------------------------


def run_credential_add(args: argparse.Namespace) -> int:
    from studyplanner.bundled import rule_book
    from studyplanner.services.credentials import add_credential, proposed_cycle

    today = today_of(args)
    book = rule_book()
    rule = book.credential(args.code)
    if rule is not None and rule.code == SPECIALTY and not args.name:
        raise _bad("label", "Give a specialty credential its name with --name (for example CEMC).")
    if (args.cycle_start is None) != (args.cycle_end is None):
        raise _bad("cycle", "Give --cycle-start and --cycle-end together (or neither).")
    db = open_db(args)
    try:
        choice = None
        if args.cycle_start is None and rule is not None:
            choice = proposed_cycle(db, rule.code, args.earned, args.renewal, today)
        info = add_credential(
            db, args.code, args.earned, today, label=args.name, cycle_start=args.cycle_start,
            cycle_end=args.cycle_end, renewal_on=args.renewal, required=_ceus(args.required),
        )  # fmt: skip
    finally:
        db.close()
    payload = _payload(info)
    text = f"Added {_line(info)}"
    if choice is not None and (choice.start, choice.end) == (info.current.start, info.current.end):
        body = book.bodies[info.body]
        payload["cycle_reason"] = {
            "code": str(choice.reason), "first_cycle": choice.first_cycle,
            "cycle_number": choice.cycle_number,
        }  # fmt: skip
        text += "\n" + cycle_reason_text(choice, body, info.renewal_on)
        text += (f"\nOther dates in your {body.code} account? "
                 f"studyplanner cycle edit {info.label} --start DATE --end DATE")  # fmt: skip
    else:
        payload["cycle_reason"] = {"code": "given", "first_cycle": None, "cycle_number": None}
    emit(payload, args.json, text)
    return 0


def run_credential_list(args: argparse.Namespace) -> int:
    from studyplanner.services.credentials import list_credentials

    db = open_db(args)
    try:
        credentials = list_credentials(db)
    finally:
        db.close()
    if not credentials:
        emit([], args.json, "No credentials yet: add one with `studyplanner credential add`.")
        return 0
    width = max(len("LABEL"), *(len(c.label) for c in credentials))
    lines = [f"{'LABEL':<{width}}  {'BODY':<5}  {'EARNED':<10}  {'CYCLE':<24}  NAME"]
    for c in credentials:
        cycle = f"{c.current.start}..{c.current.end}"
        lines.append(f"{c.label:<{width}}  {c.body:<5}  {c.earned_on}  {cycle:<24}  {c.name}")
    emit([_payload(c) for c in credentials], args.json, "\n".join(lines))
    return 0


def _with_credential(args: argparse.Namespace, act: Callable[[Any, CredentialInfo], Any]) -> Any:
    """Open the data folder, find the credential `args.label`, act on it, close."""
    from studyplanner.services.credentials import list_credentials

    db = open_db(args)
    try:
        return act(db, find_credential(list_credentials(db), args.label))
    finally:
        db.close()


def run_credential_edit(args: argparse.Namespace) -> int:
    from studyplanner.services.credentials import edit_credential

    if args.name is None and args.earned is None and args.renewal is None and args.note is None:
        raise _bad("credential", "Say what to change: --name, --earned, --renewal or --note.")
    today = today_of(args)
    info = _with_credential(args, lambda db, c: edit_credential(
        db, c.id, today, label=args.name, earned_on=args.earned, renewal_on=args.renewal,
        note=args.note,
    ))  # fmt: skip
    emit(_payload(info), args.json, f"Changed {_line(info)}")
    return 0


def run_credential_remove(args: argparse.Namespace) -> int:
    from datetime import datetime

    from studyplanner.services.credentials import delete_credential

    if not args.yes:
        raise _bad("yes", f"Removing {args.label.upper()} deletes it with its cycles (the CEU "
                   "activities stay); add --yes to confirm. A backup is taken first.")  # fmt: skip
    backup = _with_credential(args, lambda db, c: delete_credential(db, c.id, datetime.now()))
    emit({"removed": args.label.upper(), "backup": str(backup)}, args.json,
         f"Removed {args.label.upper()}. Your data from before is in {backup}.")  # fmt: skip
    return 0


# -- cycle edit | close --------------------------------------------------------------------------


def run_cycle_edit(args: argparse.Namespace) -> int:
    from studyplanner.services.credentials import update_cycle

    today = today_of(args)
    if args.required is not None and args.rules_figure:
        raise _bad("required", "Give --required or --rules-figure, not both.")

    def edit(db: Any, c: CredentialInfo) -> CredentialInfo:
        cycle = c.current
        if cycle.closed_on is not None:
            raise _bad("cycle", f"{c.label} has no open cycle.")
        required = cycle.required if args.required is None else _ceus(args.required)
        required = None if args.rules_figure else required
        quota = cycle.quota if args.quota is None else _ceus(args.quota)
        return update_cycle(db, cycle.id, args.start or cycle.start, args.end or cycle.end,
                            required, quota, today)  # fmt: skip

    info = _with_credential(args, edit)
    emit(_payload(info), args.json, f"Changed {_line(info)}")
    return 0


def run_cycle_close(args: argparse.Namespace) -> int:
    from datetime import datetime

    from studyplanner.services.credentials import close_cycle, list_credentials

    if not args.yes:
        raise _bad("yes", f"Closing {args.label.upper()}'s cycle keeps it read-only and opens the "
                   "next one (for every credential sharing it); add --yes to confirm. A backup "
                   "is taken first.")  # fmt: skip
    today = today_of(args)

    def close(db: Any, c: CredentialInfo) -> tuple[Any, CredentialInfo]:
        backup = close_cycle(db, c.id, today, datetime.now())
        return backup, find_credential(list_credentials(db), c.label)

    backup, info = _with_credential(args, close)
    emit({**_payload(info), "backup": str(backup)}, args.json,
         f"Closed the cycle; {_line(info)} Your data from before is in {backup}.")  # fmt: skip
    return 0


CREDENTIAL_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "add": run_credential_add,
    "list": run_credential_list,
    "edit": run_credential_edit,
    "remove": run_credential_remove,
}
CYCLE_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "edit": run_cycle_edit,
    "close": run_cycle_close,
}
