"""Screenshots of every screen of the real main window, with a realistic learner's data.

    python docs/make_screenshots.py OUT_DIR [--size 1366x768] [--dark | --light] [--screens NAMES]
                                    [--language es]

Builds a data folder in a temporary place (a CPC program three months in, sessions, a practice
exam, CPC + CPMA with CEUs where CPMA's auditing quota is still unmet, a CCS held since 2021),
opens the main window at the given size with the clock set to the learner's day, and saves one
PNG per screen (dashboard, plan, modules, study-log, credentials, settings) into OUT_DIR;
--dark and --light use the app's Dark and Light appearance (the platform's look otherwise);
`--language es` shows it in Spanish, with Spanish dates (the files are named `*-es.png`). Run it
under a virtual X screen for the real platform (`xvfb-run -a -s "-screen 0 1920x1080x24"
.venv/bin/python docs/make_screenshots.py ...`), or with QT_QPA_PLATFORM=offscreen.

`--screens plan-degree` shows the Plan screen of another learner: the associate degree started
in late August (its term bands, today and the target at the end of the last term).

Two more shots show the plan assistant over the whole screen (run them under xvfb-run at the
screen size): `--screens degree-summary` (the associate degree with every default: it fits) and
`--screens verdict-fixes` (the degree at the part-time week: the verdict with its figures and the
buttons that make it fit).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QApplication

    from studyplanner.services.database import Database

SCREENS = ("dashboard", "plan", "modules", "study-log", "credentials", "settings")
ASSISTANT_SHOTS = ("degree-summary", "verdict-fixes")
OTHER_LEARNERS = ("plan-degree",)
TODAY = date(2026, 12, 2)


def learner(data_dir: Path) -> None:
    """A CPC learner three months into the program, who also holds credentials."""
    from studyplanner.core.model import Availability, Blackout
    from studyplanner.services import ceu_activities as acts
    from studyplanner.services import credentials as creds
    from studyplanner.services.database import open_database
    from studyplanner.services.plans import create_plan
    from studyplanner.services.progress import log_session, mark_done, module_statuses
    from studyplanner.services.snapshots import NewPlan, PlanSettings

    start = date(2026, 9, 7)
    db = open_database(data_dir)
    try:
        settings = PlanSettings(
            start=start, availability=Availability((90, 90, 90, 90, 0, 240, 0)),
            weekly_minutes=600,
            blackouts=(Blackout(date(2026, 12, 21), date(2027, 1, 3), "Holidays"),),
        )  # fmt: skip
        create_plan(db, NewPlan(settings, template_id="cpc-certificate-program"), start)
        modules = module_statuses(db, start)
        day, index = start, 0
        while day < TODAY - timedelta(days=2):
            if day.weekday() in (0, 1, 2, 5):
                log_session(db, modules[index].id, day, 75 if day.weekday() < 5 else 180,
                            "reading and exercises", TODAY)  # fmt: skip
            if day.weekday() == 6 and index < 3:
                mark_done(db, modules[index].id, day, None, TODAY)
                index += 1
            day += timedelta(days=1)
        cpc = creds.add_credential(db, "CPC", date(2019, 3, 10), TODAY,
                                   renewal_on=date(2027, 6, 30))  # fmt: skip
        cpma = creds.add_credential(db, "CPMA", date(2023, 5, 2), TODAY)
        ccs = creds.add_credential(db, "CCS", date(2021, 5, 3), TODAY)
        for done_on, title, units, category, applied in [
            (date(2026, 7, 20), "Local chapter meeting", "2", "coding", [cpc]),
            (date(2026, 8, 14), "E/M auditing webinar", "6", "auditing", [cpc, cpma]),
            (date(2026, 9, 30), "ICD-10-CM 2027 updates", "4", "coding", [cpc, ccs]),
            (date(2026, 10, 22), "Coding Clinic review", "3", "coding", [ccs]),
            (date(2026, 11, 6), "AAPC regional conference", "30", "coding", [cpc, cpma]),
        ]:
            data = acts.ActivityInput(done_on, title, Decimal(units), category, provider="AAPC")
            acts.add_activity(db, data, [(c.current.id, Decimal(units)) for c in applied], TODAY)
    finally:
        db.close()


def degree_learner(data_dir: Path) -> None:
    """A learner in the first term of the associate degree, with every default (full-time)."""
    from studyplanner.core.model import Availability
    from studyplanner.services.catalog import track_defaults
    from studyplanner.services.database import open_database
    from studyplanner.services.plans import create_plan
    from studyplanner.services.snapshots import NewPlan, PlanSettings

    start = date(2026, 8, 31)
    defaults = track_defaults("associate-degree-hit", start)
    daily = -(-defaults.minutes_per_week // 6)
    db = open_database(data_dir)
    try:
        settings = PlanSettings(
            start=start, availability=Availability((daily,) * 6 + (0,)),
            target=defaults.target, terms=defaults.terms,
        )  # fmt: skip
        create_plan(db, NewPlan(settings, template_id="associate-degree-hit"), start)
    finally:
        db.close()


def other_learner_shot(app: QApplication, name: str, width: int, height: int) -> QPixmap:
    """The Plan screen of a learner other than the CPC one (`plan-degree`)."""
    from studyplanner.services.database import open_database
    from studyplanner.ui.window.main_window import MainWindow

    data_dir = Path(tempfile.mkdtemp(prefix="studyplanner-shots-")) / "data"
    degree_learner(data_dir)
    db = open_database(data_dir)
    window = MainWindow(db, lambda: TODAY)
    window.resize(width, height)
    window.show()
    window.show_screen(SCREENS.index("plan"))
    for _ in range(20):
        app.processEvents()
    shot = window.grab()
    window.close()
    db.close()
    return shot


def assistant_shot(app: QApplication, db: Database, part_time: bool) -> QPixmap:
    """The assistant's summary for the associate degree, centred on the screen: every default
    (full-time), or the part-time week of 24 hours (the verdict and its fixes)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QWizard

    from studyplanner.core.model import Availability
    from studyplanner.ui.plan.assistant import PlanAssistant

    wizard = PlanAssistant(db, TODAY)
    wizard.resize(960, 680)
    screen = QGuiApplication.primaryScreen().geometry()
    wizard.move(screen.center() - wizard.rect().center())
    wizard.show()
    items = wizard.track_page.list
    for row in range(items.count()):
        if items.item(row).data(Qt.ItemDataRole.UserRole) == "associate-degree-hit":
            items.setCurrentRow(row)
    wizard.next()
    wizard.next()
    if part_time:
        wizard.time_page.availability.set_availability(
            Availability((240, 240, 240, 240, 240, 240, 0))
        )
    wizard.next()
    for _ in range(20):
        app.processEvents()
    shot = QGuiApplication.primaryScreen().grabWindow(0)
    if shot.isNull() or QGuiApplication.platformName() == "offscreen":
        shot = wizard.grab()
    wizard.button(QWizard.WizardButton.CancelButton).click()
    return shot


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--light", action="store_true")
    parser.add_argument("--screens", default=",".join(SCREENS))
    parser.add_argument("--language", choices=("en", "es"), default="en")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    data_dir = Path(tempfile.mkdtemp(prefix="studyplanner-shots-")) / "data"
    learner(data_dir)

    from studyplanner.app import _application
    from studyplanner.services.database import open_database
    from studyplanner.ui.shared.theme import Theme, apply_theme
    from studyplanner.ui.window.main_window import MainWindow

    app: QApplication = _application([])
    from studyplanner.ui.window.language import switch_language

    switch_language(args.language)
    if args.dark or args.light:  # the app's own Dark or Light (Settings ▸ Appearance)
        apply_theme(app, Theme.DARK if args.dark else Theme.LIGHT)
    db = open_database(data_dir)
    suffix = f"{width}x{height}" + ("-dark" if args.dark else "-light" if args.light else "")
    suffix += "" if args.language == "en" else f"-{args.language}"
    names = args.screens.split(",")
    for name in [n for n in names if n in ASSISTANT_SHOTS]:
        target = args.out / f"{name}-{suffix}.png"
        assistant_shot(app, db, name == "verdict-fixes").save(str(target))
        print(f"saved {target}")
    for name in [n for n in names if n in OTHER_LEARNERS]:
        target = args.out / f"{name}-{suffix}.png"
        other_learner_shot(app, name, width, height).save(str(target))
        print(f"saved {target}")
    window = MainWindow(db, lambda: TODAY)
    window.resize(width, height)
    window.show()
    for name in [n for n in names if n not in ASSISTANT_SHOTS + OTHER_LEARNERS]:
        window.show_screen(SCREENS.index(name))
        for _ in range(20):  # deferred builds (charts, reminders) after the first paint
            app.processEvents()
        if name == "dashboard":
            window.dashboard.build_reminders()
            app.processEvents()
        target = args.out / f"{name}-{suffix}.png"
        window.grab().save(str(target))
        print(f"saved {target}")
    window.close()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
