"""Reading loosely-typed JSON from providers without ever raising."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from ._types import ToolCall


def as_dict(value: object) -> dict[str, Any]:
    """``value`` as a plain dict: an SDK object dumped as it came on the wire, a dict as
    is, anything else as {}."""
    if isinstance(value, BaseModel):
        try:
            dumped = value.model_dump(mode="json", exclude_unset=True, warnings=False)
        except Exception:  # a loosely constructed SDK object may not serialise
            return {}
        return dumped if isinstance(dumped, dict) else {}
    return value if isinstance(value, dict) else {}


def text_of(value: object) -> str:
    """A string field, or the text parts of a list of content parts, else ""."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(
            part["text"]
            for part in value
            if isinstance(part, dict) and isinstance(part.get("text"), str)
        )
    return ""


def count(value: object) -> int:
    """A token count, or 0 for anything that is not a non-negative int."""
    return value if isinstance(value, int) and value >= 0 else 0


def tool_call(call_id: object, name: object, arguments: object, index: int) -> ToolCall | None:
    """A ToolCall from wire fields; arguments may be a JSON string or an object. None when
    there is no name to call."""
    if not isinstance(name, str) or not name:
        return None
    identifier = call_id if isinstance(call_id, str) and call_id else f"call_{index}"
    if isinstance(arguments, dict):
        return ToolCall(id=identifier, name=name, arguments=arguments)
    if arguments is None or arguments == "":
        return ToolCall(id=identifier, name=name)
    raw = arguments if isinstance(arguments, str) else json.dumps(arguments)
    try:
        decoded = json.loads(raw)
    except ValueError:
        decoded = None
    if isinstance(decoded, dict):
        return ToolCall(id=identifier, name=name, arguments=decoded)
    return ToolCall(id=identifier, name=name, invalid_arguments=raw)


def shape_of(body: dict[str, Any]) -> str:
    """A short description of a body's top level, for messages: ``keys: foo, bar``."""
    keys = ", ".join(sorted(map(str, body))[:6])
    return f"keys: {keys}" if keys else "an empty object"
