"""Bad input catalogue, part 3: export files given to ``labelmgr saves import`` and the
arguments of ``labelmgr saves export`` / ``users add`` (tests/storage/test_transfer.py checks
the service's codes for the main file cases).

Every case: exit status non-zero, one ``labelmgr:`` message naming the file or field, no
traceback, and no game, slot, log or profile row written (only the login's audit entry).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from labelmgr.content import Content
from labelmgr.errors import LabelError
from labelmgr.service import open_service
from labelmgr.storage.exchange import canonical
from tests.robustness import players
from tests.robustness.cli import assert_refused, hand_over, run
from tests.robustness.model import dump

ALICE = players.PASSWORDS["alice"] + "\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, content: Content) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("players")
    return folder, players.build(folder, content)


@pytest.fixture
def db(built: tuple[Path, dict], home: Path) -> Path:
    return players.install(built[0], home)


def _doc(change: Callable[[dict[str, Any]], Any], *, digest: bool) -> Callable[[Path], None]:
    def spoil(path: Path) -> None:
        doc = json.loads(path.read_text(encoding="utf-8"))
        change(doc)
        if digest:
            doc["sha256"] = hashlib.sha256(canonical(doc)).hexdigest()
        path.write_text(json.dumps(doc), encoding="utf-8")
    return spoil


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        *parents, last = key.split(".")
        target = doc
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[last] = value
    return change


def _replace_with_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


SAVE_FILES: dict[str, tuple[Callable[[Path], None], str]] = {
    "truncated": (lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]),
                  "is not valid JSON (truncated or damaged?)"),
    "empty": (lambda p: p.write_bytes(b""), "is not valid JSON"),
    "not JSON": (lambda p: p.write_bytes(os.urandom(2000)), "is not valid JSON"),
    "nested too deeply": (lambda p: p.write_text("[" * 100_000 + "]" * 100_000),
                          "is not valid JSON"),
    "other JSON": (lambda p: p.write_text('{"hello": "world"}'), "is not a labelmgr export"),
    "a list": (lambda p: p.write_text("[1, 2, 3]"), "is not a labelmgr export"),
    "a folder": (_replace_with_folder, ": Is a directory"),
    "missing": (lambda p: p.unlink(), ": No such file or directory"),
    "far too large": (lambda p: os.truncate(p, 300 * 1024 * 1024),
                      "far too large to be a labelmgr export"),
    "newer version": (_doc(_set("version", 9), digest=True),
                      "uses export format 9, newer than this labelmgr reads (format 1): "
                      "update labelmgr to import it"),
    "version zero": (_doc(_set("version", 0), digest=True),
                     "names its export format 0, which is not a format number"),
    "version as text": (_doc(_set("version", "1"), digest=True),
                        "names its export format '1', which is not a format number"),
    "edited money": (_doc(_set("snapshot.money", 10**9), digest=False),
                     "was changed or damaged after export"),
    "edited money, digest redone": (_doc(_set("snapshot.money", 10**9), digest=True),
                                    "its action log does not lead to its saved state"),
    "edited month, digest redone": (_doc(_set("actions.1.month", 7), digest=True),
                                    "skips to month 7"),
    "edited action, digest redone": (
        _doc(_set("actions.0.actions", [{"kind": "sign_artist", "artist_id": "nobody"}]),
             digest=True), "does not replay"),
    "action of the wrong type": (
        _doc(_set("actions.0.actions", [{"kind": "start_project", "project_kind": "single",
                                         "artist_id": "mira_vale", "title": "T",
                                         "song_count": "1"}]), digest=True),
        "does not replay"),
    "snapshot of the wrong type": (_doc(_set("snapshot", []), digest=True),
                                   "cannot be imported: The saved game state is damaged: it "
                                   "is a list, not an object of named fields"),
    "snapshot field of the wrong type": (_doc(_set("snapshot.artists", 5), digest=True),
                                         "The saved game state is damaged: its 'artists' "
                                         "field does not hold what a game state keeps there"),
    "snapshot missing": (_doc(lambda d: d.pop("snapshot"), digest=True),
                         "a part is missing or has the wrong type"),
    "seed too large": (_doc(_set("game.seed", 2**70), digest=True), "does not replay"),
    "label with an escape sequence": (_doc(_set("game.label_name", "\x1b[2J"), digest=True),
                                      "does not replay"),
    "other content": (_doc(_set("content_hash", "0" * 64), digest=True),
                      "was played with other game content"),
}


@pytest.mark.parametrize("case", sorted(SAVE_FILES))
def test_bad_save_file(db: Path, home: Path, case: str, content: Content):
    spoil, phrase = SAVE_FILES[case]
    path = home / "alice.json"
    spoil(path)
    hand_over(home)
    before = players.game_rows(db)
    result = run(["saves", "import", str(path), "--user", "alice", "--password-stdin"], home,
                 stdin=ALICE)
    assert result.returncode == 1
    message = assert_refused(result, "labelmgr: ", str(path), phrase)
    service = open_service(db, content=content, config_dir=home / "config", scrypt_n=2**4)
    service.login("alice", players.PASSWORDS["alice"])
    with pytest.raises(LabelError) as err:
        service.import_game(path)
    service.close()
    assert err.value.family == "SAVE" and f"labelmgr: {err.value.message}" == message
    assert players.game_rows(db) == before


@pytest.mark.parametrize("case", ["truncated", "edited money, digest redone"])
def test_a_fresh_interpreter_says_the_same(db: Path, home: Path, case: str):
    """``python -m labelmgr`` started from scratch behaves as the forked commands do."""
    SAVE_FILES[case][0](home / "alice.json")
    hand_over(home)
    args = ["saves", "import", str(home / "alice.json"), "--user", "alice", "--password-stdin"]
    fresh, forked = run(args, home, stdin=ALICE, fresh=True), run(args, home, stdin=ALICE)
    assert (fresh.returncode, fresh.stdout, fresh.stderr) == (
        forked.returncode, forked.stdout, forked.stderr)
    assert_refused(fresh, SAVE_FILES[case][1])


def test_another_players_export_becomes_a_copy_of_the_importer(db: Path, home: Path,
                                                               built: tuple[Path, dict]):
    """Bob imports Alice's file: a new game of Bob's; Alice's game is untouched."""
    hand_over(home)
    alice_game = [line for line in players.game_rows(db) if "Alice Records" in line]
    result = run(["saves", "import", str(home / "alice.json"), "--user", "bob",
                  "--password-stdin"], home, stdin=players.PASSWORDS["bob"] + "\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Imported “Alice Records” as game 3 (month 4)")
    assert [line for line in players.game_rows(db) if "Alice Records" in line
            and not line.startswith('INSERT INTO "games" VALUES(3,')] == alice_game
    listed = run(["saves", "export", "3", "--user", "alice", "-o", str(home / "x.json"),
                  "--password-stdin"], home, stdin=ALICE)
    assert_refused(listed, "labelmgr: Game 3 belongs to another profile")
    assert not (home / "x.json").exists()


