"""Settings and layouts checked against their declared schema (``data/schema.json``).

A value of the wrong type (``edition = 202106``, ``columns = "two"``), a key
or table nobody reads (``[district]``, a top-level ``edition``), a size of
zero or a negative margin is an error naming the file, the key and what was
expected, before anything is built: never a traceback, never a silently
ignored setting. The schema is data (JSON Schema, checked by jsonschema), so
the keys a layout may hold are listed in one place.
"""
from __future__ import annotations

import json
from datetime import date, datetime, time
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

_KINDS = {"string": "text", "integer": "a whole number", "number": "a number",
          "boolean": "true or false", "array": "a list", "object": "a table"}


@cache
def _document() -> dict[str, Any]:
    return json.loads(resources.files("converters.data").joinpath("schema.json")  # type: ignore[no-any-return]
                      .read_text(encoding="utf-8"))


@cache
def _schema_digest() -> str:
    """The schema's digest, once: a verdict holds for the schema it was reached under."""
    import hashlib

    return hashlib.sha256(json.dumps(_document(), sort_keys=True).encode("utf-8")).hexdigest()


@cache
def _validator(name: str):  # type: ignore[no-untyped-def]
    from jsonschema import Draft202012Validator  # loaded when settings are read, not before

    return Draft202012Validator({**_document(), "$ref": f"#/$defs/{name}"})


def has_schema(name: str) -> bool:
    """Is there a schema ``name``? (A format an entry point adds may bring none.)"""
    return name in _document()["$defs"]


def problems(data: dict[str, Any], schema: str) -> list[str]:
    """What is wrong with ``data`` as a ``schema`` ("settings", "layout-pdf" …): one
    line each, "key: what was found; expected what".

    A pure function of the data and the schema, so a verdict of "nothing wrong" is
    kept in the store: importing jsonschema is a large share of a correction's
    rebuild, and the settings rarely change between builds."""
    import hashlib

    from .store import user_store

    key = hashlib.sha256(json.dumps([_schema_digest(), schema, data], sort_keys=True,
                                    default=repr, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]
    verdict = user_store().folder("verdicts") / key
    if verdict.is_file():
        return []
    errors = sorted(_validator(schema).iter_errors(data), key=lambda e: list(map(str, e.path)))
    found = [_say(error) for error in errors]
    if not found:
        try:
            verdict.touch()
        except OSError:  # a read-only store only costs the check next time
            pass
    return found


def _where(path: list[Any]) -> str:
    if not path:
        return "the file"
    tables, key = [str(p) for p in path[:-1]], str(path[-1])
    return f"[{'.'.join(tables)}] {key}" if tables else key


def _shown(value: Any) -> str:
    if isinstance(value, (date, datetime, time)):
        return f"{value} (a TOML date; put it in quotes)"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"{value} (a number)"
    if isinstance(value, list):
        return "a list"
    return json.dumps(value, ensure_ascii=False)


def _expected(error) -> str:  # type: ignore[no-untyped-def]
    described = error.schema.get("description")
    if not described and error.parent is not None:
        described = error.parent.schema.get("description")
    if described:
        return described
    kind = error.schema.get("type")
    return _KINDS.get(kind, str(kind)) if kind else error.message


def _say(error) -> str:  # type: ignore[no-untyped-def]
    path = list(error.absolute_path)
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        known = ", ".join(error.schema.get("properties", {})) or "none"
        where = f"[{'.'.join(map(str, path))}]" if path else "the top level"
        return f"{where}: unknown {'key' if len(extra) == 1 else 'keys'} " \
               f"{', '.join(extra)} (known here: {known})"
    if error.validator == "required":
        return f"{_where(path) if path else 'the file'}: {error.message}"
    return f"{_where(path)} = {_shown(error.instance)}: expected {_expected(error)}"


def toml_text(path: Path) -> str:
    """A settings or layout file's text: UTF-8, or UTF-16 with its byte-order mark (as
    Windows Notepad saves it), named in the error if neither."""
    from .parse.reading import InputError, decode

    try:
        text, _ = decode(path.read_bytes())
    except InputError as exc:
        raise ValueError(str(exc)) from None
    return text
