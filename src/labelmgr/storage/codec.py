"""Compact encodings: compressed JSON blobs and versioned GameState snapshots.

A snapshot is ``MAGIC + format byte + zlib(header length, JSON header, song columns)``: the
state as ``state_to_dict`` gives it, except the song table's integer columns, which travel
as one little-endian int64 block (fast to write for a large catalogue).
"""

from __future__ import annotations

import json
import struct
import zlib
from typing import Any

import numpy as np

from labelmgr.engine import GameState, state_from_dict, state_to_dict
from labelmgr.engine.songs import INT_COLUMNS
from labelmgr.errors import LabelError

MAGIC = b"LMSNAP"
SNAPSHOT_FORMAT = 1
"""Version of the snapshot layout; bump it (and keep reading the old one) when it changes."""


def pack(obj: Any) -> bytes:
    """Compressed compact JSON."""
    return zlib.compress(json.dumps(obj, separators=(",", ":")).encode("utf-8"), 1)


def unpack(blob: bytes) -> Any:
    """The object ``pack`` was given; ``SAVE_CORRUPT`` when the blob is damaged."""
    try:
        return json.loads(zlib.decompress(blob).decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, ValueError) as exc:
        raise LabelError("SAVE_CORRUPT", f"Stored game data is damaged ({exc})") from exc


def encode_snapshot(state: GameState) -> bytes:
    """The whole state as a versioned, compressed snapshot."""
    d = state_to_dict(state)
    songs = state.songs
    d["songs"] = {"n": len(songs), "titles": list(songs.titles),
                  "artist_ids": list(songs.artist_ids)}
    header = json.dumps(d, separators=(",", ":")).encode("utf-8")
    cols = np.stack([getattr(songs, c) for c in INT_COLUMNS]) if len(songs) else np.zeros(0)
    body = struct.pack("<I", len(header)) + header + cols.astype("<i8").tobytes()
    return MAGIC + bytes([SNAPSHOT_FORMAT]) + zlib.compress(body, 1)


def decode_snapshot(blob: bytes) -> GameState:
    """Rebuild the state; ``SAVE_CORRUPT`` / ``SAVE_FORMAT`` when it cannot be read."""
    if not blob.startswith(MAGIC) or len(blob) <= len(MAGIC):
        raise LabelError("SAVE_CORRUPT", "This save is not a labelmgr snapshot")
    version = blob[len(MAGIC)]
    if version != SNAPSHOT_FORMAT:
        raise LabelError("SAVE_FORMAT", f"This save uses snapshot format {version}, which this "
                         f"version of labelmgr cannot read")
    try:
        body = zlib.decompress(blob[len(MAGIC) + 1:])
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
