"""GameState <-> table rows, and the row-level difference between two months.

The live game is the ``games`` row (summary columns + a compressed blob of the small parts
of the state) plus its artists, projects, songs and ledger rows. A month changes only a few
of them: ``song_changes`` finds the songs whose numbers moved, ``keyed_changes`` the artists
or projects that changed, so a month writes only those.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from labelmgr.engine import Artist, GameState, LedgerEntry, Project, SongTable, state_from_dict
from labelmgr.engine import state_to_dict as engine_state_to_dict
from labelmgr.engine.songs import INT_COLUMNS

ARTIST_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Artist))
PROJECT_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Project))
LEDGER_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(LedgerEntry))
SONG_COLUMNS: tuple[str, ...] = ("song_id", "project_id", "title", "artist_id",
                                 *INT_COLUMNS[2:])
"""Song row columns besides ``game_id`` (``song_id`` is the table's ``id`` column)."""
MUTABLE_SONG_COLUMNS: tuple[str, ...] = INT_COLUMNS[1:]
"""The song numbers compared and rewritten when a row changed (all but its id)."""


def small_state(state: GameState) -> dict[str, Any]:
    """The state without its artists, projects, songs and ledger (those have rows)."""
    return engine_state_to_dict(replace(state, artists=(), projects=(), songs=SongTable(),
                                        ledger=()))


def artist_rows(game_id: int, artists: Sequence[tuple[int, Artist]]) -> list[dict[str, Any]]:
    """Rows for ``(pos, artist)`` pairs."""
    out = []
    for pos, a in artists:
        row = {f: getattr(a, f) for f in ARTIST_FIELDS}
        row["artist_id"] = row.pop("id")
        out.append({"game_id": game_id, "pos": pos, **row})
    return out


def project_rows(game_id: int, projects: Sequence[tuple[int, Project]]) -> list[dict[str, Any]]:
    """Rows for ``(pos, project)`` pairs."""
    out = []
    for pos, p in projects:
        row = {f: getattr(p, f) for f in PROJECT_FIELDS}
        row["project_id"] = row.pop("id")
        out.append({"game_id": game_id, "pos": pos, **row})
    return out


def song_rows(game_id: int, songs: SongTable, idx: np.ndarray | range) -> list[dict[str, Any]]:
    """Rows for the songs at the given indices."""
    cols = {c: getattr(songs, c)[idx].tolist() for c in INT_COLUMNS}
    out = []
    for k, i in enumerate(idx):
        row: dict[str, Any] = {"game_id": game_id, "title": songs.titles[i],
                               "artist_id": songs.artist_ids[i], "song_id": cols["id"][k]}
        for c in INT_COLUMNS[1:]:
            row[c] = cols[c][k]
        out.append(row)
    return out


def ledger_rows(game_id: int, entries: Sequence[LedgerEntry], first_seq: int
                ) -> list[dict[str, Any]]:
    """Rows for ledger entries, numbered from ``first_seq``."""
    return [{"game_id": game_id, "seq": first_seq + k, "month": e.month,
             "category": e.category, "amount": e.amount, "source": e.source, "text": e.text}
            for k, e in enumerate(entries)]


def state_from_rows(small: dict[str, Any], artists: Sequence[Any], projects: Sequence[Any],
                    songs: Sequence[Any], ledger: Sequence[Any]) -> GameState:
    """Rebuild the state from the blob and the rows (each in the state's order).

    ``artists``/``projects`` rows carry their field names; ``songs`` rows are tuples in
    ``SONG_COLUMNS`` order; ``ledger`` rows tuples in ``LEDGER_FIELDS`` order.
    """
    d = dict(small)
    d["artists"] = [{f: getattr(r, "artist_id" if f == "id" else f) for f in ARTIST_FIELDS}
                    for r in artists]
    d["projects"] = [{f: getattr(r, "project_id" if f == "id" else f) for f in PROJECT_FIELDS}
                     for r in projects]
    d["ledger"] = [dict(zip(LEDGER_FIELDS, r, strict=True)) for r in ledger]
    d["songs"] = _song_columns(songs)
    return state_from_dict(d)


def _song_columns(songs: Sequence[Any]) -> dict[str, Any]:
    cols: dict[str, Any] = {"titles": [r[2] for r in songs], "artist_ids": [r[3] for r in songs]}
    if songs:
        ints = np.array([(r[0], r[1], *r[4:]) for r in songs], dtype=np.int64)
    else:
        ints = np.zeros((0, len(INT_COLUMNS)), dtype=np.int64)
    for k, c in enumerate(INT_COLUMNS):
        cols[c] = ints[:, k]
    return cols


@dataclass(frozen=True, slots=True)
class SongChanges:
    """Songs to update (indices into the new table) and to insert, or a full rewrite."""

    updated: np.ndarray
    inserted: range
    rewrite: bool = False


def song_changes(old: SongTable, new: SongTable) -> SongChanges:
    """Which song rows a month changed: a vectorised comparison of the columns."""
    n = len(old)
    if (len(new) < n or not np.array_equal(new.id[:n], old.id)
            or new.titles[:n] != old.titles):
        return SongChanges(np.arange(0), range(len(new)), rewrite=True)
    mask = np.zeros(n, dtype=bool)
    for c in MUTABLE_SONG_COLUMNS:
        mask |= getattr(old, c) != getattr(new, c)[:n]
    return SongChanges(np.flatnonzero(mask), range(n, len(new)))


def keyed_changes(old: Sequence[Any], new: Sequence[Any]
                  ) -> tuple[list[tuple[int, Any]], list[Any]]:
    """``(pos, item)`` pairs new or changed (value or place), and the ids that are gone."""
    before = {item.id: (pos, item) for pos, item in enumerate(old)}
    changed = [(pos, item) for pos, item in enumerate(new) if before.get(item.id) != (pos, item)]
    kept = {item.id for item in new}
    return changed, [key for key in before if key not in kept]
