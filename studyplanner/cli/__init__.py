"""The headless command line over services/: `studyplanner SUBCOMMAND ...`."""

from studyplanner.cli.main import main

__all__ = ["main"]