EXPORT_ARGS: dict[str, tuple[list[str], str, int, str]] = {
    "game id not a number": (["abc"], ALICE, 2, "invalid int value: 'abc'"),
    "game id a fraction": (["1.5"], ALICE, 2, "invalid int value: '1.5'"),
    "game id zero": (["0"], ALICE, 1, "labelmgr: There is no game 0"),
    "game id negative": (["-4"], ALICE, 1, "labelmgr: There is no game -4"),
    "game id huge": (["9" * 30], ALICE, 1, f"labelmgr: There is no game {'9' * 30}"),
    "another player's game": (["2"], ALICE, 1, "labelmgr: Game 2 belongs to another profile"),
    "wrong password": (["1"], "not my password\n", 1, "labelmgr: Wrong username or password"),
    "no password": (["1"], "", 2, "labelmgr: No password on standard input"),
}


@pytest.mark.parametrize("case", sorted(EXPORT_ARGS))
def test_bad_export_arguments(db: Path, home: Path, case: str):
    args, stdin, code, phrase = EXPORT_ARGS[case]
    hand_over(home)
    before = players.game_rows(db)
    out = home / "out.json"
    result = run(["saves", "export", *args, "--user", "alice", "-o", str(out),
                  "--password-stdin"], home, stdin=stdin)
    assert result.returncode == code
    assert_refused(result, phrase)
    assert not out.exists() and players.game_rows(db) == before


@pytest.mark.parametrize("where", ["missing folder", "a folder"])
def test_export_to_a_place_that_cannot_be_written(db: Path, home: Path, where: str):
    out = home / "no" / "such" / "x.json" if where == "missing folder" else home / "data"
    hand_over(home)
    before = players.game_rows(db)
    result = run(["saves", "export", "1", "--user", "alice", "-o", str(out),
                  "--password-stdin"], home, stdin=ALICE)
    assert_refused(result, f"labelmgr: Cannot write {out}")
    assert players.game_rows(db) == before
    assert sorted(p.name for p in (home / "data").iterdir()) == ["labelmgr.db"]


USERS_ADD: dict[str, tuple[str, str, int, str]] = {
    "username empty": ("", "a good password\n", 2, "username has 3 to 32 characters"),
    "username too short": ("ab", "a good password\n", 2, "username has 3 to 32 characters"),
    "username too long": ("u" * 33, "a good password\n", 2, "username has 3 to 32"),
    "username with spaces": ("d j", "a good password\n", 2, "letters, digits and _ - ."),
    "username unicode": ("zoë", "a good password\n", 2, "letters, digits and _ - ."),
    "username escape": ("\x1b[31m", "a good password\n", 2, "letters, digits and _ - ."),
    "username taken": ("ALICE", "a good password\n", 1, "The name 'ALICE' is taken"),
    "password empty": ("carol", "\n", 2, "password needs at least 8 characters"),
    "password too short": ("carol", "short\n", 2, "password needs at least 8 characters"),
    "password too long": ("carol", "p" * 1025 + "\n", 2, "password has at most 1024"),
    "no password at all": ("carol", "", 2, "No password on standard input"),
}


@pytest.mark.parametrize("case", sorted(USERS_ADD))
def test_bad_profile_on_the_command_line(db: Path, home: Path, case: str):
    name, stdin, code, phrase = USERS_ADD[case]
    hand_over(home)
    before = dump(db)
    result = run(["users", "add", name, "--password-stdin"], home, stdin=stdin)
    assert result.returncode == code
    assert_refused(result, "labelmgr: ", phrase)
    assert dump(db) == before


def test_password_prompt_without_a_terminal(db: Path, home: Path):
    hand_over(home)
    before = dump(db)
    result = run(["users", "add", "carol"], home, stdin="")
    assert result.returncode == 2
    assert_refused(result, "labelmgr: No password was typed (the input ended)")
    assert dump(db) == before
