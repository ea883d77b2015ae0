"""The headless command line over services/ (no Qt is imported here).

Every command validates its input before anything is written: a bad argument prints one line
naming the problem and exits with status 2. A data-file problem exits with the store's own status.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from pathlib import Path

from studyplanner.cli.arguments import LIST_OPTIONS, UsageError, parse_args
from studyplanner.cli.output import error_line
from studyplanner.core.validation import InvalidInput

EXIT_BAD_INPUT = 2


def main(argv: Sequence[str] | None = None) -> int:
    import gc

    # A command is one short burst that makes (and imports) far more objects than it frees:
    # the collector's default pace ran about 300 collections, 90 ms, in `plan create` of
    # 2,000 modules. A young generation of 100,000 objects keeps a collection near one per
    # command while still bounding what cyclic garbage can pile up in a long import.
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, *thresholds[1:])
    try:
        return _main(argv)
    finally:
        gc.set_threshold(*thresholds)


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        _check_text(args_list)
        args = parse_args(args_list)
        for name, value in vars(args).items():
            if isinstance(value, list) and name not in LIST_OPTIONS:
                raise UsageError(f"argument --{name.replace('_', '-')}: expected one value")
        with _NothingLeftOnFailure(args):
            return _run(args)
    except UsageError as exc:
        _error(f"error: {exc}")
        return EXIT_BAD_INPUT
    except InvalidInput as exc:
        _error(f"error: {_one_line(exc)}")
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `... --json | head -c1`: the reader left; the work is done
        _quiet_closed_stdout()
        return 0
    except OSError as exc:  # a path the system refuses (too long, a folder, no permission...)
        where = f"{exc.filename}: " if exc.filename else ""
        _error(f"error: {where}{exc.strerror or exc}")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


def _quiet_closed_stdout() -> None:
    """Output goes only to stdout, after the command's work is done (committed). When whoever
    reads it has gone (`| head`), that work still stands: the status is 0, and stdout is
    pointed at the null device so that Python's own flush at exit does not complain."""
    import os

    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):  # not a real file (a test's buffer)
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, fd)
    finally:
        os.close(null)


def _error(text: str) -> None:
    with contextlib.suppress(BrokenPipeError):  # nobody reads stderr: the status still tells
        error_line(text)


class _NothingLeftOnFailure:
    """A command that fails must not leave a new, empty data folder or database behind."""

    def __init__(self, args: argparse.Namespace) -> None:
        from studyplanner.services.data_folder import database_path, resolve_data_dir

        try:
            self.folder: Path | None = resolve_data_dir(args.data_dir)
        except OSError:
            self.folder = None
        self.folder_existed = self.folder is not None and self.folder.exists()
        self.created: list[Path] = []  # folders a failed command may leave: innermost first
        if self.folder is not None:
            probe = self.folder
            while not probe.exists() and probe != probe.parent:
                self.created.append(probe)
                probe = probe.parent
        self.path = database_path(self.folder) if self.folder is not None else None
        self.existed = self.path is not None and self.path.exists()

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        if kind is None or self.existed or self.path is None or self.folder is None:
            return
        if not isinstance(exc, (InvalidInput, UsageError)):
            return
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        for folder in self.created:
            with contextlib.suppress(OSError):
                folder.rmdir()


def _check_text(args: Sequence[str]) -> None:
    """Bytes that are not text in the terminal's encoding (Python keeps them as lone surrogates)
    can never be stored: refuse them up front, naming the argument."""
    for arg in args:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            shown = arg.encode("utf-8", "backslashreplace").decode("ascii", "replace")
            raise UsageError(
                f"argument {shown!r} is not valid text; check the terminal's character encoding"
            ) from None


def _one_line(exc: InvalidInput) -> str:
    from studyplanner.services.output_files import DestinationExists

    text = " ".join(exc.sentences())
    if isinstance(exc, DestinationExists):
        text += " Give --force to replace it."
    return text


def _run(args: argparse.Namespace) -> int:
    from studyplanner.cli import (
        busy_commands,
        ceu_commands,
        commands,
        credential_commands,
        data_commands,
        progress_commands,
        readiness_commands,
        remind_commands,
        roadmap_commands,
    )
    from studyplanner.services.errors import StoreProblem

    handlers = {
        "remind": remind_commands.run_remind,
        "export": data_commands.run_export,
        "import": data_commands.run_import,
        "backup": data_commands.run_backup,
        "backups": data_commands.run_backups,
        "restore": data_commands.run_restore,
        "check": data_commands.run_check,
        "tracks": commands.run_tracks,
        "log": progress_commands.run_log,
        "done": progress_commands.run_done,
        "undone": progress_commands.run_undone,
        "progress": progress_commands.run_progress,
        "roadmap": roadmap_commands.run_roadmap,
        "readiness": readiness_commands.run_readiness,
    }
    plan_handlers = {
        "create": commands.run_plan_create,
        "show": commands.run_plan_show,
        "replan": progress_commands.run_replan,
        "busy": busy_commands.run_busy,
    }
    nested = {
        "credential": ("credential_command", credential_commands.CREDENTIAL_HANDLERS),
        "cycle": ("cycle_command", credential_commands.CYCLE_HANDLERS),
        "ceu": ("ceu_command", ceu_commands.CEU_HANDLERS),
    }
    try:
        if args.command == "plan":
            return plan_handlers[args.plan_command](args)
        if args.command in nested:
            dest, table = nested[args.command]
            return table[getattr(args, dest)](args)
        return handlers[args.command](args)
    except StoreProblem as exc:
        _error(exc.user_message)
        return int(getattr(exc, "exit_code", 3))


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
