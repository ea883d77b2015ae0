"""Schema migrations with Alembic, driven from code (no alembic.ini), so an installed wheel works.

Start-up asks `needs_upgrade()` first: it compares the file's revision with the known list without
importing Alembic (about 0.3 s), and only a due migration pays for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from studyplanner.store.errors import DatabaseTooNew
from studyplanner.store.file_check import FileState

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

KNOWN_REVISIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_study_sessions",
    "0003_credentials_ceus",
    "0004_reminders_settings",
    "0005_record_identities",
    "0006_sittings",
    "0007_section_scores",
    "0008_change_token",
)
"""Every revision this app knows, oldest first. A test keeps it equal to Alembic's."""
HEAD_REVISION = KNOWN_REVISIONS[-1]


def check_revision(state: FileState, path: Path) -> None:
    """Refuse, untouched, a database written by a newer version of the app."""
    if state.revision is not None and state.revision not in KNOWN_REVISIONS:
        raise DatabaseTooNew(
            f"The database {path} was written by a newer version of Study Planner "
            f"(schema {state.revision}). Install the newer version to open it; "
            "the file has not been changed."
        )


def needs_upgrade(state: FileState) -> bool:
    return state.revision != HEAD_REVISION


@contextmanager
def alembic_config(engine: Engine) -> Iterator[Config]:
    from alembic.config import Config

    with resources.as_file(resources.files("studyplanner.store") / "migrations") as location:
        config = Config()
        config.set_main_option("script_location", str(location))
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            yield config


def upgrade_to_head(engine: Engine) -> None:
    from alembic import command

    with alembic_config(engine) as config:
        command.upgrade(config, "head")


def alembic_revisions() -> list[str]:
    """Alembic's own view of the revision chain, oldest first (for the consistency test)."""
    from alembic.script import ScriptDirectory

    with resources.as_file(resources.files("studyplanner.store") / "migrations") as location:
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(location))
        script = ScriptDirectory.from_config(config)
        return [rev.revision for rev in reversed(list(script.walk_revisions()))]
