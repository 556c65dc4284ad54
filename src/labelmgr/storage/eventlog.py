"""The event log: a game's domain events (its news and history) and the audit trail."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select

from labelmgr.engine import GameEvent, event_from_dict, event_to_dict
from labelmgr.storage.tables import EventLogRow

EVENTS: Table = EventLogRow.__table__  # type: ignore[attr-defined]
_APPEND = ("INSERT INTO event_log (user_id, game_id, audit, month, kind, text, data, "
           "created_at) VALUES (?, ?, 0, ?, ?, ?, ?, ?)")


def audit(conn: Connection, now: float, kind: str, text: str, *, user_id: int | None = None,
          game_id: int | None = None, data: dict[str, Any] | None = None) -> None:
    """Append an audit entry (``kind`` like ``login_failed``; stored as ``audit.KIND``)."""
    conn.execute(insert(EVENTS), [{"user_id": user_id, "game_id": game_id, "audit": True,
                                   "month": None, "kind": f"audit.{kind}", "text": text,
                                   "data": json.dumps(data or {}), "created_at": now}])


def append_events(conn: Connection, now: float, user_id: int, game_id: int,
                  events: Sequence[GameEvent]) -> None:
    """Append a month's domain events to the game's log."""
    if events:
        conn.exec_driver_sql(_APPEND, [
            (user_id, game_id, e.month, e.kind, e.text, json.dumps(event_to_dict(e)), now)
            for e in events])


def game_events(conn: Connection, game_id: int, limit: int) -> list[GameEvent]:
    """The game's newest ``limit`` domain events, oldest first."""
    rows = conn.execute(select(EVENTS.c.data).where(EVENTS.c.game_id == game_id,
                                                    EVENTS.c.audit.is_(False))
                        .order_by(EVENTS.c.id.desc()).limit(limit)).all()
    return [event_from_dict(json.loads(r.data)) for r in reversed(rows)]


def event_records(conn: Connection, game_id: int,
                  before_month: int | None = None) -> list[dict[str, Any]]:
    """The game's domain events as stored (``event_to_dict``), oldest first: all, or those
    of the months before ``before_month``."""
    sql = "SELECT data FROM event_log WHERE game_id = ? AND NOT audit"
    args: tuple[int, ...] = (game_id,)
    if before_month is not None:
        sql, args = sql + " AND month < ?", (game_id, before_month)
    return [json.loads(d) for (d,) in conn.exec_driver_sql(sql + " ORDER BY id", args).all()]


def restore_events(conn: Connection, now: float, user_id: int, game_id: int,
                   records: Sequence[dict[str, Any]]) -> None:
    """Replace the game's domain events with ``records`` (from ``event_records``)."""
    forget_events(conn, game_id)
    if records:
        conn.exec_driver_sql(_APPEND, [
            (user_id, game_id, r["month"], r["kind"], r["text"], json.dumps(r), now)
            for r in records])


def forget_events(conn: Connection, game_id: int) -> None:
    """Delete a game's domain events; audit entries stay."""
    conn.execute(delete(EVENTS).where(EVENTS.c.game_id == game_id, EVENTS.c.audit.is_(False)))


def audit_entries(conn: Connection, user_id: int | None = None) -> list[dict[str, Any]]:
    """Audit entries, oldest first (all, or one user's)."""
    stmt = select(EVENTS).where(EVENTS.c.audit.is_(True)).order_by(EVENTS.c.id)
    if user_id is not None:
        stmt = stmt.where(EVENTS.c.user_id == user_id)
    return [{"kind": r.kind.removeprefix("audit."), "user_id": r.user_id,
             "game_id": r.game_id, "text": r.text, "data": json.loads(r.data),
             "created_at": r.created_at} for r in conn.execute(stmt).all()]
