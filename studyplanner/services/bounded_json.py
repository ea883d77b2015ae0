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
_NOT_SEPARATOR = re.compile(r"[^,:]+")


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


def measure(text: str, *, max_depth: int) -> JsonShape:
    """The shape of the JSON `text`, measured without parsing it. A depth beyond `max_depth`
    raises JsonBeyondLimits (measuring stops there). Text that is not JSON is measured as well as
    can be; the parser says what is wrong with it."""
    bare = _STRING.sub("", text)
    brackets = _NOT_BRACKET.sub("", bare)
    containers = brackets.count("[") + brackets.count("{")
    values = len(_NOT_SEPARATOR.sub("", bare)) + 1
    del bare
    depth = 0
    while brackets:
        if depth >= max_depth:
            raise JsonBeyondLimits(f"is nested more than {max_depth} levels deep")
        inner = brackets.replace("[]", "").replace("{}", "")
        if len(inner) == len(brackets):
            # Unbalanced or crossed brackets: not JSON. What is left nests at most this deep.
            opened = 0
            for char in inner:
                opened += 1 if char in "[{" else -1
                if depth + opened > max_depth:
                    raise JsonBeyondLimits(f"is nested more than {max_depth} levels deep")
            break
        brackets = inner
        depth += 1
    return JsonShape(depth, containers, values)


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
    shape = measure(text, max_depth=max_depth)
    if max_containers is not None and shape.containers > max_containers:
        raise JsonBeyondLimits(f"holds more than {max_containers:,} objects and arrays")
    if max_values is not None and shape.values > max_values:
        raise JsonBeyondLimits(f"holds more than {max_values:,} values")
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
