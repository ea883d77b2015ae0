"""Start-up as a short list of steps.

1. Parse the arguments; a subcommand goes to the command line (which never imports Qt).
2. Resolve the data folder and take the single-instance lock, before anything touches the
   database: a second launch only raises the first window.
3. Open, check, back up and migrate the database (before PySide6 is imported: it is faster).
4. Build the main window with the user's data; on first run, start the plan assistant.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

GUI_OPTIONS_WITH_VALUE = {"--data-dir", "--today"}


def _wants_cli(argv: Sequence[str]) -> bool:
    """True when the arguments name a subcommand (`studyplanner tracks ...`)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in GUI_OPTIONS_WITH_VALUE:
            skip = True
            continue
        if not arg.startswith("-"):
            return True
    return False


def _parse_gui_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="studyplanner",
        description="Study Planner: without a command, opens the app.",
        epilog="Commands (no window): tracks, plan, log, done, undone, progress, credential, "
        "ceu, remind, export, import, backup, backups, restore, check. "
        "See `studyplanner COMMAND --help`.",
    )
    parser.add_argument("--data-dir", metavar="DIR", help="use this data folder")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="start, paint the main window with the user's data, and exit 0",
    )
    parser.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install",
        action="store_true",
        help="standalone app: add it to your desktop's menu and `studyplanner` to ~/.local/bin",
    )
    desktop.add_argument(
        "--uninstall",
        action="store_true",
        help="remove what --install added (your data stays where it is)",
    )
    args, _qt_args = parser.parse_known_args(argv)
    return args


def _print_version() -> int:
    from studyplanner import version

    print(f"Study Planner {version()}")
    return 0


def _desktop_integration(install: bool) -> int:
    """`--install` / `--uninstall`: the standalone app's entry in the user's menu (Linux)."""
    from studyplanner.services import desktop_install

    places = desktop_install.DesktopPlaces.for_user()
    if not install:
        removed = desktop_install.uninstall(places)
        for path in removed:
            print(f"removed {path}")
        print("Study Planner is no longer in your menu; your data was not touched."
              if removed else "Nothing to remove.")  # fmt: skip
        return 0
    if not getattr(sys, "frozen", False) or not sys.platform.startswith("linux"):
        print("studyplanner: --install is for the standalone app on Linux (the unpacked "
              "archive); from a checkout, start the app with `python3 dev.py app`.",
              file=sys.stderr)  # fmt: skip
        return 2
    report = desktop_install.install(Path(sys.executable), places)
    for path in report.written:
        print(f"added {path}")
    for note in report.notes:
        print(note)
    print("Study Planner is in your applications menu. Keep this folder where it is: "
          "the menu entry starts the app from it.")  # fmt: skip
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if _wants_cli(args_list):
        from studyplanner.cli import main as cli_main

        return cli_main(args_list)
    import gc

    # Start-up makes objects that live until exit (modules, classes, the window): collecting
    # them is wasted work (252 collections, 120-140 ms at heavy data). The collector comes back,
    # with those objects frozen out of its reach, after the first paint
    # (_freeze_start_up_objects), or when this returns without a window.
    gc.disable()
    try:
        return _gui_main(args_list)
    finally:
        gc.enable()


def _gui_main(args_list: list[str]) -> int:
    args = _parse_gui_args(args_list)
    if args.version:
        return _print_version()
    if args.install or args.uninstall:
        return _desktop_integration(args.install)

    from studyplanner.services.data_folder import EmptyDataDir, resolve_data_dir
    from studyplanner.services.errors import StoreProblem
    from studyplanner.services.instance_lock import take_instance_lock

    try:
        data_dir = resolve_data_dir(args.data_dir)
    except EmptyDataDir as exc:  # `--data-dir "$DIR"` with $DIR unset: never the real folder
        print(f"studyplanner: error: argument --data-dir: {exc}", file=sys.stderr)
        return 2
    try:
        lock = take_instance_lock(data_dir)
    except StoreProblem as exc:
        if args.smoke_test:
            print(f"studyplanner: {exc.user_message}", file=sys.stderr)
            return int(exc.exit_code)
        return _show_start_error(exc.user_message, int(exc.exit_code))
    if lock is None:
        return _already_running(data_dir, args, args_list)
    with lock:
        return _open_and_run(data_dir, args, args_list)


