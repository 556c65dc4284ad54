"""Running ``python -m labelmgr`` as a player would, with its files in a temporary folder.

``run`` forks each command from a warm parent (``cli_zygote.py``); ``run(..., fresh=True)``
starts a whole new interpreter instead (a few cases per kind prove the two agree).

File permissions mean nothing to root, so when the tests run as root (containers), the
command runs as the unprivileged ``nobody`` user (forked children drop to it; a fresh
interpreter starts through ``setpriv``) and its folder is handed to it; elsewhere (CI) it
runs as the current user.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOBODY = 65534
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
SETPRIV = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
TIMEOUT = 120.0


def hand_over(*paths: Path) -> None:
    """Give files and folders (recursively) to the user the command runs as."""
    if not AS_ROOT:
        return
    for top in paths:
        for path in [top, *top.rglob("*")] if top.is_dir() else [top]:
            os.chown(path, NOBODY, NOBODY, follow_symlinks=False)


class _Zygote:
    """The warm parent, started on first use and killed when the tests end."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="labelmgr-zygote-"))
        self.folder.chmod(0o755)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.robustness.cli_zygote"], cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)}, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True)
        atexit.register(self.close)
        assert self._line() == "ready"

    def _line(self) -> str:
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], TIMEOUT)
        assert ready, "the labelmgr command did not finish in time"
        return self.proc.stdout.readline().strip()

    def run(self, args: Sequence[str], env: dict[str, str], cwd: Path,
            stdin: str) -> subprocess.CompletedProcess[str]:
        names = {k: self.folder / k for k in ("stdin", "out", "err")}
        names["stdin"].write_text(stdin, encoding="utf-8")
        req = {"args": list(args), "env": env, "cwd": str(cwd), "nobody": AS_ROOT,
               **{k: str(v) for k, v in names.items()}}
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(req) + "\n")
        self.proc.stdin.flush()
        status = json.loads(self._line())["status"]
        read = {k: names[k].read_text(encoding="utf-8", errors="replace")
                for k in ("out", "err")}
        return subprocess.CompletedProcess(["labelmgr", *args], status, read["out"],
                                           read["err"])

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=30)
        shutil.rmtree(self.folder, ignore_errors=True)


_zygote: _Zygote | None = None


def run(args: Sequence[str], home: Path, *, stdin: str = "", env: dict[str, str] | None = None,
        fresh: bool = False) -> subprocess.CompletedProcess[str]:
    """``python -m labelmgr ARGS`` with ``LABELMGR_DB``/``LABELMGR_CONFIG_DIR`` under ``home``."""
    global _zygote
    full_env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "HOME": str(home),
                "LABELMGR_DB": str(home / "data" / "labelmgr.db"),
                "LABELMGR_CONFIG_DIR": str(home / "config"),
                "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver",
                **(env or {})}
    if fresh:
        return subprocess.run([*(SETPRIV if AS_ROOT else []), sys.executable, "-m", "labelmgr", *args], cwd=home,
                              env=full_env, input=stdin, capture_output=True, text=True,
                              timeout=TIMEOUT)
    if _zygote is None:
        _zygote = _Zygote()
    return _zygote.run(args, full_env, home, stdin)


def assert_refused(result: subprocess.CompletedProcess[str], *phrases: str) -> str:
    """A non-zero exit with a clear message holding ``phrases`` on stderr, no traceback."""
    out = result.stdout + result.stderr
    assert result.returncode not in (0, None), out
    assert "Traceback" not in out, out
    message = result.stderr.strip()
    assert message, out
    for phrase in phrases:
        assert phrase in message, (phrase, message)
    return message


def file_hashes(folder: Path) -> dict[str, tuple[int, int, str]]:
    """Size, modification time and SHA-256 (when readable) of every file under ``folder``:
    equal before and after means nothing was written."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            st = path.stat()
            digest = (hashlib.sha256(path.read_bytes()).hexdigest()
                      if os.access(path, os.R_OK) else "unreadable")
            found[str(path.relative_to(folder))] = (st.st_size, st.st_mtime_ns, digest)
    return found
