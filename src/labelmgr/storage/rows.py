"""GameState <-> table rows, and the row-level difference between two months.

The live game is the ``games`` row (summary columns + a compressed blob of the small parts
of the state) plus its artists, projects, songs and ledger rows and its block of song
counters. A month changes only a few rows: ``song_changes`` finds the songs whose fixed
numbers moved (a release) and whether the counters did, ``keyed_changes`` the artists or
projects that changed, so a month writes only those.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from labelmgr.engine import Artist, GameState, LedgerEntry, Project, SongTable, state_from_dict
from labelmgr.engine.songs import INT_COLUMNS
from labelmgr.storage.codec import ARTIST_FIELDS, LEDGER_FIELDS, PROJECT_FIELDS
from labelmgr.storage.counters import COUNTER_COLUMNS, counters_from_blob

FIXED_SONG_COLUMNS: tuple[str, ...] = tuple(c for c in INT_COLUMNS[1:]
                                            if c not in COUNTER_COLUMNS)
"""The song numbers kept in its row (compared, and rewritten when one changed)."""
SONG_COLUMNS: tuple[str, ...] = ("song_id", "project_id", "title", "artist_id",
                                 *FIXED_SONG_COLUMNS[1:])
"""Song row columns besides ``game_id`` (``song_id`` is the table's ``id`` column)."""
_ROW_INTS: tuple[str, ...] = ("id", *FIXED_SONG_COLUMNS)


ARTIST_COLUMNS: tuple[str, ...] = ("game_id", "pos", "artist_id", *ARTIST_FIELDS[1:])
PROJECT_COLUMNS: tuple[str, ...] = ("game_id", "pos", "project_id", *PROJECT_FIELDS[1:])


def artist_rows(game_id: int, artists: Sequence[tuple[int, Artist]]) -> list[tuple[Any, ...]]:
    """``ARTIST_COLUMNS`` tuples for ``(pos, artist)`` pairs."""
    return [(game_id, pos, *(getattr(a, f) for f in ARTIST_FIELDS)) for pos, a in artists]


def project_rows(game_id: int, projects: Sequence[tuple[int, Project]]
                 ) -> list[tuple[Any, ...]]:
    """``PROJECT_COLUMNS`` tuples for ``(pos, project)`` pairs."""
    return [(game_id, pos, *(getattr(p, f) for f in PROJECT_FIELDS)) for pos, p in projects]


def song_rows(game_id: int, songs: SongTable, idx: range) -> list[tuple[Any, ...]]:
    """``(game_id, *SONG_COLUMNS)`` tuples for the songs at the given indices."""
    ints = np.column_stack([getattr(songs, c)[idx.start:idx.stop] for c in _ROW_INTS])
    return [(game_id, row[0], row[1], songs.titles[i], songs.artist_ids[i], *row[2:])
            for i, row in zip(idx, ints.tolist(), strict=True)]


def ledger_rows(game_id: int, entries: Sequence[LedgerEntry], first_seq: int
                ) -> list[tuple[Any, ...]]:
    """``(game_id, seq, *LEDGER_FIELDS)`` tuples for entries numbered from ``first_seq``."""
    return [(game_id, first_seq + k, e.month, e.category, e.amount, e.source, e.text)
            for k, e in enumerate(entries)]


def state_from_rows(small: dict[str, Any], artists: Sequence[Any], projects: Sequence[Any],
                    songs: Sequence[Any], counters: bytes, ledger: Sequence[Any]
                    ) -> GameState:
    """Rebuild the state from the blob, the rows (each in the state's order) and the song
    counters block.

    ``artists``/``projects`` rows carry their field names; ``songs`` rows are tuples in
    ``SONG_COLUMNS`` order; ``ledger`` rows tuples in ``LEDGER_FIELDS`` order.
    """
    d = dict(small)
    d["artists"] = [{f: getattr(r, "artist_id" if f == "id" else f) for f in ARTIST_FIELDS}
                    for r in artists]
    d["projects"] = [{f: getattr(r, "project_id" if f == "id" else f) for f in PROJECT_FIELDS}
                     for r in projects]
    d["ledger"] = [dict(zip(LEDGER_FIELDS, r, strict=True)) for r in ledger]
    d["songs"] = _song_columns(songs, counters)
    return state_from_dict(d)


def _song_columns(songs: Sequence[Any], counters: bytes) -> dict[str, Any]:
    cols: dict[str, Any] = {"titles": [r[2] for r in songs], "artist_ids": [r[3] for r in songs]}
    if songs:
        ints = np.array([(r[0], r[1], *r[4:]) for r in songs], dtype=np.int64)
    else:
        ints = np.zeros((0, len(_ROW_INTS)), dtype=np.int64)
    for k, c in enumerate(_ROW_INTS):
        cols[c] = np.ascontiguousarray(ints[:, k])
    cols.update(counters_from_blob(counters, len(songs)))
    return cols


@dataclass(frozen=True, slots=True)
class SongChanges:
    """Songs (indices into the new table) whose fixed numbers changed, the new ones, whether
    any counter moved, or a full rewrite."""

    updated: np.ndarray
    inserted: range
    counters: bool
    rewrite: bool = False


def song_changes(old: SongTable, new: SongTable) -> SongChanges:
    """Which song rows a month changed: a vectorised comparison of the columns."""
    n = len(old)
    if (len(new) < n or not np.array_equal(new.id[:n], old.id)
            or new.titles[:n] != old.titles or new.artist_ids[:n] != old.artist_ids):
        return SongChanges(np.arange(0), range(len(new)), True, rewrite=True)
    fixed = np.zeros(n, dtype=bool)
    for c in FIXED_SONG_COLUMNS:
        fixed |= getattr(old, c) != getattr(new, c)[:n]
    moved = len(new) > n or any(not np.array_equal(getattr(old, c), getattr(new, c)[:n])
                                for c in COUNTER_COLUMNS)
    return SongChanges(np.flatnonzero(fixed), range(n, len(new)), moved)


def song_values(game_id: int, songs: SongTable, idx: np.ndarray) -> list[list[int]]:
    """``[*FIXED_SONG_COLUMNS, game_id, song_id]`` per song at ``idx`` (for an UPDATE)."""
    cols = [getattr(songs, c)[idx] for c in FIXED_SONG_COLUMNS]
    cols.append(np.full(len(idx), game_id, dtype=np.int64))
    cols.append(songs.id[idx])
    return np.column_stack(cols).tolist() if len(idx) else []


def keyed_changes(old: Sequence[Any], new: Sequence[Any]
                  ) -> tuple[list[tuple[int, Any]], list[Any]]:
    """``(pos, item)`` pairs new or changed (value or place), and the ids that are gone."""
    before = {item.id: (pos, item) for pos, item in enumerate(old)}
    changed = [(pos, item) for pos, item in enumerate(new) if before.get(item.id) != (pos, item)]
    kept = {item.id for item in new}
    return changed, [key for key in before if key not in kept]
