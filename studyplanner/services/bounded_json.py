"""JSON from outside (an archive, or a database another program wrote) read within limits: its
nesting depth and its number of objects and arrays are measured on the text first, at C speed
and without building anything, so a hostile document is refused before the parser builds a
hundred million objects or recurses a hundred thousand levels deep."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_PAIR = re.compile(r"\[\]|\{\}")


class JsonBeyondLimits(ValueError):
    """The text is nested deeper, or holds more objects and arrays or values, than allowed (the
    message says which, as a phrase: "is nested more than 8 levels deep")."""


@dataclass(frozen=True, slots=True)
class JsonShape:
    depth: int
    """How deeply arrays and objects nest (0: a bare number, text, true, false or null)."""
    containers: int
    """How many arrays and objects there are."""
    values: int
    """Roughly how many values there are (one more than the commas and colons outside text)."""


CHUNK = 1 << 20
"""Characters measured at a time (whole lines: see measure)."""
MAX_LINE = 8 << 20
"""The longest line measure accepts (a row of the archive is one line; a text of a million
characters, escaped, fits)."""


def measure(
    text: str,
    *,
    max_depth: int,
    max_containers: int | None = None,
    max_values: int | None = None,
) -> JsonShape:
    """The shape of the JSON `text`, measured without parsing it and in bounded memory, a chunk
    of whole lines at a time (a JSON text never holds a raw line break inside quotes, so text in
    quotes never spans two chunks). A depth beyond `max_depth`, more than `max_containers` arrays
    and objects or `max_values` values, or a line longer than MAX_LINE raises JsonBeyondLimits
    as soon as it is seen. Text that is not JSON is measured up to where it stops making
    sense; the parser then says what is wrong with it."""
    depth = deepest = containers = 0
    values = 1
    start = 0
    while start < len(text):
        stop = text.rfind("\n", start, start + CHUNK) + 1 if start + CHUNK < len(text) else 0
        if stop <= start:
            stop = text.find("\n", start + CHUNK) + 1 or len(text)
            if stop - start > MAX_LINE:
                raise JsonBeyondLimits(f"has a line longer than {MAX_LINE:,} characters")
        bare = _STRING.sub("", text[start:stop])  # what is inside quotes never counts
        start = stop
        containers += bare.count("[") + bare.count("{")
        values += bare.count(",") + bare.count(":")
        if max_containers is not None and containers > max_containers:
            raise JsonBeyondLimits(f"holds more than {max_containers:,} objects and arrays")
        if max_values is not None and values > max_values:
            raise JsonBeyondLimits(f"holds more than {max_values:,} values")
        brackets = _NOT_BRACKET.sub("", bare)
        inner_depth = 0
        while True:
            inner = _PAIR.sub("", brackets)  # the innermost pairs, one level a pass
            if len(inner) == len(brackets):
                break
            brackets = inner
            inner_depth += 1
            if depth + inner_depth > max_depth:
                raise JsonBeyondLimits(f"is nested more than {max_depth} levels deep")
        closers = len(brackets) - len(brackets.lstrip("]}"))
        openers = brackets[closers:]
        if closers > depth or openers.strip("[{"):
            break  # unbalanced or crossed: not JSON (the parser stops there)
        depth -= closers
        deepest = max(deepest, depth + len(openers) + inner_depth)
        depth += len(openers)
        if deepest > max_depth:
            raise JsonBeyondLimits(f"is nested more than {max_depth} levels deep")
    return JsonShape(deepest, containers, values)


def loads(
    text: str,
    *,
    max_depth: int,
    max_containers: int | None = None,
    max_values: int | None = None,
    **options: Any,
) -> Any:
    """`json.loads(text, **options)` once the text is known to nest at most `max_depth` deep and
    to hold at most `max_containers` arrays and objects and `max_values` values; otherwise
    JsonBeyondLimits. Other problems raise what json.loads raises (a ValueError)."""
    measure(text, max_depth=max_depth, max_containers=max_containers, max_values=max_values)
    try:
        return json.loads(text, **options)
    except RecursionError:  # measured above, so only for a max_depth set beyond Python's limit
        raise JsonBeyondLimits("is nested too deeply") from None


def loads_or_none(text: str, *, max_depth: int, max_length: int = 1_000_000) -> Any:
    """The decoded value of a stored JSON text, or None when it is not JSON, too long or nested
    deeper than `max_depth` (stored values read this way fall back to a default)."""
    if not isinstance(text, str) or len(text) > max_length:
        return None
    try:
        return loads(text, max_depth=max_depth)
    except ValueError:
        return None


def checked(decode: Callable[[str], Any], text: str) -> str | None:
    """None when `decode(text)` works, else why not (one phrase)."""
    try:
        decode(text)
    except JsonBeyondLimits as exc:
        return str(exc)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        return f"cannot be read ({type(exc).__name__}: {exc})"
    return None
