"""The last line of defence: an unexpected error closes the game with a short note, never a
traceback on the player's screen; the traceback goes to a file for a bug report."""

from __future__ import annotations

import tempfile
import time
import traceback
from pathlib import Path


def write_crash_file(error: BaseException, folder: Path | None = None) -> Path | None:
    """Write ``error``'s traceback to a new file; its path, or None if nothing could be written."""
    folder = folder if folder is not None else Path(tempfile.gettempdir())
    stamp = time.strftime("%Y%m%d-%H%M%S")
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    try:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False,
                                         prefix=f"labelmgr-crash-{stamp}-",
                                         suffix=".txt") as fh:
            fh.write(text)
    except OSError:
        return None
    return Path(fh.name)


def crash_note(path: Path | None) -> str:
    """What the player reads after an unexpected error closed the game."""
    where = f"The details are in {path}." if path else "The details could not be saved."
    return ("an unexpected error closed the game. Your game is safe up to the last "
            f"month that resolved (every month is saved as it resolves). {where} "
            "Please include that file when you report the problem.")