def _open_and_run(data_dir: Path, args: argparse.Namespace, args_list: list[str]) -> int:
    """With the lock held: open (recovering a damaged file if the user wants), then the GUI."""
    from studyplanner.services.check_ahead import check_ahead

    # The file's quick_check (about 50 ms at 18 MB) runs on its own thread while SQLAlchemy
    # is imported next: SQLite lets go of the GIL while it reads.
    ahead = check_ahead(data_dir)
    kept = _kept_figures(data_dir, ahead, args, args_list)
    if kept is not None:
        return _run_gui_from_kept(kept, data_dir, ahead, args, args_list)
    from studyplanner.services.database import open_database
    from studyplanner.services.errors import StoreProblem

    notice = ""
    try:
        db = open_database(data_dir, ahead=ahead)
    except StoreProblem as exc:
        if args.smoke_test:
            print(f"studyplanner: {exc.user_message}", file=sys.stderr)
            return int(exc.exit_code)
        retry, notice = _recover(exc, data_dir, args_list)
        if not retry:
            return int(exc.exit_code)
        try:
            db = open_database(data_dir)
        except StoreProblem as again:
            return _show_start_error(again.user_message, int(again.exit_code))
    from studyplanner.services.leftovers import clean_up

    with contextlib.suppress(StoreProblem):  # a problem with the file shows when it is read
        clean_up(db)  # what an interrupted action left behind
    return _run_gui(db, data_dir, args, args_list, notice)


def _kept_figures(data_dir: Path, ahead: Any, args: argparse.Namespace, argv: Sequence[str]) -> Any:
    """The Dashboard's figures kept from the last run, when the file is still as it was when they
    were read (its change token) for this day, by this code (services/first_paint.py); else
    None. Without figures kept for the day, nothing waits for the file's check and Qt is not
    started here: the usual start imports SQLAlchemy first, which measured about 65 ms faster
    than starting Qt first."""
    from studyplanner.services import first_paint

    today = _clock(args.today)()
    if not first_paint.kept_for(data_dir, today):
        return None
    state = ahead.peek()  # a problem found is raised where the file is opened
    if state is None:
        return None
    found = first_paint.kept(data_dir, state.token, state.revision, today)
    if found is not None:
        _application(argv)
    return found


def _run_gui_from_kept(
    kept: Any, data_dir: Path, ahead: Any, args: argparse.Namespace, argv: list[str]
) -> int:
    """The window painted from the kept figures, and the database opened right after that
    paint (SQLAlchemy is imported then): the first use of `DeferredDatabase` opens it."""
    from studyplanner.services.first_paint import DeferredDatabase

    def open_now() -> Any:
        from studyplanner.services.database import open_database
        from studyplanner.services.errors import StoreProblem
        from studyplanner.services.leftovers import clean_up

        db = open_database(data_dir, ahead=ahead)
        with contextlib.suppress(StoreProblem):  # a problem with the file shows when it is read
            clean_up(db)  # what an interrupted action left behind
        return db

    state = ahead.peek()
    token = state.token if state is not None else None
    return _run_gui(DeferredDatabase(data_dir, open_now), data_dir, args, argv, kept=kept,
                    kept_token=token)  # fmt: skip


def _already_running(data_dir: Path, args: argparse.Namespace, argv: Sequence[str]) -> int:
    """Another window holds the data folder: bring it to the front, touching nothing."""
    if args.smoke_test:
        print(f"studyplanner: Study Planner is already running with {data_dir}.",
              file=sys.stderr)  # fmt: skip
        return 7
    _app = _application(argv)
    if _raise_first_instance(data_dir):
        return 0
    from PySide6.QtWidgets import QMessageBox

    from studyplanner.ui.shared.formatting import tr

    message = tr("Study Planner is already running with the data folder {folder}.")
    QMessageBox.information(None, "Study Planner", message.format(folder=data_dir))
    return 7


def _application(argv: Sequence[str]) -> Any:
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *argv])
    app.setApplicationName("Study Planner")
    app.setOrganizationName("StudyPlanner")
    app.setApplicationDisplayName("Study Planner")
    from studyplanner import APP_ID, version

    app.setApplicationVersion(version())
    app.setDesktopFileName(APP_ID)  # the window's icon and name in the desktop's task bar
    from studyplanner.ui.shared.wheel_guard import install_wheel_guard

    install_wheel_guard(app)
    from studyplanner.ui.shared.theme import apply_saved_theme

    apply_saved_theme(app)  # Light or Dark as chosen in Settings (System: untouched)
    if existing is None:  # a first start: the language of the Language preference
        from studyplanner.ui.window.language import install_chosen_language

        install_chosen_language()
    return app


def _recover(error: Any, data_dir: Path, argv: Sequence[str]) -> tuple[bool, str]:
    """The damaged-file window: restore the newest good backup, start fresh, or quit."""
    from studyplanner.ui.window.start_problem_dialog import recover_at_start

    _app = _application(argv)
    return recover_at_start(error, data_dir)


def _instance_name(data_dir: Path) -> str:
    import hashlib

    return "studyplanner-" + hashlib.sha256(str(data_dir).encode()).hexdigest()[:16]


def _raise_first_instance(data_dir: Path) -> bool:
    """Ask the running instance to come to the front; True if it answered."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(_instance_name(data_dir))
    if not socket.waitForConnected(1000):
        return False
    socket.write(b"raise\n")
    socket.waitForBytesWritten(1000)
    socket.disconnectFromServer()
    return True


def bring_to_front(window: Any) -> None:
    """Show the window (it may be hidden in the tray or minimised) and raise it."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def _listen_for_second_instances(data_dir: Path, window: Any) -> Any:
    """A local server: a second start brings this window to the front instead."""
    from PySide6.QtNetwork import QLocalServer

    server = QLocalServer(window)
    name = _instance_name(data_dir)
    QLocalServer.removeServer(name)  # a stale name left by a crash (we hold the lock)
    server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)

    def answer() -> None:
        while server.hasPendingConnections():
            connection = server.nextPendingConnection()
            connection.disconnected.connect(connection.deleteLater)
        bring_to_front(window)

    server.newConnection.connect(answer)
    server.listen(name)
    return server


