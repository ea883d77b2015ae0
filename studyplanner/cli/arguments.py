"""The command line's grammar: every command and its options (the form of each value is in
cli/values.py).

A value in the wrong form raises argparse.ArgumentTypeError (argparse names the argument); any
other misuse (an unknown option, a single-value option given twice) raises UsageError. Both end
as one line and exit status 2, before anything runs.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any, NoReturn

from studyplanner.cli.busy_commands import add_busy_parser
from studyplanner.cli.values import (
    parse_blackout,
    parse_data_dir,
    parse_date,
    parse_hours,
    parse_id,
    parse_int,
    parse_minutes,
    parse_score,
    parse_units,
)

DEFAULT_MINUTES = {"mon": 90, "tue": 90, "wed": 90, "thu": 90, "fri": 90, "sat": 240, "sun": 0}
"""Without --minutes: weekday evenings and a Saturday that holds a 4-hour exam in one sitting."""


class UsageError(Exception):
    """A bad argument: shown as one line, exit status 2."""


GIVEN = "_given_options"
"""The namespace attribute where `_Once` notes the options given (removed after parsing)."""


class _Once(argparse.Action):
    """A single-value option: given twice is refused, not silently the last one."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        given: set[str] = vars(namespace).setdefault(GIVEN, set())
        if option_string is not None and self.dest in given:
            raise UsageError(f"{max(self.option_strings, key=len)} given twice; give it once")
        given.add(self.dest)
        setattr(namespace, self.dest, values)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.register("action", None, _Once)  # every plain option (and option group)
        self.register("action", "store", _Once)

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    args = build_parser().parse_args(argv)
    vars(args).pop(GIVEN, None)
    return args


