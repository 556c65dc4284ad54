"""Compact encodings: compressed JSON blobs and versioned GameState snapshots.

Snapshot layout (format 2)::

    b"LMSNAP" | format (1 byte) | flags (1 byte) | header size, strings size, song count
    (3 x uint32 LE) | header | strings | song columns

``header`` is zlib-compressed JSON of ``state_to_dict`` without the songs, its ledger as
columns (``{"month": [...], "category": [...], ...}``, much faster to write); ``strings`` is
zlib-compressed UTF-8 of the song titles and artist ids (``\\x1f`` between items, ``\\x1e``
between the two lists); the song columns are the ``INT_COLUMNS`` in order as little-endian
int32 (flag bit 1) or int64, zlib-compressed when flag bit 0 is set. Autosaves skip that
last compression (it is most of the cost of a large catalogue); manual saves use it.

Format 1 (still read) was ``b"LMSNAP" | 1 | zlib(header size (uint32 LE), JSON header with the
song strings, int64 song columns)``.
"""

from __future__ import annotations

import json
import struct
import zlib
from dataclasses import replace
from typing import Any

import numpy as np

from labelmgr.engine import GameState, SongTable, state_from_dict, state_to_dict
from labelmgr.engine.songs import INT_COLUMNS
from labelmgr.errors import LabelError

MAGIC = b"LMSNAP"
SNAPSHOT_FORMAT = 2
"""Version of the snapshot layout; bump it (and keep reading the old one) when it changes."""
_COMPRESSED = 1
_INT32 = 2
_SIZES = struct.Struct("<III")
_I32 = np.iinfo(np.int32)


def pack(obj: Any) -> bytes:
    """Compressed compact JSON."""
    return zlib.compress(json.dumps(obj, separators=(",", ":")).encode("utf-8"), 1)


def unpack(blob: bytes) -> Any:
    """The object ``pack`` was given; ``SAVE_CORRUPT`` when the blob is damaged."""
    try:
        return json.loads(zlib.decompress(blob).decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, ValueError) as exc:
        raise LabelError("SAVE_CORRUPT", f"Stored game data is damaged ({exc})") from exc


LEDGER_FIELDS: tuple[str, ...] = ("month", "category", "amount", "source", "text")


def state_parts(state: GameState) -> dict[str, Any]:
    """``state_to_dict`` without the songs and the ledger (they are encoded apart)."""
    return state_to_dict(replace(state, songs=SongTable(), ledger=()))


def encode_snapshot(state: GameState, *, compress: bool = True,
                    parts: dict[str, Any] | None = None) -> bytes:
    """The whole state as a versioned snapshot (song columns compressed if ``compress``).

    ``parts`` is ``state_parts(state)`` when the caller has it already.
    """
    songs = state.songs
    d = dict(parts if parts is not None else state_parts(state))
    ledger = state.ledger
    d["ledger"] = {f: [getattr(e, f) for e in ledger] for f in LEDGER_FIELDS}
    header = pack(d)
    texts = "\x1f".join(songs.titles) + "\x1e" + "\x1f".join(songs.artist_ids)
    if texts.count("\x1f") != max(len(songs) - 1, 0) * 2 or texts.count("\x1e") != 1:
        raise LabelError("SAVE_FORMAT", "A song title holds a control character")
    strings = zlib.compress(texts.encode("utf-8"), 1)
    flags = _COMPRESSED if compress else 0
    cols = np.stack([getattr(songs, c) for c in INT_COLUMNS]) if len(songs) else np.zeros(0)
    if len(songs) == 0 or (cols.min() >= _I32.min and cols.max() <= _I32.max):
        flags |= _INT32
        data = cols.astype("<i4").tobytes()
    else:
        data = cols.astype("<i8").tobytes()
    if compress:
        data = zlib.compress(data, 1)
    return b"".join((MAGIC, bytes([SNAPSHOT_FORMAT, flags]),
                     _SIZES.pack(len(header), len(strings), len(songs)), header, strings, data))


def decode_snapshot(blob: bytes) -> GameState:
    """Rebuild the state; ``SAVE_CORRUPT`` / ``SAVE_FORMAT`` when it cannot be read."""
    if not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + 2 + _SIZES.size:
        raise LabelError("SAVE_CORRUPT", "This save is not a labelmgr snapshot")
    version, flags = blob[len(MAGIC)], blob[len(MAGIC) + 1]
    if version == 1:
        return _decode_v1(blob[len(MAGIC) + 1:])
    if version != SNAPSHOT_FORMAT:
        raise LabelError("SAVE_FORMAT", f"This save uses snapshot format {version}, which this "
                         f"version of labelmgr cannot read")
    try:
        start = len(MAGIC) + 2
        h_len, s_len, n = _SIZES.unpack_from(blob, start)
        start += _SIZES.size
        d = unpack(blob[start:start + h_len])
        texts = zlib.decompress(blob[start + h_len:start + h_len + s_len]).decode("utf-8")
        data = blob[start + h_len + s_len:]
        if flags & _COMPRESSED:
            data = zlib.decompress(data)
        cols = np.frombuffer(data, dtype="<i4" if flags & _INT32 else "<i8")
        cols = cols.reshape(len(INT_COLUMNS), n) if n else np.zeros((len(INT_COLUMNS), 0))
        titles, artists = texts.split("\x1e")
        columns = d["ledger"]
        d["ledger"] = [dict(zip(LEDGER_FIELDS, row, strict=True))
                       for row in zip(*(columns[f] for f in LEDGER_FIELDS), strict=True)]
    except (zlib.error, struct.error, UnicodeDecodeError, ValueError, KeyError,
            TypeError) as exc:
        raise LabelError("SAVE_CORRUPT", f"This save is damaged ({exc})") from exc
    d["songs"] = {c: cols[i].tolist() for i, c in enumerate(INT_COLUMNS)}
    d["songs"]["titles"] = titles.split("\x1f") if n else []
    d["songs"]["artist_ids"] = artists.split("\x1f") if n else []
    return state_from_dict(d)


def _decode_v1(data: bytes) -> GameState:
    try:
        body = zlib.decompress(data)
        (size,) = struct.unpack_from("<I", body)
        d = json.loads(body[4:4 + size].decode("utf-8"))
        meta = d["songs"]
        n = int(meta["n"])
        cols = np.frombuffer(body[4 + size:], dtype="<i8")
        cols = cols.reshape(len(INT_COLUMNS), n) if n else np.zeros((len(INT_COLUMNS), 0))
    except (zlib.error, struct.error, UnicodeDecodeError, ValueError, KeyError,
            TypeError) as exc:
        raise LabelError("SAVE_CORRUPT", f"This save is damaged ({exc})") from exc
    d["songs"] = {c: cols[i].tolist() for i, c in enumerate(INT_COLUMNS)}
    d["songs"]["titles"] = meta["titles"]
    d["songs"]["artist_ids"] = meta["artist_ids"]
    return state_from_dict(d)
