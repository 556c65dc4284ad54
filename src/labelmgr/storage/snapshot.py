"""Versioned snapshots of a whole GameState (save slots, autosaves).

Layout (format 3)::

    b"LMSNAP" | format (1 byte) | flags (1 byte) | sizes of small, tables, strings and the
    song count (4 x uint32 LE) | small | tables | strings | song columns

``small`` is ``codec.small_blob``; ``tables`` is packed JSON ``{"artists", "projects",
"ledger"}``, each a list of rows in field order; ``strings`` is zlib-compressed UTF-8 of the
song titles and artist ids (``\\x1f`` between items, ``\\x1e`` between the two lists); the
song columns are the ``INT_COLUMNS`` in order as little-endian int32 (flag bit 1) or int64,
zlib-compressed when flag bit 0 is set. Autosaves skip that last compression (most of the
cost of a large catalogue); manual saves use it.

Format 1 (schema-1 databases) stays readable: ``zlib(header size, JSON header with the
song strings, int64 song columns)``. Format 2 only ever existed in development builds.
"""

from __future__ import annotations

import json
import struct
import zlib
from typing import Any

import numpy as np

from labelmgr.engine import GameState, state_from_dict
from labelmgr.engine.songs import INT_COLUMNS, SongTable
from labelmgr.errors import LabelError
from labelmgr.storage.codec import (
    ARTIST_FIELDS,
    LEDGER_FIELDS,
    PROJECT_FIELDS,
    as_dicts,
    as_rows,
    pack,
    small_blob,
    small_from_blob,
    unpack,
)

MAGIC = b"LMSNAP"
SNAPSHOT_FORMAT = 3
"""Version of the layout; bump it (and keep reading the old ones) when it changes."""
_COMPRESSED = 1
_INT32 = 2
_SIZES = struct.Struct("<IIII")
_I32 = np.iinfo(np.int32)
_DAMAGE = (zlib.error, struct.error, UnicodeDecodeError, ValueError, KeyError, TypeError)


def encode_snapshot(state: GameState, *, compress: bool = True,
                    small: bytes | None = None) -> bytes:
    """The state as a snapshot (``small`` is ``small_blob(state)`` if already made)."""
    small = small if small is not None else small_blob(state)
    tables = pack({"artists": as_rows(state.artists, ARTIST_FIELDS),
                   "projects": as_rows(state.projects, PROJECT_FIELDS),
                   "ledger": as_rows(state.ledger, LEDGER_FIELDS)})
    strings, flags, data = _encode_songs(state.songs, compress)
    return b"".join((MAGIC, bytes([SNAPSHOT_FORMAT, flags]),
                     _SIZES.pack(len(small), len(tables), len(strings), len(state.songs)),
                     small, tables, strings, data))


def _encode_songs(songs: SongTable, compress: bool) -> tuple[bytes, int, bytes]:
    texts = "\x1f".join(songs.titles) + "\x1e" + "\x1f".join(songs.artist_ids)
    if texts.count("\x1f") != max(len(songs) - 1, 0) * 2 or texts.count("\x1e") != 1:
        raise LabelError("SAVE_FORMAT", "A song title holds a control character")
    flags = _COMPRESSED if compress else 0
    cols = np.stack([getattr(songs, c) for c in INT_COLUMNS]) if len(songs) else np.zeros(0)
    if len(songs) == 0 or (cols.min() >= _I32.min and cols.max() <= _I32.max):
        flags |= _INT32
        data = cols.astype("<i4").tobytes()
    else:
        data = cols.astype("<i8").tobytes()
    return zlib.compress(texts.encode("utf-8"), 1), flags, (
        zlib.compress(data, 1) if compress else data)


def decode_snapshot(blob: bytes) -> GameState:
    """Rebuild the state; ``SAVE_CORRUPT`` / ``SAVE_FORMAT`` when it cannot be read."""
    if not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + 2:
        raise LabelError("SAVE_CORRUPT", "This save is not a labelmgr snapshot")
    version, flags = blob[len(MAGIC)], blob[len(MAGIC) + 1]
    if version not in (1, SNAPSHOT_FORMAT):
        raise LabelError("SAVE_FORMAT", f"This save uses snapshot format {version}, which this "
                         f"version of labelmgr cannot read")
    try:
        d = _decode_v1(blob[len(MAGIC) + 1:]) if version == 1 else _decode_v3(blob, flags)
    except LabelError:
        raise
    except _DAMAGE as exc:
        raise LabelError("SAVE_CORRUPT", f"This save is damaged ({exc})") from exc
    return state_from_dict(d)


def _decode_v3(blob: bytes, flags: int) -> dict[str, Any]:
    start = len(MAGIC) + 2
    m_len, t_len, s_len, n = _SIZES.unpack_from(blob, start)
    start += _SIZES.size
    d = small_from_blob(blob[start:start + m_len])
    tables = unpack(blob[start + m_len:start + m_len + t_len])
    d["artists"] = as_dicts(tables["artists"], ARTIST_FIELDS)
    d["projects"] = as_dicts(tables["projects"], PROJECT_FIELDS)
    d["ledger"] = as_dicts(tables["ledger"], LEDGER_FIELDS)
    rest = start + m_len + t_len
    d["songs"] = _decode_songs(blob[rest:rest + s_len], blob[rest + s_len:], flags, n)
    return d


def _decode_songs(strings: bytes, data: bytes, flags: int, n: int) -> dict[str, Any]:
    titles, artists = zlib.decompress(strings).decode("utf-8").split("\x1e")
    if flags & _COMPRESSED:
        data = zlib.decompress(data)
    cols = np.frombuffer(data, dtype="<i4" if flags & _INT32 else "<i8")
    cols = cols.reshape(len(INT_COLUMNS), n) if n else np.zeros((len(INT_COLUMNS), 0))
    out: dict[str, Any] = {c: cols[i].tolist() for i, c in enumerate(INT_COLUMNS)}
    out["titles"] = titles.split("\x1f") if n else []
    out["artist_ids"] = artists.split("\x1f") if n else []
    return out


def _decode_v1(data: bytes) -> dict[str, Any]:
    body = zlib.decompress(data)
    (size,) = struct.unpack_from("<I", body)
    d = json.loads(body[4:4 + size].decode("utf-8"))
    meta = d["songs"]
    n = int(meta["n"])
    cols = np.frombuffer(body[4 + size:], dtype="<i8")
    cols = cols.reshape(len(INT_COLUMNS), n) if n else np.zeros((len(INT_COLUMNS), 0))
    d["songs"] = {c: cols[i].tolist() for i, c in enumerate(INT_COLUMNS)}
    d["songs"]["titles"] = meta["titles"]
    d["songs"]["artist_ids"] = meta["artist_ids"]
    return dict(d)
