"""The ``labelmgr users``, ``saves`` and ``doctor`` commands: each takes the parsed arguments
and returns the exit code (``cli.py`` prints any ``LabelError`` as one line)."""

from __future__ import annotations

import argparse
import getpass
import sys
import warnings
from pathlib import Path

from labelmgr.errors import LabelError
from labelmgr.service.game_service import GameService
from labelmgr.service.opening import open_service
from labelmgr.service.paths import default_config_dir, default_db_path


def _open(args: argparse.Namespace) -> GameService:
    from labelmgr.content import load_content

    folder = getattr(args, "content", None)
    content = load_content(folder) if folder else None
    service = open_service(getattr(args, "db", None), content=content)
    notice = service.take_notice()
    if notice:
        print(f"labelmgr: {notice}", file=sys.stderr)
    return service


def read_password(args: argparse.Namespace, *, confirm: bool = False) -> str:
    """The password from stdin (``--password-stdin``, one line) or a hidden prompt."""
    if args.password_stdin:
        line = sys.stdin.readline()
        if not line:
            raise LabelError("VAL_PASSWORD", "No password on standard input")
        return line.rstrip("\r\n")
    try:
        with warnings.catch_warnings():  # no terminal: getpass says so once, in plain words
            warnings.simplefilter("ignore", getpass.GetPassWarning)
            password = getpass.getpass("Password: ")
            if confirm and getpass.getpass("Password again: ") != password:
                raise LabelError("VAL_PASSWORD", "The two passwords differ")
    except EOFError as e:
        raise LabelError("VAL_PASSWORD", "No password was typed (the input ended); pipe one "
                         "with --password-stdin") from e
    return password


def users_add(args: argparse.Namespace) -> int:
    """``labelmgr users add NAME``: register a profile."""
    service = _open(args)
    try:
        user = service.register(args.name, read_password(args, confirm=True))
        print(f"Profile {user.username} created")
    finally:
        service.close()
    return 0


def users_list(args: argparse.Namespace) -> int:
    """``labelmgr users list``: every profile and its number of games."""
    service = _open(args)
    try:
        users = service.list_users()
    finally:
        service.close()
    if not users:
        print("No profiles yet: create one with `labelmgr users add NAME`")
    for name, games in users:
        print(f"{name}\t{games} game{'s' if games != 1 else ''}")
    return 0


def saves_export(args: argparse.Namespace) -> int:
    """``labelmgr saves export GAME_ID --user NAME -o FILE``."""
    service = _open(args)
    try:
        service.login(args.user, read_password(args))
        service.export_game(args.game_id, args.output)
        print(f"Game {args.game_id} exported to {args.output}")
    finally:
        service.close()
    return 0


def saves_import(args: argparse.Namespace) -> int:
    """``labelmgr saves import FILE --user NAME``: a new game of that profile."""
    service = _open(args)
    try:
        service.login(args.user, read_password(args))
        game = service.import_game(args.file)
        print(f"Imported “{game.label_name}” as game {game.id} (month {game.month})")
    finally:
        service.close()
    return 0


def doctor(args: argparse.Namespace) -> int:
    """``labelmgr doctor``: paths, schema, integrity, content, counts; 1 if anything is off."""
    from labelmgr.content import check_content
    from labelmgr.storage.health import inspect_database
    from labelmgr.storage.migrations import SCHEMA_VERSION

    db_path = Path(args.db).expanduser() if getattr(args, "db", None) else default_db_path()
    print(f"database:      {db_path}")
    print(f"config folder: {default_config_dir()}")
    health = inspect_database(db_path.absolute())
    ok = True
    if not health.exists:
        print("  not created yet (it is created when labelmgr first starts)")
    else:
        print(f"  size:        {health.size:,} bytes")
        if health.version == 0 and not health.problems:
            print("  schema:      none yet (an empty file: labelmgr sets it up as a new "
                  "database when it opens it)")
        elif health.version is None:
            print("  schema:      unknown (the file could not be read)")
        else:
            print(f"  schema:      {health.version} (this labelmgr writes {SCHEMA_VERSION})")
        for table, count in health.counts.items():
            print(f"  {table + ':':12s} {count}")
        for backup in health.backups:
            print(f"  backup:      {backup}")
        if health.problems:
            ok = False
            print("  integrity:   PROBLEMS")
            for problem in health.problems[:20]:
                print(f"    {problem}")
        else:
            print("  integrity:   ok")
        if health.version is None:  # it could not be opened at all
            ok = False
            print("  access:      NONE: labelmgr cannot open it (see the problem above)")
        elif health.readonly:
            ok = False
            print(f"  access:      READ-ONLY ({health.readonly}): healthy for reading, but "
                  "labelmgr cannot save to it and will not open it until it is writable")
        else:
            print("  access:      read and write")
    content, problems = check_content(getattr(args, "content", None))
    if content is None:
        ok = False
        print(f"content: {len(problems)} problem(s)")
        for line in problems:
            print(f"  {line}")
    else:
        print(f"content: ok ({content.summary()}; hash {content.content_hash[:12]})")
    return 0 if ok else 1
