"""Totals of recorded songs, read from the state's song table for display.

These are sums and ranges of values the engine already wrote (streams, revenue, quality);
no rule is applied here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from labelmgr.engine import SongTable


@dataclass(frozen=True, slots=True)
class SongStats:
    """Recorded and released songs of an artist or a project, with their totals."""

    recorded: int
    released: int
    streams: int
    revenue: int
    quality_low: int | None
    quality_high: int | None

    @property
    def quality_text(self) -> str:
        """``58–71``, ``64`` or ``—`` when nothing is recorded."""
        if self.quality_low is None:
            return "\u2014"
        if self.quality_low == self.quality_high:
            return str(self.quality_low)
        return f"{self.quality_low}\u2013{self.quality_high}"


def _stats(songs: SongTable, idx: np.ndarray) -> SongStats:
    if len(idx) == 0:
        return SongStats(0, 0, 0, 0, None, None)
    quality = songs.quality[idx]
    return SongStats(
        recorded=len(idx),
        released=int(np.count_nonzero(songs.release_month[idx] > 0)),
        streams=int(songs.total_streams[idx].sum()),
        revenue=int(songs.total_revenue[idx].sum()),
        quality_low=int(quality.min()),
        quality_high=int(quality.max()),
    )


def project_song_stats(songs: SongTable, project_id: int) -> SongStats:
    """The songs a project has recorded so far."""
    return _stats(songs, songs.of_project(project_id))


def artist_song_stats(songs: SongTable, artist_id: str) -> SongStats:
    """Every song an artist has recorded for the label."""
    if len(songs) == 0:
        return _stats(songs, np.array([], dtype=np.int64))
    idx = np.flatnonzero(np.asarray(songs.artist_ids, dtype=object) == artist_id)
    return _stats(songs, idx)
