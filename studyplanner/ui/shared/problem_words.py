"""A problem with the input in the user's language: its code (core/problem_codes.py) through
tr(), its values in the locale (dates by format_date, figures by QLocale). A problem that has
no code yet keeps its English message."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QLocale

from studyplanner.core.problem_codes import TEMPLATES
from studyplanner.core.validation import IN_MODULE, InvalidInput, Problem, Value
from studyplanner.services.errors import StoreProblem
from studyplanner.ui.shared.formatting import format_date, tr, units_text


def value_words(value: Value) -> str:
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, Decimal):
        return units_text(value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return QLocale().toString(value)
    if isinstance(value, float):
        return QLocale().toString(value, "g", 6)
    return value


def problem_words(problem: Problem) -> str:
    """What to tell the user of one problem."""
    template = TEMPLATES.get(problem.code)
    if template is None:
        return problem.message
    values = dict(problem.values)
    words = tr(template).format(**{name: value_words(v) for name, v in values.items()})
    if IN_MODULE in values:
        return tr("Module {n}: {message}").format(n=value_words(values[IN_MODULE]), message=words)
    return words


def problems_words(problems: Iterable[Problem], sep: str = "\n") -> str:
    """Every problem, one a line (or joined by `sep`)."""
    return sep.join(problem_words(p) for p in problems)


def field_words(error: InvalidInput, field: str) -> str | None:
    """What to tell the user of the first problem with `field`, if any."""
    found = error.problem_for(field)
    return None if found is None else problem_words(found)


def sentences_words(error: InvalidInput) -> list[str]:
    """One sentence per problem, as InvalidInput.sentences says them: an archive's problems
    after the place they are about ("x.zip: no existe.")."""
    from studyplanner.services.archive.format import ArchiveError

    if not isinstance(error, ArchiveError):
        return [problem_words(p) for p in error.problems]
    placed = []
    for p in error.problems:
        words = problem_words(p)
        end = "" if words.endswith((".", "?", "!")) else "."
        placed.append(f"{p.field}: {words}{end}")
    return placed


def store_words(error: StoreProblem) -> str:
    """What to tell the user of a problem with the data file, in their language when it comes
    as codes (its English `user_message` otherwise)."""
    if not error.sentences:
        return error.user_message
    return " ".join(problem_words(p) for p in error.sentences)
