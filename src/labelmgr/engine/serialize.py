"""GameState, actions and events to and from plain JSON-safe dicts (pure: no I/O).

Storage compresses these for save slots and exports; ``state_from_dict`` rebuilds exactly
the state that ``state_to_dict`` was given.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from labelmgr.engine.actions import ACTION_TYPES, Action
from labelmgr.engine.events import EVENT_TYPES, GameEvent
from labelmgr.engine.songs import INT_COLUMNS, SongTable
from labelmgr.engine.state import (
    Access,
    Artist,
    DelayedEffect,
    GameState,
    LastingEffect,
    LedgerEntry,
    Modifier,
    MonthSummary,
    PendingEvent,
    Project,
    Results,
    frozen_map,
)
from labelmgr.errors import LabelError
from labelmgr.wording import shown

STATE_FORMAT = 1
"""Version of the dict layout below; bump it when the layout changes."""

_MAPS: dict[str, type] = {"relationships": int, "event_last_fired": int,
                          "conversations_held": str}
"""State fields that are read-only mappings, with the type of their values."""

_ADDED = frozenset({"conversations_held"})
"""State fields newer than the first saves: a saved state without one gets its default."""

_TUPLES: dict[str, type] = {
    "artists": Artist,
    "projects": Project,
    "ledger": LedgerEntry,
    "delayed": DelayedEffect,
    "modifiers": Modifier,
    "lasting": LastingEffect,
    "history": MonthSummary,
}


def _plain(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple | list):
        return [_plain(x) for x in obj]
    return obj


def songs_to_dict(songs: SongTable) -> dict[str, Any]:
    out: dict[str, Any] = {c: getattr(songs, c).tolist() for c in INT_COLUMNS}
    out["titles"] = list(songs.titles)
    out["artist_ids"] = list(songs.artist_ids)
    return out


def songs_from_dict(d: dict[str, Any]) -> SongTable:
    return SongTable.from_columns({c: d[c] for c in INT_COLUMNS}, d["titles"], d["artist_ids"])


def state_to_dict(state: GameState) -> dict[str, Any]:
    """A JSON-safe dict of the whole state."""
    out: dict[str, Any] = {"format": STATE_FORMAT}
    for f in dataclasses.fields(state):
        value = getattr(state, f.name)
        if f.name == "songs":
            out["songs"] = songs_to_dict(value)
        elif f.name in _MAPS:
            out[f.name] = dict(value)
        else:
            out[f.name] = _plain(value)
    return out


def _effects(pairs: list[list[Any]]) -> tuple[tuple[str, float], ...]:
    return tuple((str(k), float(v)) for k, v in pairs)


def state_from_dict(d: dict[str, Any]) -> GameState:
    """Rebuild a state from ``state_to_dict`` output.

    Raises:
        LabelError: ``SAVE_FORMAT`` when the dict is not a state of a known format.
    """
    if not isinstance(d, dict):
        raise LabelError("SAVE_FORMAT", "The saved game state is damaged: it is "
                         f"{_kind_of(d)}, not an object of named fields")
    name = "format"
    try:
        if d.get("format") != STATE_FORMAT:
            raise LabelError("SAVE_FORMAT", f"Unknown game state format {d.get('format')!r}")
        kw: dict[str, Any] = {}
        for f in dataclasses.fields(GameState):
            name = f.name
            if name in _ADDED and name not in d:
                continue  # a save from before the field: its default
            v = d[f.name]
            if f.name in _TUPLES:
                cls = _TUPLES[f.name]
                items = []
                for row in v:
                    if cls is DelayedEffect:
                        row = {**row, "effects": _effects(row["effects"])}
                    items.append(cls(**row))
                v = tuple(items)
            elif f.name == "songs":
                v = songs_from_dict(v)
            elif f.name in _MAPS:
                v = frozen_map({str(k): _MAPS[f.name](x) for k, x in v.items()})
            elif f.name == "access":
                v = Access(**v)
            elif f.name == "pending_event":
                v = PendingEvent(**v) if v else None
            elif f.name == "results":
                v = Results(**{**v, "badges": tuple(v["badges"])}) if v else None
            elif f.name in ("producer_tiers", "departed"):
                v = tuple(v)
            kw[f.name] = v
        return GameState(**kw)
    except LabelError:
        raise
    except KeyError as exc:
        raise LabelError("SAVE_FORMAT", f"The saved game state is damaged: its {name!r} field "
                         f"lacks {exc}" if name in d else
                         f"The saved game state is damaged: it has no {name!r} field") from exc
    except (TypeError, ValueError, AttributeError) as exc:
        raise LabelError("SAVE_FORMAT", f"The saved game state is damaged: its {name!r} field "
                         "does not hold what a game state keeps there") from exc


def _kind_of(value: object) -> str:
    """'a list', 'a number'...: what a JSON value is, in words."""
    kinds = {list: "a list", str: "text", bool: "true or false", int: "a number",
             float: "a number", type(None): "null"}
    return kinds.get(type(value), type(value).__name__)


def action_to_dict(action: Action) -> dict[str, Any]:
    """An action as ``{"kind": ..., fields...}``."""
    return {"kind": action.kind, **_plain(action)}


def action_from_dict(d: dict[str, Any]) -> Action:
    """Rebuild an action; ``VAL_ACTION`` if it is not one."""
    try:
        cls = ACTION_TYPES[d["kind"]]
        return cls(**{k: v for k, v in d.items() if k != "kind"})
    except (KeyError, TypeError) as exc:
        raise LabelError("VAL_ACTION", f"Not a valid action: {shown(d, 80)}") from exc


def event_to_dict(event: GameEvent) -> dict[str, Any]:
    return {"kind": event.kind, **_plain(event)}


def event_from_dict(d: dict[str, Any]) -> GameEvent:
    cls = EVENT_TYPES[d["kind"]]
    return cls(**{k: v for k, v in d.items() if k != "kind"})
