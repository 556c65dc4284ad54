"""The export file: a documented, versioned JSON format that anyone can check and replay.

Layout (``format`` ``"labelmgr-save"``, ``version`` 1)::

    {
      "format": "labelmgr-save",
      "version": 1,
      "exported_at": 1767225600.0,          # Unix seconds
      "game": {"label_name": "...", "difficulty": "normal", "seed": 123,
               "seed_code": "0000-003V", "month": 7},
      "content_hash": "...",                # the content the months were played with
      "actions": [                          # the action log: one entry per resolved month
        {"month": 1, "career": false, "actions": [{"kind": "SignArtist", ...}, ...]}, ...
      ],
      "snapshot": {...},                    # engine.state_to_dict of the game's state
      "sha256": "..."                       # SHA-256 of the canonical form of all the above
    }

The canonical form is the document without ``sha256``, as JSON with sorted keys, no spaces
(``","`` and ``":"`` separators) and UTF-8 text. The game is its seed, content hash and
action log; the snapshot lets an importer confirm its replay (and is a cache of it).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from labelmgr.engine import GameState, seed_code, state_from_dict, state_to_dict
from labelmgr.errors import LabelError
from labelmgr.wording import shown

FORMAT_NAME = "labelmgr-save"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Exported:
    """A checked export: what a replay needs, and the snapshot to compare with."""

    label_name: str
    difficulty: str
    seed: int
    content_hash: str
    log: list[dict[str, Any]]
    snapshot: GameState


def canonical(doc: dict[str, Any]) -> bytes:
    """The canonical bytes of a document (its ``sha256`` field left out)."""
    body = {k: v for k, v in doc.items() if k != "sha256"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def build(state: GameState, log: list[dict[str, Any]], content_hash: str,
          exported_at: float) -> dict[str, Any]:
    """The export document of a game, with its digest."""
    doc: dict[str, Any] = {
        "format": FORMAT_NAME, "version": FORMAT_VERSION, "exported_at": exported_at,
        "game": {"label_name": state.label_name, "difficulty": state.difficulty,
                 "seed": state.seed, "seed_code": seed_code(state.seed), "month": state.month},
        "content_hash": content_hash, "actions": log, "snapshot": state_to_dict(state)}
    doc["sha256"] = hashlib.sha256(canonical(doc)).hexdigest()
    return doc


def write(path: str | os.PathLike[str], doc: dict[str, Any]) -> None:
    """Write the document atomically (a temporary file renamed over the target)."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, target)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise LabelError("SAVE_EXPORT", f"Cannot write {target}: {e.strerror}") from e


def read(path: str | os.PathLike[str]) -> Exported:
    """Read and check an export file (format, version, digest, structure).

    Raises:
        LabelError: ``SAVE_IMPORT_*`` naming the file and what is wrong with it.
    """
    source = Path(path)
    try:
        if source.stat().st_size > MAX_FILE_BYTES:
            raise _bad(source, "it is far too large to be a labelmgr export")
        raw = source.read_bytes()
    except OSError as e:
        raise LabelError("SAVE_IMPORT_READ", f"Cannot read {source}: {e.strerror}") from e
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        raise _bad(source, "it is not valid JSON (truncated or damaged?)") from e
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise LabelError("SAVE_IMPORT_FORMAT", f"{source} is not a labelmgr export")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise LabelError("SAVE_IMPORT_VERSION", f"{source} names its export format "
                         f"{shown(version)}, which is not a format number (this labelmgr "
                         f"reads format {FORMAT_VERSION})")
    if version > FORMAT_VERSION:
        raise LabelError("SAVE_IMPORT_VERSION", f"{source} uses export format {version}, newer "
                         f"than this labelmgr reads (format {FORMAT_VERSION}): update labelmgr "
                         "to import it")
    digest = hashlib.sha256(canonical(doc)).hexdigest()
    if doc.get("sha256") != digest:
        raise LabelError("SAVE_IMPORT_DIGEST", f"{source} was changed or damaged after export "
                         "(its SHA-256 does not match its contents)")
    return _parse(source, doc)


def _parse(source: Path, doc: dict[str, Any]) -> Exported:
    try:
        game = doc["game"]
        log = doc["actions"]
        if not isinstance(log, list) or not all(isinstance(e, dict) for e in log):
            raise TypeError("the action log is not a list of months")
        snapshot = state_from_dict(doc["snapshot"])
        return Exported(str(game["label_name"]), str(game["difficulty"]), int(game["seed"]),
                        str(doc["content_hash"]), log, snapshot)
    except LabelError as e:
        raise _bad(source, e.message) from e
    except (KeyError, TypeError, ValueError) as e:
        raise _bad(source, f"a part is missing or has the wrong type: {e}") from e


def _bad(source: Path, why: str) -> LabelError:
    return LabelError("SAVE_IMPORT_DAMAGED", f"{source} cannot be imported: {why}")
