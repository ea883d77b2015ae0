"""Study Planner: an offline planner for medical coding learners and certified coders."""

from __future__ import annotations

from functools import cache

DISTRIBUTION = "studyplanner"
APP_ID = "org.studyplanner.StudyPlanner"
"""The reverse-DNS id of the desktop app: .desktop file, AppStream metainfo, icon name, macOS
bundle identifier."""


@cache
def version() -> str:
    """The one version number, from the installed package's metadata (pyproject.toml's
    `version`). A frozen build carries that metadata too (packaging/studyplanner.spec copies
    it); a bare checkout that was never installed says so instead of guessing."""
    from importlib import metadata

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "0+unknown"


def __getattr__(name: str) -> str:
    # `studyplanner.__version__` without reading metadata at every start (the CLI starts fast).
    if name == "__version__":
        return version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