FORCE_HELP = "replace the file if it exists (only ever a regular file)"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="studyplanner", description="Study Planner (command line)")
    parser.add_argument(
        "--data-dir", type=parse_data_dir, metavar="DIR", help="use this data folder"
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    tracks = sub.add_parser("tracks", help="list the built-in tracks")
    tracks.add_argument("--json", action="store_true")

    road = sub.add_parser(
        "roadmap", help="what each credential would cost you: study, exam and CEUs"
    )
    road.add_argument("credential", nargs="?", metavar="CODE", help="only this credential (CCS)")
    road.add_argument("--json", action="store_true")
    road.add_argument("--today", type=parse_date, metavar="DATE", help=argparse.SUPPRESS)

    plan = sub.add_parser("plan", help="create or show the active plan")
    plan_sub = plan.add_subparsers(dest="plan_command", required=True, parser_class=_Parser)
    create = plan_sub.add_parser("create", help="create the active plan from a built-in track")
    create.add_argument("--track", required=True, metavar="ID")
    create.add_argument("--start", required=True, type=parse_date, metavar="DATE")
    goal = create.add_mutually_exclusive_group(required=True)
    goal.add_argument("--target", type=parse_date, metavar="DATE")
    goal.add_argument("--hours-per-week", type=parse_hours, metavar="H")
    create.add_argument("--minutes", type=parse_minutes, metavar="mon=90,tue=60,...")
    create.add_argument(
        "--blackout", type=parse_blackout, action="append", default=[], metavar="DATE..DATE"
    )
    create.add_argument(
        "--allow-long-sittings",
        action="store_true",
        help="an exam sat in one go may take a day with less study time than the exam",
    )
    create.add_argument("--today", type=parse_date, metavar="DATE", help=argparse.SUPPRESS)
    create.add_argument("--json", action="store_true")
    show = plan_sub.add_parser("show", help="show the active plan")
    show.add_argument("--today", type=parse_date, metavar="DATE", help=argparse.SUPPRESS)
    show.add_argument("--json", action="store_true")
    replan = plan_sub.add_parser("replan", help="re-plan from today, keeping finished work")
    replan.add_argument("--today", type=parse_date, metavar="DATE")
    how = replan.add_mutually_exclusive_group()
    how.add_argument("--hours-per-week", type=parse_hours, metavar="H")
    how.add_argument("--target", type=parse_date, metavar="DATE")
    replan.add_argument(
        "--allow-long-sittings",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="whether an exam sat in one go may take a day with less study time than the exam "
        "(unchanged if not given)",
    )
    replan.add_argument("--json", action="store_true")
    add_busy_parser(plan_sub, _Parser, parse_date)

    log = sub.add_parser("log", help="log a study session")
    log.add_argument("--module", required=True, type=parse_id, metavar="ID")
    log.add_argument("--date", required=True, type=parse_date, metavar="DATE")
    log.add_argument("--minutes", required=True, type=parse_int, metavar="M")
    log.add_argument("--note", default="", metavar="TEXT")
    log.add_argument("--today", type=parse_date, metavar="DATE", help=argparse.SUPPRESS)
    log.add_argument("--json", action="store_true")

    done = sub.add_parser("done", help="mark a module complete")
    done.add_argument("module", type=parse_id, metavar="ID")
    done.add_argument("--date", required=True, type=parse_date, metavar="DATE")
    done.add_argument("--score", type=parse_score, metavar="PERCENT")
    done.add_argument("--today", type=parse_date, metavar="DATE", help=argparse.SUPPRESS)
    done.add_argument("--json", action="store_true")
    from studyplanner.cli.readiness_commands import add_parsers

    add_parsers(sub, done)

    undone = sub.add_parser("undone", help="reopen a module marked complete by mistake")
    undone.add_argument("module", type=parse_id, metavar="ID")
    undone.add_argument("--json", action="store_true")

    prog = sub.add_parser("progress", help="progress against the accepted plan")
    prog.add_argument("--today", type=parse_date, metavar="DATE")
    prog.add_argument("--json", action="store_true")
    _add_ceu_parsers(sub)
    _add_reminder_and_data_parsers(sub)
    return parser


def _add_reminder_and_data_parsers(sub: Any) -> None:
    """`remind`, `export`, `import`, `backup`, `backups`, `restore`, `check`."""
    remind = sub.add_parser("remind", help="list due reminders; dismiss, snooze, notify")
    remind.add_argument("--today", type=parse_date, metavar="DATE")
    remind.add_argument("--json", action="store_true")
    remind.add_argument(
        "--notify", action="store_true", help="send due reminders as desktop notifications"
    )
    remind.add_argument("--agent", action="store_true", help=argparse.SUPPRESS)
    remind.add_argument("--agent-check", action="store_true", help=argparse.SUPPRESS)
    actions = remind.add_subparsers(dest="remind_command", parser_class=_Parser)
    dismiss = actions.add_parser("dismiss", help="hide a reminder for good")
    dismiss.add_argument("key")
    dismiss.add_argument("--json", action="store_true")
    snooze = actions.add_parser("snooze", help="hide a reminder until a date")
    snooze.add_argument("key")
    snooze.add_argument("--until", required=True, type=parse_date, metavar="DATE")
    snooze.add_argument("--today", type=parse_date, metavar="DATE", help=argparse.SUPPRESS)
    snooze.add_argument("--json", action="store_true")

    export = sub.add_parser(
        "export", help="export everything (FILE) or the calendar (ics FILE)",
        description="`export FILE` writes everything (data and certificates) as one archive; "
        "`export ics FILE` writes study blocks, exams and deadlines as an iCalendar file.",
    )  # fmt: skip
    export.add_argument("what", metavar="FILE | ics")
    export.add_argument("file", nargs="?", metavar="FILE")
    export.add_argument("--from", dest="from_date", type=parse_date, metavar="DATE")
    export.add_argument("--to", dest="to_date", type=parse_date, metavar="DATE")
    export.add_argument("--today", type=parse_date, metavar="DATE", help=argparse.SUPPRESS)
    export.add_argument("--force", action="store_true", help=FORCE_HELP)
    export.add_argument("--json", action="store_true")
    imp = sub.add_parser("import", help="import an archive (merged into your data by default)")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--replace", action="store_true", help="replace your data (backed up first)")
    imp.add_argument("--json", action="store_true")

    backup = sub.add_parser("backup", help="back up the database now")
    backup.add_argument("--json", action="store_true")
    backups = sub.add_parser("backups", help="list backups with what they hold")
    backups.add_argument("--json", action="store_true")
    restore = sub.add_parser("restore", help="restore a backup (your data is backed up first)")
    restore.add_argument("backup", metavar="BACKUP", help="a file, or a name from `backups`")
    restore.add_argument("--json", action="store_true")
    check = sub.add_parser("check", help="integrity and schema report (exit 0 only if all is well)")
    check.add_argument("--json", action="store_true")


def _add_ceu_parsers(sub: Any) -> None:
    """`credential add|list|edit|remove`, `cycle edit|close` and `ceu add|status|report|export`
    (units are checked by the
    command, with the service's own rules, before anything is opened)."""
    cred = sub.add_parser("credential", help="credentials you hold and their CEU cycles")
    cred_sub = cred.add_subparsers(dest="credential_command", required=True, parser_class=_Parser)
    add = cred_sub.add_parser("add", help="record an earned credential and open its cycle")
    add.add_argument("code", metavar="CODE", help="CPC, CPMA, CCS, ... or SPECIALTY")
    add.add_argument("--earned", required=True, type=parse_date, metavar="DATE")
    add.add_argument("--cycle-start", type=parse_date, metavar="DATE")
    add.add_argument("--cycle-end", type=parse_date, metavar="DATE")
    add.add_argument("--renewal", type=parse_date, metavar="DATE", help="membership renewal")
    add.add_argument(
        "--required", type=parse_units, metavar="UNITS", help="your own CEU figure for this cycle"
    )
    add.add_argument("--name", metavar="LABEL", help="the name of a SPECIALTY credential (CEMC)")
    add.add_argument("--today", type=parse_date, metavar="DATE", help=argparse.SUPPRESS)
    add.add_argument("--json", action="store_true")
    lst = cred_sub.add_parser("list", help="list your credentials")
    lst.add_argument("--json", action="store_true")
    edit = cred_sub.add_parser("edit", help="correct a credential's name, dates or note")
    edit.add_argument("label", metavar="LABEL", help="the credential (CPC, CEMC...)")
    edit.add_argument("--name", metavar="LABEL", help="a new name (a specialty credential's)")
    edit.add_argument("--earned", type=parse_date, metavar="DATE")
    edit.add_argument("--renewal", type=parse_date, metavar="DATE", help="membership renewal")
    edit.add_argument("--note", metavar="TEXT")
    edit.add_argument("--today", type=parse_date, metavar="DATE", help=argparse.SUPPRESS)
    edit.add_argument("--json", action="store_true")
    remove = cred_sub.add_parser("remove", help="remove a credential and its cycles")
    remove.add_argument("label", metavar="LABEL")
    remove.add_argument("--yes", action="store_true", help="confirm (a backup is taken first)")
    remove.add_argument("--json", action="store_true")

    cycle = sub.add_parser("cycle", help="a credential's open CEU cycle")
    cycle_sub = cycle.add_subparsers(dest="cycle_command", required=True, parser_class=_Parser)
    cedit = cycle_sub.add_parser("edit", help="correct the open cycle's dates or your figures")
    cedit.add_argument("label", metavar="LABEL")
    cedit.add_argument("--start", type=parse_date, metavar="DATE")
    cedit.add_argument("--end", type=parse_date, metavar="DATE")
    cedit.add_argument("--required", type=parse_units, metavar="UNITS",
                       help="your own CEU figure for this cycle")  # fmt: skip
    cedit.add_argument("--rules-figure", action="store_true",
                       help="forget your own figure: use the rules'")  # fmt: skip
    cedit.add_argument("--quota", type=parse_units, metavar="UNITS")
    cedit.add_argument("--today", type=parse_date, metavar="DATE", help=argparse.SUPPRESS)
    cedit.add_argument("--json", action="store_true")
    close = cycle_sub.add_parser("close", help="close the open cycle and open the next one")
    close.add_argument("label", metavar="LABEL")
    close.add_argument("--yes", action="store_true", help="confirm (a backup is taken first)")
    close.add_argument("--today", type=parse_date, metavar="DATE", help=argparse.SUPPRESS)
    close.add_argument("--json", action="store_true")

    ceu = sub.add_parser("ceu", help="CEU activities, status, audit packet and export")
    ceu_sub = ceu.add_subparsers(dest="ceu_command", required=True, parser_class=_Parser)
    act = ceu_sub.add_parser("add", help="log a CEU activity and apply it to credentials")
    act.add_argument("--date", required=True, type=parse_date, metavar="DATE")
    act.add_argument("--units", required=True, type=parse_units, metavar="U")
    act.add_argument("--title", required=True, metavar="TEXT")
    act.add_argument("--provider", default="", metavar="TEXT")
    act.add_argument("--index", default="", metavar="TEXT", help="the provider's index number")
    act.add_argument("--category", default="coding", metavar="ID", help="default: coding")
    act.add_argument("--ahima-sourced", action="store_true")
    act.add_argument(
        "--credential", action="append", default=[], metavar="LABEL[=UNITS]",
        help="apply to this credential (all units, or UNITS of them); repeat to split",
    )  # fmt: skip
    act.add_argument("--certificate", metavar="FILE", help="a PDF or image; a copy is kept")
    act.add_argument("--note", default="", metavar="TEXT")
    act.add_argument("--today", type=parse_date, metavar="DATE", help=argparse.SUPPRESS)
    act.add_argument("--json", action="store_true")
    status = ceu_sub.add_parser("status", help="CEUs earned and still needed per credential")
    status.add_argument("--today", type=parse_date, metavar="DATE")
    status.add_argument("--json", action="store_true")
    report = ceu_sub.add_parser("report", help="write the audit packet (PDF, certificates ZIP)")
    report.add_argument("code", metavar="CODE", help="the credential (its label: CPC, CEMC...)")
    report.add_argument("--out", required=True, metavar="FILE.pdf")
    report.add_argument("--today", type=parse_date, metavar="DATE")
    report.add_argument("--force", action="store_true", help=FORCE_HELP)
    report.add_argument("--json", action="store_true")
    export = ceu_sub.add_parser("export", help="export every CEU activity")
    export.add_argument("--csv", required=True, metavar="FILE")
    export.add_argument(
        "--no-bom", action="store_true", help="no byte-order mark (Excel needs it for UTF-8)"
    )
    export.add_argument("--force", action="store_true", help=FORCE_HELP)
    export.add_argument("--json", action="store_true")


LIST_OPTIONS = frozenset({"blackout", "credential", "files", "missed", "names"})
"""Options that legitimately hold a list (append); any other list is argparse's '--opt=--'."""