def _clock(fixed: date | None) -> Any:
    if fixed is not None:
        return lambda: fixed
    return date.today


def _now(fixed: date | None) -> Any:
    """The time of day on the day the app was told it is (`--today`), so a timer or a backup
    taken then belongs to that day too."""
    if fixed is not None:
        return lambda: datetime.combine(fixed, datetime.now().time())
    return datetime.now


def _run_gui(
    db: Any,
    data_dir: Path,
    args: argparse.Namespace,
    argv: list[str],
    notice: str = "",
    *,
    kept: Any = None,
    kept_token: bytes | None = None,
) -> int:
    """The window on `db`; with `kept` figures, `db` is a DeferredDatabase opened just after
    the first paint."""
    from PySide6.QtWidgets import QMessageBox

    from studyplanner.services.errors import StoreProblem
    from studyplanner.ui.window.main_window import MainWindow

    app = _application(argv)
    from studyplanner.ui.window.start_up import SmokeFailures, call_after_first_paint, open_deferred

    failures = SmokeFailures() if args.smoke_test else None
    ran_well = False
    try:
        if failures is not None:
            failures.install()
        figures = kept.figures if kept is not None else None
        window = MainWindow(db, _clock(args.today), now=_now(args.today), kept_figures=figures)
        if failures is not None:
            status = _smoke_test(app, window, failures)
            if kept is not None and status == 0:  # the whole start: the database opens too
                try:
                    open_deferred(db, window, kept_token, kept.offer_pending)
                except StoreProblem as exc:
                    print(f"studyplanner: {exc.user_message}", file=sys.stderr)
                    return int(exc.exit_code)
            ran_well = status == 0
            return status
        from studyplanner.ui.window.error_handler import install_error_handler

        install_error_handler(data_dir, on_damaged=window.recover_from_damage)
        _server = _listen_for_second_instances(data_dir, window)
        window.restore_window_state()
        failed: list[StoreProblem] = []
        backups: list[Any] = []  # held while the app runs

        def after_first_paint() -> None:
            if kept is not None:
                try:
                    open_deferred(db, window, kept_token, kept.offer_pending)
                except StoreProblem as exc:  # the file changed between its check and now
                    failed.append(exc)
                    window.hide()
                    app.exit(int(exc.exit_code))
                    return
            backups.append(_backup_timer(db, window))
            window.start_tray()  # reminders, tray icon
            _freeze_start_up_objects()
            if kept is None:
                window.start_assistant_if_no_plan()

        call_after_first_paint(window, after_first_paint)
        window.show()
        if notice:
            QMessageBox.information(window, "Study Planner", notice)
        status = int(app.exec())
        if failed:
            return _show_start_error(failed[0].user_message, int(failed[0].exit_code))
        ran_well = True
        return status
    finally:
        if failures is not None:
            failures.uninstall()
        from studyplanner.ui.shared.background_job import worker

        worker().waitForDone()  # a backup or restore on the worker ends before the file closes
        if ran_well and getattr(db, "is_open", True):
            from studyplanner.services.first_paint import keep_for_next_start

            keep_for_next_start(db, _clock(args.today)())  # today's and tomorrow's figures
        db.close()


def _backup_timer(db: Any, window: Any) -> Any:
    """At start-up and every half hour while the app runs: a backup when something changed since
    the newest one, taken on the one worker (ui/window/auto_backup.py)."""
    from studyplanner.ui.window.auto_backup import AutoBackup

    return AutoBackup(db, window)


def _freeze_start_up_objects() -> None:
    """Move what start-up made (modules, classes, the window's widgets: alive until exit) out of
    the garbage collector's reach. A full collection walks every tracked object and stops every
    thread meanwhile; with start-up's objects in it, one pause held the window for about 360 ms
    during a calendar export on the worker (56 ms after this; benchmarks/bench_worker.py)."""
    import gc

    gc.collect()
    gc.freeze()
    gc.enable()


def _smoke_test(app: Any, window: Any, failures: Any = None) -> int:
    """The smoke test's check of the painted window (ui/window/start_up.py); a name of its own
    here, which benchmarks/bench_startup.py wraps to stamp the first paint."""
    from studyplanner.ui.window.start_up import smoke_test

    return smoke_test(app, window, failures)


def _show_start_error(message: str, code: int) -> int:
    from PySide6.QtWidgets import QMessageBox

    from studyplanner.ui.shared.formatting import tr

    _app = _application([])  # in the user's language
    QMessageBox.critical(None, tr("Study Planner cannot open your data"), message)
    return code
