"""GameState <-> table rows, and the row-level difference between two months.

The live game is the ``games`` row (summary columns + a compressed blob of the small parts
of the state) plus its artists, projects, songs and ledger rows. A month changes only a few
of them: ``song_changes`` finds the songs whose numbers moved, ``keyed_changes`` the artists
or projects that changed, so a month writes only those.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from labelmgr.engine import Artist, GameState, LedgerEntry, Project, SongTable, state_from_dict
from labelmgr.engine.songs import INT_COLUMNS
from labelmgr.storage.codec import ARTIST_FIELDS, LEDGER_FIELDS, PROJECT_FIELDS

SONG_COLUMNS: tuple[str, ...] = ("song_id", "project_id", "title", "artist_id",
                                 *INT_COLUMNS[2:])
"""Song row columns besides ``game_id`` (``song_id`` is the table's ``id`` column)."""
MUTABLE_SONG_COLUMNS: tuple[str, ...] = INT_COLUMNS[1:]
"""The song numbers compared and rewritten when a row changed (all but its id)."""
COUNTER_COLUMNS: tuple[str, ...] = ("total_streams", "total_revenue", "last_streams",
                                    "last_revenue")
"""What the catalogue's monthly streaming changes; other changes rewrite the whole row."""


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
    ints = np.column_stack([getattr(songs, c)[idx.start:idx.stop] for c in INT_COLUMNS])
    return [(game_id, row[0], row[1], songs.titles[i], songs.artist_ids[i], *row[2:])
            for i, row in zip(idx, ints.tolist(), strict=True)]


def ledger_rows(game_id: int, entries: Sequence[LedgerEntry], first_seq: int
                ) -> list[tuple[Any, ...]]:
    """``(game_id, seq, *LEDGER_FIELDS)`` tuples for entries numbered from ``first_seq``."""
    return [(game_id, first_seq + k, e.month, e.category, e.amount, e.source, e.text)
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
    """Songs (indices into the new table) whose counters or other numbers changed, the new
    ones, or a full rewrite."""

    counters: np.ndarray
    updated: np.ndarray
    inserted: range
    rewrite: bool = False

    @property
    def changed(self) -> np.ndarray:
        """Every index whose row changes, in order."""
        return np.union1d(self.counters, self.updated)


def song_changes(old: SongTable, new: SongTable) -> SongChanges:
    """Which song rows a month changed: a vectorised comparison of the columns."""
    n = len(old)
    none = np.arange(0)
    if (len(new) < n or not np.array_equal(new.id[:n], old.id)
            or new.titles[:n] != old.titles):
        return SongChanges(none, none, range(len(new)), rewrite=True)
    counters = np.zeros(n, dtype=bool)
    others = np.zeros(n, dtype=bool)
    for c in MUTABLE_SONG_COLUMNS:
        mask = counters if c in COUNTER_COLUMNS else others
        mask |= getattr(old, c) != getattr(new, c)[:n]
    return SongChanges(np.flatnonzero(counters & ~others), np.flatnonzero(others),
                       range(n, len(new)))


def song_values(game_id: int, songs: SongTable, idx: np.ndarray, columns: Sequence[str]
                ) -> list[list[int]]:
    """``[*columns, game_id, song_id]`` per song at ``idx`` (for an UPDATE executemany)."""
    cols = [getattr(songs, c)[idx] for c in columns]
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
