"""Save slots: up to ``MAX_MANUAL`` named saves and the last ``AUTOSAVES`` autosaves per game.

A slot holds a snapshot of the whole state, the action log that reproduces it, the game's
domain events before its month (its news) and the content hash it was played with. An
autosave's action log and events are the live game's up to its month (``actions`` and
``events`` NULL: nothing to write each month); they are copied into the slot before the
live game's change (when a slot is loaded), so every slot always has its history and news.
Loading a slot makes it the live game, news included (the autosaves of later months stay,
so the player can go forward again and find that month's news as it was).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, Table, delete, func, insert, select, update

from labelmgr.engine import GameState
from labelmgr.errors import LabelError
from labelmgr.storage import live
from labelmgr.storage.codec import pack, small_blob, unpack
from labelmgr.storage.db import Database
from labelmgr.storage.eventlog import audit, event_records, restore_events
from labelmgr.storage.live import insert_sql, log_entries, owned_game, replace_log
from labelmgr.storage.snapshot import decode_snapshot, encode_snapshot
from labelmgr.storage.tables import SaveSlot
from labelmgr.wording import game_stage

SLOTS: Table = SaveSlot.__table__  # type: ignore[attr-defined]
MAX_MANUAL = 10
AUTOSAVES = 3
_LIST_COLS = ("id", "game_id", "name", "kind", "month", "content_hash", "created_at",
              "phase")


@dataclass(frozen=True, slots=True)
class SlotRecord:
    """A slot as listed (without its snapshot)."""

    id: int
    game_id: int
    name: str
    kind: str
    month: int
    content_hash: str
    created_at: float
    phase: str


def autosave_name(phase: str, month: int) -> str:
    """An autosave's name from where its game stood (``GameState.phase`` and ``month``):
    "Autosave, month 15, career", "Autosave, campaign over" (``wording.game_stage``)."""
    return f"Autosave, {game_stage(phase, month)}"


_AUTOSAVE = insert_sql("save_slots", ("game_id", "name", "kind", "month", "content_hash",
                                       "created_at", "phase", "snapshot", "actions"))
_ROTATE = ("DELETE FROM save_slots WHERE game_id = ? AND kind = 'auto' AND id NOT IN "
           "(SELECT id FROM save_slots WHERE game_id = ? AND kind = 'auto' "
           f"ORDER BY id DESC LIMIT {AUTOSAVES})")


def autosave(conn: Connection, now: float, game_id: int, state: GameState, content_hash: str,
             snapshot: bytes) -> None:
    """Add an autosave of ``state`` (its history: the live log) and keep only the newest
    ``AUTOSAVES``."""
    conn.exec_driver_sql(_AUTOSAVE, (game_id, autosave_name(state.phase, state.month), "auto",
                                     state.month, content_hash, now, state.phase, snapshot,
                                     None))
    conn.exec_driver_sql(_ROTATE, (game_id, game_id))


def slot_log(conn: Connection, slot: Row[Any]) -> list[dict[str, Any]]:
    """The action log that reproduces a slot."""
    if slot.actions is not None:
        return list(unpack(slot.actions))
    return [e for e in log_entries(conn, slot.game_id) if e["month"] < slot.month]


def slot_events(conn: Connection, slot: Row[Any]) -> list[dict[str, Any]]:
    """The domain events (news) of a slot's game before its month, as stored."""
    if slot.events is not None:
        return list(unpack(slot.events))
    return event_records(conn, slot.game_id, before_month=slot.month)


def keep_histories(conn: Connection, game_id: int) -> None:
    """Copy the live log and events into every slot of the game that still refers to them."""
    pending = conn.execute(select(SLOTS.c.id, SLOTS.c.month, SLOTS.c.actions.is_(None),
                                  SLOTS.c.events.is_(None)).where(
        SLOTS.c.game_id == game_id,
        SLOTS.c.actions.is_(None) | SLOTS.c.events.is_(None))).all()
    if not pending:
        return
    log = log_entries(conn, game_id) if any(r[2] for r in pending) else []
    events = event_records(conn, game_id) if any(r[3] for r in pending) else []
    for slot_id, month, no_log, no_events in pending:
        values: dict[str, bytes] = {}
        if no_log:
            values["actions"] = pack([e for e in log if e["month"] < month])
        if no_events:
            values["events"] = pack([e for e in events if e["month"] < month])
        conn.execute(update(SLOTS).where(SLOTS.c.id == slot_id).values(**values))


def owned_slot(conn: Connection, user_id: int, slot_id: int) -> Row[Any]:
    """The slot's row with its game's owner checked (``SAVE_NOT_FOUND``/``AUTH_FORBIDDEN``)."""
    row = conn.execute(select(SLOTS, live.GAMES.c.user_id)
                       .join(live.GAMES, live.GAMES.c.id == SLOTS.c.game_id)
                       .where(SLOTS.c.id == slot_id)).first() if live.is_row_id(slot_id) else None
    if row is None:
        raise LabelError("SAVE_NOT_FOUND", f"There is no save slot {slot_id}",
                         {"slot_id": slot_id})
    if row.user_id != user_id:
        raise LabelError("AUTH_FORBIDDEN", f"Save slot {slot_id} belongs to another profile",
                         {"slot_id": slot_id})
    return row


