"""A warm parent that runs ``python -m labelmgr ARGS`` in a forked child per request.

Each child is its own process, as a player's command is: it gets its own working folder,
environment, standard input and output files, runs the ``labelmgr`` module as ``__main__``
(what ``python -m`` does) and exits with its status; an exception that escaped would print
its traceback and exit 1, as the interpreter does. Forking from a parent that has imported
the heavy libraries once makes a case cost milliseconds instead of a second of start-up.

Protocol (one JSON object a line): the request ``{"args", "env", "cwd", "stdin", "out",
"err", "nobody"}`` on stdin; the reply ``{"status": N}`` on stdout once the child ended.
Textual is not imported here: it reads its driver from the environment when imported.
"""

from __future__ import annotations

import contextlib
import json
import os
import runpy
import sys
import traceback
from typing import Any

NOBODY = 65534


def _child(req: dict[str, Any]) -> None:  # pragma: no cover - runs in the forked child
    code = 1
    try:
        fds = [os.open(req["stdin"], os.O_RDONLY),
               os.open(req["out"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666),
               os.open(req["err"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)]
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
        sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
        if req["nobody"]:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
        os.chdir(req["cwd"])
        os.environ.clear()
        os.environ.update(req["env"])
        sys.argv = ["labelmgr", *req["args"]]
        try:
            runpy.run_module("labelmgr", run_name="__main__", alter_sys=True)
            code = 0
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except BaseException:  # noqa: BLE001 - what the interpreter does with an escaped error
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(BaseException):
                stream.flush()
        os._exit(code)


def main() -> None:
    import labelmgr.cli  # noqa: F401  (warm the imports the children share)
    import labelmgr.content
    import labelmgr.service.commands  # noqa: F401
    import labelmgr.storage  # noqa: F401

    labelmgr.content.load_content()
    print("ready", flush=True)
    for line in sys.stdin:
        req = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _child(req)
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"status": os.waitstatus_to_exitcode(status)}), flush=True)


if __name__ == "__main__":
    main()
