"""Bad input catalogue, part 2: content folders, one per kind of error, at the CLI and at
game start (``tests/content/test_loader.py`` covers the loader's messages in detail).

``labelmgr content check DIR`` must list the problem with its place and exit 1; starting the
game on that folder must refuse with the same problem before any database is created.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from labelmgr.content import default_content_dir
from labelmgr.errors import LabelError
from labelmgr.tui.run import open_game_service
from tests.robustness.cli import assert_refused, hand_over, run


def _edit(name: str, change: Callable[[Any], None]) -> Callable[[Path], None]:
    def spoil(folder: Path) -> None:
        data = json.loads((folder / name).read_text(encoding="utf-8"))
        change(data)
        (folder / name).write_text(json.dumps(data), encoding="utf-8")
    return spoil


def _write(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_bytes(data)


def _replace_with_folder(folder: Path) -> None:
    (folder / "events.json").unlink()
    (folder / "events.json").mkdir()


def _first_choice(data: Any) -> Any:
    return data["roles"][0]["meetings"][0]["choices"][0]


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "missing file": (lambda f: (f / "events.json").unlink(),
                     "events.json: file not found"),
    "content file is a folder": (_replace_with_folder, "events.json: cannot read"),
    "empty file": (_write("roles.json", b""), "roles.json: line 1 column 1: invalid JSON"),
    "invalid JSON": (_write("artists.json", b'{"artists": [}'),
                     "artists.json: line 1 column 14: invalid JSON"),
    "truncated JSON": (lambda f: (f / "balance.json").write_text(
        (f / "balance.json").read_text()[:500]), "balance.json: line"),
    "not UTF-8": (_write("dialogue.json", b"\xff\xfe{}"), "dialogue.json: cannot read"),
    "nested too deeply": (_write("events.json", b"[" * 100_000 + b"]" * 100_000),
                          "events.json: invalid JSON: nested too deeply"),
    "wrong shape": (_write("events.json", b"[]"),
                    "events.json: $: Input should be a valid dictionary"),
    "unknown key": (_edit("artists.json", lambda d: d["artists"][0].update(fame=3)),
                    "artists.json: $.artists[0].fame: unknown key"),
    "unknown effect key": (
        _edit("roles.json", lambda d: _first_choice(d)["effects_immediate"].update(luck=1)),
        "roles.json: $.roles[0].meetings[0].choices[0].effects_immediate.luck: "
        "unknown effect key"),
    "wrong type": (_edit("artists.json", lambda d: d["artists"][0].update(talent="high")),
                   "artists.json: $.artists[0].talent: Input should be a valid integer"),
    "negative number": (
        _edit("balance.json", lambda d: d["difficulties"]["normal"].update(starting_money=-5)),
        "balance.json: $.difficulties.normal.starting_money: Input should be greater than 0"),
    "huge number": (
        _edit("balance.json",
              lambda d: d["difficulties"]["normal"].update(starting_money=10**40)),
        "balance.json: $.difficulties.normal.starting_money: Input should be less than or "
        "equal to 1000000000000"),
    "missing key": (_edit("events.json", lambda d: d["events"][0].pop("title")),
                    "events.json: $.events[0].title: missing required key"),
    "empty list": (_edit("artists.json", lambda d: d.update(artists=[])),
                   "artists.json: $.artists: Tuple should have at least 1 item"),
    "no difficulty": (_edit("balance.json", lambda d: d.update(difficulties={})),
                      "balance.json: $.difficulties: Dictionary should have at least 1 item"),
    "duplicate id": (_edit("artists.json", lambda d: d["artists"].append(d["artists"][0])),
                     "duplicate id"),
    "dangling reference": (
        _edit("balance.json",
              lambda d: d["difficulties"]["normal"].update(starting_artist="ghost")),
        "balance.json: $.difficulties.normal.starting_artist: unknown artist 'ghost'"),
}


@pytest.fixture(autouse=True)
def content_copy(home: Path) -> Path:
    return Path(shutil.copytree(default_content_dir(), home / "content"))


@pytest.mark.parametrize("case", sorted(CASES))
def test_content_check_lists_the_problem(home: Path, case: str):
    spoil, problem = CASES[case]
    spoil(home / "content")
    hand_over(home)
    result = run(["content", "check", str(home / "content")], home)
    assert result.returncode == 1
    message = assert_refused(result, problem)
    assert message.splitlines()[-1].endswith("problem(s) found")


@pytest.mark.parametrize("case", sorted(CASES))
def test_game_start_refuses_bad_content_before_touching_the_database(
        home: Path, case: str, monkeypatch: pytest.MonkeyPatch):
    spoil, problem = CASES[case]
    spoil(home / "content")
    monkeypatch.setenv("LABELMGR_DB", str(home / "data" / "labelmgr.db"))
    with pytest.raises(LabelError) as err:
        open_game_service(None, str(home / "content"))
    assert err.value.code == "CONTENT_INVALID" and problem in err.value.message
    assert not (home / "data").exists()


@pytest.mark.parametrize("where", ["missing", "a file"])
def test_not_a_content_folder(home: Path, where: str):
    target = home / "nowhere" if where == "missing" else home / "content" / "balance.json"
    hand_over(home)
    assert_refused(run(["content", "check", str(target)], home),
                   f"{target}: not a content folder")


def test_unreadable_content_file(home: Path):
    (home / "content" / "roles.json").chmod(0)
    hand_over(home)
    assert_refused(run(["content", "check", str(home / "content")], home),
                   "roles.json: cannot read: [Errno 13] Permission denied")


@pytest.mark.parametrize("case", ["dangling reference", "nested too deeply"])
def test_the_game_refuses_to_start_on_bad_content(home: Path, case: str):
    """``labelmgr --content DIR``: the problem on stderr, exit 1, no database created."""
    spoil, problem = CASES[case]
    spoil(home / "content")
    hand_over(home)
    result = run(["--content", str(home / "content")], home, fresh=True)
    assert result.returncode == 1
    assert_refused(result, "labelmgr: 1 problem(s) in content:", problem)
    assert not (home / "data").exists()


def test_content_folder_behind_a_closed_folder(home: Path):
    closed = home / "closed"
    closed.mkdir()
    (home / "content").rename(closed / "content")
    hand_over(home)
    closed.chmod(0)
    try:
        assert_refused(run(["content", "check", str(closed / "content")], home),
                       f"{closed / 'content'}: not a content folder (Permission denied)")
    finally:
        closed.chmod(0o700)
