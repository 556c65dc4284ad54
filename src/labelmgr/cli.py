"""The ``labelmgr`` command: argument parsing only; the work lives in the layers.

No argument opens the game; subcommands: ``sim``, ``content check``, ``users``, ``saves``,
``doctor``. A ``LabelError`` is printed as one clear message with a non-zero exit. Plain
``labelmgr`` opens the game without building the parser (importing ``argparse`` is ~1.5 ms of
the time to the first screen).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from labelmgr.errors import LabelError

if TYPE_CHECKING:
    import argparse


def _content_check(args: argparse.Namespace) -> int:
    from labelmgr.content import check_content

    content, problems = check_content(args.dir if args.dir is not None else args.content)
    if content is None:
        for line in problems:
            print(line, file=sys.stderr)
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return 1
    print(f"content ok: {content.summary()}")
    return 0


def _play(args: argparse.Namespace) -> int:
    if args.seed is not None:  # a bad code is refused here, not after the game has opened
        from labelmgr.engine.seedcode import parse_seed_code
        from labelmgr.wording import shown

        try:
            parse_seed_code(args.seed)
        except LabelError as exc:
            raise LabelError(exc.code, f"--seed {shown(args.seed)}: {exc.message}") from exc
    from labelmgr.tui.run import run_game

    return run_game(args.db, args.content, args.seed)


def _sim(args: argparse.Namespace) -> int:
    from labelmgr.sim.command import run_sim

    return run_sim(args)


def _service(name: str) -> Callable[[argparse.Namespace], int]:
    def handler(args: argparse.Namespace) -> int:
        from labelmgr.service import commands

        result: int = getattr(commands, name)(args)
        return result
    return handler


_SEED_FOR_THE_GAME = "--seed CODE pre-fills a new game: it goes with 'labelmgr' alone"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``labelmgr``."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="labelmgr", description="Run a young record label, month by month.")
    parser.add_argument("--db", metavar="PATH",
                        help="the database file (default: the user data folder, or $LABELMGR_DB)")
    parser.add_argument("--seed", metavar="CODE", help="pre-fill New game with this seed code")
    parser.add_argument("--content", metavar="DIR", help="play with another content folder")
    parser.set_defaults(handler=_play)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    # the commands that open the database take --db after their name too (``labelmgr doctor
    # --db FILE``); SUPPRESS keeps a --db given before the name when none is given after
    on_db = argparse.ArgumentParser(add_help=False)
    on_db.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                       help="the database file (default: the user data folder, or "
                       "$LABELMGR_DB)")

    sim = sub.add_parser("sim", help="play many seeded campaigns headless and report")
    sim.add_argument("--campaigns", type=int, default=200, metavar="N",
                     help="campaigns per policy, 1 to 100,000 (default 200)")
    sim.add_argument("--policy", default="all",
                     help="idle, random, greedy, balanced, or all (default)")
    sim.add_argument("--seed", type=int, default=1, dest="sim_seed", metavar="S",
                     help="campaign i uses seed S + i (default 1)")
    sim.add_argument("--difficulty", default="normal", help="easy, normal (default) or hard")
    sim.add_argument("--workers", type=int, default=1, metavar="N",
                     help="processes to spread campaigns over (default 1; results never "
                     "depend on it)")
    sim.add_argument("--json", action="store_true", help="print JSON instead of tables")
    sim.add_argument("--csv", metavar="FILE", help="also write one row per campaign to FILE")
    # SUPPRESS: a --content before ``sim`` stays when none follows it (as --db above)
    sim.add_argument("--content", metavar="DIR", default=argparse.SUPPRESS,
                     help="simulate another content folder")
    sim.set_defaults(handler=_sim)

    content = sub.add_parser("content", help="content tools")
    csub = content.add_subparsers(title="content commands", metavar="ACTION", required=True)
    check = csub.add_parser("check", help="validate a content folder")
    check.add_argument("dir", nargs="?", default=None, help="folder (default: shipped content)")
    check.set_defaults(handler=_content_check)

    users = sub.add_parser("users", help="manage player profiles")
    usub = users.add_subparsers(title="users commands", metavar="ACTION", required=True)
    add = usub.add_parser("add", help="register a profile", parents=[on_db])
    add.add_argument("name")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from standard input")
    add.set_defaults(handler=_service("users_add"))
    lst = usub.add_parser("list", help="list profiles", parents=[on_db])
    lst.set_defaults(handler=_service("users_list"))

    saves = sub.add_parser("saves", help="export and import games")
    ssub = saves.add_subparsers(title="saves commands", metavar="ACTION", required=True)
    exp = ssub.add_parser("export", help="write a game to a JSON file", parents=[on_db])
    exp.add_argument("game_id", type=int)
    exp.add_argument("--user", required=True)
    exp.add_argument("-o", "--output", required=True, metavar="FILE")
    exp.add_argument("--password-stdin", action="store_true")
    exp.set_defaults(handler=_service("saves_export"))
    imp = ssub.add_parser("import", help="read a game from a JSON file", parents=[on_db])
    imp.add_argument("file")
    imp.add_argument("--user", required=True)
    imp.add_argument("--password-stdin", action="store_true")
    imp.set_defaults(handler=_service("saves_import"))

    doctor = sub.add_parser("doctor", help="check paths, database and content", parents=[on_db])
    doctor.set_defaults(handler=_service("doctor"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    try:
        if not arguments:  # the game, as ``_play`` with every option left out
            from labelmgr.tui.run import run_game

            return run_game()
        args = build_parser().parse_args(arguments)
        if args.db is not None and not args.db.strip():
            raise LabelError("VAL_DB", "--db needs a file name")
        if args.seed is not None and args.handler is not _play:
            raise LabelError("VAL_SEED", _SEED_FOR_THE_GAME + (
                " (sim's own --seed S, the first campaign's seed, goes after 'sim')"
                if args.handler is _sim else ""))
        code: int = args.handler(args)
        return code
    except LabelError as exc:
        print(f"labelmgr: {exc.message}", file=sys.stderr)
        return 2 if exc.code.startswith("VAL_") else 1
    except KeyboardInterrupt:  # Ctrl-C outside the game (the game takes its own keys)
        print("\nlabelmgr: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader of the output went away (``labelmgr sim --json | head``)
        _silence_stdout()
        return 1


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's last flush does
    not fail again on the closed pipe (as Python's documentation on SIGPIPE advises)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor behind it (a test's capture)
        pass
