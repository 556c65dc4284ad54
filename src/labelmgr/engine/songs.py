"""``SongTable``: every song of a game as read-only numpy columns.

One object per song would make a month with 10,000 released songs slow; columns let the
monthly catalogue revenue be one vectorised step. Arrays are never changed in place: every
change builds new arrays (they are marked read-only to enforce it).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import field

import numpy as np

from labelmgr.engine.evolve import evolve
from labelmgr.engine.frozen import frozen

INT_COLUMNS: tuple[str, ...] = (
    "id",
    "project_id",
    "quality",
    "recorded_month",
    "release_month",
    "initial_streams",
    "total_streams",
    "total_revenue",
    "last_streams",
    "last_revenue",
)
"""Integer columns; ``release_month`` is 0 while a song is unreleased."""


def _frozen(values: Sequence[int] | np.ndarray) -> np.ndarray:
    """A read-only int64 column. An int64 array is taken as it is (not copied): whoever
    hands one to a table gives it up."""
    arr = np.asarray(values, dtype=np.int64)
    arr.setflags(write=False)  # a call, not a flags object built and set (~100 ns less)
    return arr


SHORT_COLUMN = 64
"""Up to this many values a column is summed in Python: numpy's call costs more than the
sum itself (the month sums a few small columns). Both sums are exact."""


def total(column: np.ndarray) -> int:
    """The sum of an integer column."""
    if len(column) <= SHORT_COLUMN:
        return sum(column.tolist())
    return int(np.add.reduce(column))


_EMPTY = _frozen([])
"""The one empty column every new table shares (read-only, so sharing is safe)."""


def _empty() -> np.ndarray:
    return _EMPTY


class _LastCount:
    """The release column counted last (kept alive here: columns are read-only, so the same
    object always has the same count) and its count."""

    __slots__ = ("column", "count")

    def __init__(self) -> None:
        self.column: np.ndarray | None = None
        self.count = 0


_LAST_COUNT = _LastCount()


@frozen
class Song:
    """One row of the table, for display."""

    id: int
    project_id: int
    title: str
    artist_id: str
    quality: int
    recorded_month: int
    release_month: int
    initial_streams: int
    total_streams: int
    total_revenue: int
    last_streams: int
    last_revenue: int

    @property
    def released(self) -> bool:
        return self.release_month > 0


@frozen(eq=False)
class SongTable:
    """Columns of equal length; ``titles`` and ``artist_ids`` are tuples of str."""

    id: np.ndarray = field(default_factory=_empty)
    project_id: np.ndarray = field(default_factory=_empty)
    quality: np.ndarray = field(default_factory=_empty)
    recorded_month: np.ndarray = field(default_factory=_empty)
    release_month: np.ndarray = field(default_factory=_empty)
    initial_streams: np.ndarray = field(default_factory=_empty)
    total_streams: np.ndarray = field(default_factory=_empty)
    total_revenue: np.ndarray = field(default_factory=_empty)
    last_streams: np.ndarray = field(default_factory=_empty)
    last_revenue: np.ndarray = field(default_factory=_empty)
    titles: tuple[str, ...] = ()
    artist_ids: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.titles)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SongTable):
            return NotImplemented
        return (
            self.titles == other.titles
            and self.artist_ids == other.artist_ids
            and all(np.array_equal(getattr(self, c), getattr(other, c)) for c in INT_COLUMNS)
        )

    def __hash__(self) -> int:
        return hash((self.titles, int(self.total_revenue.sum())))

    @classmethod
    def from_columns(cls, columns: dict[str, Sequence[int]], titles: Sequence[str],
                     artist_ids: Sequence[str]) -> SongTable:
        """Build a table from plain lists (used by storage and deserialisation)."""
        return cls(**{c: _frozen(columns[c]) for c in INT_COLUMNS},
                   titles=tuple(titles), artist_ids=tuple(artist_ids))

    def columns(self) -> dict[str, np.ndarray]:
        """The integer columns by name."""
        return {c: getattr(self, c) for c in INT_COLUMNS}

    def replace(self, **arrays: np.ndarray) -> SongTable:
        """A copy with some integer columns replaced (made read-only)."""
        return evolve(self, **{name: _frozen(arr) for name, arr in arrays.items()})

    def append(self, rows: Sequence[Song]) -> SongTable:
        """A copy with new rows at the end."""
        if not rows:
            return self
        return self.append_columns({c: [getattr(r, c) for r in rows] for c in INT_COLUMNS},
                                   [r.title for r in rows], [r.artist_id for r in rows])

    def append_columns(self, columns: dict[str, Sequence[int]], titles: Sequence[str],
                       artist_ids: Sequence[str]) -> SongTable:
        """A copy with new rows at the end, given column by column (every column)."""
        if not titles:
            return self
        new = np.array([columns[c] for c in INT_COLUMNS], dtype=np.int64)  # one conversion
        # one join of every column: each new column is a row of the joined, read-only array
        joined = np.concatenate(([getattr(self, c) for c in INT_COLUMNS], new), axis=1)
        joined.setflags(write=False)
        values: dict[str, object] = dict(zip(INT_COLUMNS, joined, strict=True))
        values["titles"] = self.titles + tuple(titles)
        values["artist_ids"] = self.artist_ids + tuple(artist_ids)
        return SongTable(**values)  # type: ignore[arg-type]

    def row(self, i: int) -> Song:
        """Row ``i`` as a ``Song``."""
        return Song(title=self.titles[i], artist_id=self.artist_ids[i],
                    **{c: int(getattr(self, c)[i]) for c in INT_COLUMNS})

    def rows(self, indices: Sequence[int] | np.ndarray | None = None) -> Iterator[Song]:
        """Rows as ``Song`` objects (all, or the given indices)."""
        idx = range(len(self)) if indices is None else indices
        for i in idx:
            yield self.row(int(i))

    @property
    def released_mask(self) -> np.ndarray:
        return self.release_month > 0

    @property
    def released_count(self) -> int:
        """How many songs are released (``release_month`` is never negative; the count of the
        last column asked about is remembered: the planner and the rules ask often)."""
        column = self.release_month
        if _LAST_COUNT.column is not column:
            _LAST_COUNT.column, _LAST_COUNT.count = column, int(np.count_nonzero(column))
        return _LAST_COUNT.count

    def of_project(self, project_id: int) -> np.ndarray:
        """Indices of a project's songs, in recording order."""
        return np.flatnonzero(self.project_id == project_id)
