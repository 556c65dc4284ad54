"""Running ``python -m labelmgr`` as a player would, with its files in a temporary folder.

File permissions mean nothing to root, so when the tests run as root (containers), the
command runs as the unprivileged ``nobody`` user (through ``setpriv``) and the folder is
handed to it; elsewhere (CI) it runs as the current user.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOBODY = 65534
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
AS_NOBODY = (["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
             if AS_ROOT and shutil.which("setpriv") else [])
PERMISSIONS_APPLY = not AS_ROOT or bool(AS_NOBODY)
"""Whether the command is refused what file permissions refuse (not so for root)."""


def hand_over(*paths: Path) -> None:
    """Give files and folders (recursively) to the user the command runs as."""
    if not AS_NOBODY:
        return
    for top in paths:
        for path in [top, *top.rglob("*")] if top.is_dir() else [top]:
            os.chown(path, NOBODY, NOBODY, follow_symlinks=False)


def run(args: Sequence[str], home: Path, *, stdin: str = "", env: dict[str, str] | None = None,
        timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``python -m labelmgr ARGS`` with ``LABELMGR_DB``/``LABELMGR_CONFIG_DIR`` under ``home``."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "HOME": str(home),
                "LABELMGR_DB": str(home / "data" / "labelmgr.db"),
                "LABELMGR_CONFIG_DIR": str(home / "config"),
                "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver",
                **(env or {})}
    return subprocess.run([*AS_NOBODY, sys.executable, "-m", "labelmgr", *args], cwd=home,
                          env=full_env, input=stdin, capture_output=True, text=True,
                          timeout=timeout)


def assert_refused(result: subprocess.CompletedProcess[str], *phrases: str) -> str:
    """A non-zero exit with a clear ``labelmgr:`` message holding ``phrases``, no traceback."""
    out = result.stdout + result.stderr
    assert result.returncode not in (0, None), out
    assert "Traceback" not in out, out
    message = result.stderr.strip()
    assert message, out
    for phrase in phrases:
        assert phrase in message, (phrase, message)
    return message


def file_hashes(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under ``folder`` (equal before and after = nothing written)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}