def _record(r: Row[Any]) -> SlotRecord:
    return SlotRecord(*(getattr(r, c) for c in _LIST_COLS))


class SlotRepo:
    """Save slots, scoped to the owner of their game."""

    def __init__(self, db: Database, clock: Callable[[], float]) -> None:
        self.db = db
        self.clock = clock

    def list(self, user_id: int, game_id: int) -> list[SlotRecord]:
        """Manual slots then autosaves, newest first in each group."""
        with self.db.read() as conn:
            owned_game(conn, user_id, game_id)
            rows = conn.execute(select(*(SLOTS.c[c] for c in _LIST_COLS))
                                .where(SLOTS.c.game_id == game_id)
                                .order_by((SLOTS.c.kind == "auto"), SLOTS.c.created_at.desc(),
                                          SLOTS.c.id.desc())).all()
        return [_record(r) for r in rows]

    def save(self, user_id: int, game_id: int, name: str) -> SlotRecord:
        """Save the live game under ``name`` (over the manual slot of that name, if any)."""
        now = self.clock()
        with self.db.write() as conn:
            game = owned_game(conn, user_id, game_id)
            state = live.read_state(conn, game_id, game.state)
            values = {"month": state.month, "content_hash": game.content_hash,
                      "created_at": now, "phase": state.phase,
                      "snapshot": encode_snapshot(state),
                      "actions": pack(log_entries(conn, game_id)),
                      "events": pack(event_records(conn, game_id))}
            same = conn.execute(select(SLOTS.c.id).where(
                SLOTS.c.game_id == game_id, SLOTS.c.kind == "manual",
                SLOTS.c.name == name)).first()
            if same is not None:
                conn.execute(update(SLOTS).where(SLOTS.c.id == same.id).values(**values))
                slot_id = same.id
            else:
                _check_room(conn, game_id)
                slot_id = conn.execute(insert(SLOTS).values(
                    game_id=game_id, name=name, kind="manual", **values)).inserted_primary_key[0]
            audit(conn, now, "slot_saved", f"Saved slot {name!r} (month {state.month})",
                  user_id=user_id, game_id=game_id, data={"slot_id": slot_id})
            row = conn.execute(select(*(SLOTS.c[c] for c in _LIST_COLS))
                               .where(SLOTS.c.id == slot_id)).one()
        return _record(row)

    def load(self, user_id: int, slot_id: int) -> tuple[int, int]:
        """Make the slot the live game; returns ``(game_id, new version)``."""
        now = self.clock()
        with self.db.write() as conn:
            slot = owned_slot(conn, user_id, slot_id)
            state = decode_snapshot(slot.snapshot)
            log = slot_log(conn, slot)
            events = slot_events(conn, slot)
            game_id = slot.game_id
            keep_histories(conn, game_id)
            live.clear_rows(conn, game_id)
            live.write_state(conn, game_id, state)
            replace_log(conn, game_id, log)
            restore_events(conn, now, user_id, game_id, events)
            version = conn.execute(select(live.GAMES.c.version)
                                   .where(live.GAMES.c.id == game_id)).scalar_one()
            live.update_game(conn, game_id,
                             live.summary_values(state, small_blob(state), slot.content_hash),
                             version=version, user_id=user_id, now=now)
            version += 1
            audit(conn, now, "slot_loaded", f"Loaded slot {slot.name!r} (month {state.month})",
                  user_id=user_id, game_id=game_id, data={"slot_id": slot_id})
        return int(game_id), int(version)

    def delete(self, user_id: int, slot_id: int) -> None:
        now = self.clock()
        with self.db.write() as conn:
            slot = owned_slot(conn, user_id, slot_id)
            conn.execute(delete(SLOTS).where(SLOTS.c.id == slot_id))
            audit(conn, now, "slot_deleted", f"Deleted slot {slot.name!r}", user_id=user_id,
                  game_id=slot.game_id, data={"slot_id": slot_id})

    def content_hash(self, user_id: int, slot_id: int) -> str:
        with self.db.read() as conn:
            return str(owned_slot(conn, user_id, slot_id).content_hash)


def _check_room(conn: Connection, game_id: int) -> None:
    manual = conn.execute(select(func.count()).select_from(SLOTS).where(
        SLOTS.c.game_id == game_id, SLOTS.c.kind == "manual")).scalar_one()
    if manual >= MAX_MANUAL:
        raise LabelError("SAVE_SLOTS_FULL", f"A game has at most {MAX_MANUAL} saves: delete "
                         "one or save over it", {"limit": MAX_MANUAL})
