"""Compact encodings: compressed JSON, and the "small" part of a state as a blob.

The small part is ``state_to_dict`` without the artists, projects, songs and ledger (which
have rows of their own, or their own encoding in a snapshot); its ``history`` travels as rows
(lists in ``MonthSummary`` field order) rather than dicts, as it grows by one entry a month.
"""

from __future__ import annotations

import dataclasses
import json
import zlib
from dataclasses import replace
from typing import Any

from labelmgr.engine import Artist, GameState, LedgerEntry, Project, SongTable, state_to_dict
from labelmgr.engine.state import MonthSummary
from labelmgr.errors import LabelError

ARTIST_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Artist))
PROJECT_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Project))
LEDGER_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(LedgerEntry))
HISTORY_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(MonthSummary))
ROWED = ("artists", "projects", "songs", "ledger")
"""State fields that are not in the small blob."""


def pack(obj: Any) -> bytes:
    """Compressed compact JSON."""
    return zlib.compress(json.dumps(obj, separators=(",", ":")).encode("utf-8"), 1)


def unpack(blob: bytes) -> Any:
    """The object ``pack`` was given; ``SAVE_CORRUPT`` when the blob is damaged."""
    try:
        return json.loads(zlib.decompress(blob).decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, ValueError) as exc:
        raise LabelError("SAVE_CORRUPT", f"Stored game data is damaged ({exc})") from exc


def as_rows(items: Any, fields: tuple[str, ...]) -> list[list[Any]]:
    """Dataclass instances as lists of their field values (fast to encode)."""
    return [[getattr(x, f) for f in fields] for x in items]


def as_dicts(rows: list[Any], fields: tuple[str, ...]) -> list[dict[str, Any]]:
    """``as_rows`` output back to dicts (dicts pass through: older blobs stored those)."""
    return [r if isinstance(r, dict) else dict(zip(fields, r, strict=True)) for r in rows]


def small_blob(state: GameState) -> bytes:
    """The small part of the state, packed."""
    d = state_to_dict(replace(state, artists=(), projects=(), songs=SongTable(), ledger=(),
                              history=()))
    for key in ROWED:
        d.pop(key)
    d["history"] = as_rows(state.history, HISTORY_FIELDS)
    return pack(d)


def small_from_blob(blob: bytes) -> dict[str, Any]:
    """The small part as ``state_to_dict`` has it (without the four rowed fields)."""
    d = unpack(blob)
    try:
        d["history"] = as_dicts(d["history"], HISTORY_FIELDS)
    except (KeyError, TypeError, ValueError) as exc:
        raise LabelError("SAVE_CORRUPT", f"Stored game data is damaged ({exc})") from exc
    return dict(d)
