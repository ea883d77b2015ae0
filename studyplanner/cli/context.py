"""What every CLI command needs: the day it runs on and the data folder's database."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from studyplanner.services.database import Database


def today_of(args: argparse.Namespace) -> date:
    """The command's `--today` (hidden, for tests and scripts), else the system date."""
    return getattr(args, "today", None) or date.today()


def open_db(args: argparse.Namespace) -> Database:
    """The data folder's database (imported here, not for `tracks`: the CLI starts fast)."""
    from studyplanner.services.database import open_database

    return open_database(args.data_dir)
