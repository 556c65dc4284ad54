"""The ``labelmgr`` command's own handling: Ctrl-C, a reader that goes away, where options go."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import labelmgr.service.commands as commands
from labelmgr.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_ctrl_c_in_a_command_says_so(capsys, monkeypatch):
    """Ctrl-C at a prompt (``users add`` asks for a password) ends with a word, not in
    silence on the line of the prompt."""
    def interrupted(_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(commands, "users_list", interrupted)
    assert main(["users", "list"]) == 130
    out = capsys.readouterr()
    assert out.out == "" and out.err == "\nlabelmgr: interrupted\n"


def test_a_reader_that_goes_away_ends_the_command_quietly():
    """``labelmgr sim --json | head -1``: the closed pipe ends the command with exit 1 and
    nothing on stderr (before: a BrokenPipeError traceback)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "labelmgr", "sim", "--campaigns", "2", "--policy", "all",
         "--json"], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the first line
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 1
    assert err == ""


@pytest.mark.parametrize("where", ["before", "after"])
def test_db_goes_before_or_after_the_command(capsys, tmp_path, where):
    """``labelmgr doctor --db FILE`` is how a maintainer types it; it was refused as an
    unrecognized argument (only ``labelmgr --db FILE doctor`` worked)."""
    db = tmp_path / "elsewhere.db"
    args = ["--db", str(db), "doctor"] if where == "before" else ["doctor", "--db", str(db)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"database:      {db}\n") and "not created yet" in out
    assert not db.exists()


@pytest.mark.parametrize("args", [["--db", ""], ["--db", " ", "users", "list"],
                                  ["users", "list", "--db", ""], ["doctor", "--db", ""]])
def test_an_empty_db_name_is_refused(capsys, tmp_path, monkeypatch, args):
    """An empty --db was taken for the current folder ('Cannot read the database /home/me:
    Is a directory'); now the message says what is wrong, and nothing is opened."""
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    out = capsys.readouterr()
    assert out.out == "" and out.err == "labelmgr: --db needs a file name\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("where", ["before", "after"])
def test_sim_takes_content_before_or_after_its_name(capsys, tmp_path, where):
    """``labelmgr --content DIR sim`` simulated the shipped content without a word (sim's own
    --content, left out, put the one given before it back to none)."""
    args = ["sim", "--campaigns", "1", "--policy", "idle", "--json"]
    args = (["--content", str(tmp_path), *args] if where == "before"
            else [*args, "--content", str(tmp_path)])
    assert main(args) == 1
    out = capsys.readouterr()
    assert out.out == "" and f"balance.json: file not found in {tmp_path}" in out.err


def test_content_check_takes_the_content_given_before_it(capsys, tmp_path):
    assert main(["--content", str(tmp_path), "content", "check"]) == 1
    assert f"balance.json: file not found in {tmp_path}" in capsys.readouterr().err


@pytest.mark.parametrize(("args", "hint"), [
    (["sim", "--campaigns", "1"], " (sim's own --seed S, the first campaign's seed, goes "
                                  "after 'sim')"),
    (["doctor"], ""),
    (["content", "check"], ""),
])
def test_a_game_seed_code_with_a_command_is_refused(capsys, args, hint):
    """``labelmgr --seed CODE sim`` ran the campaigns from seed 1 as if no seed were given."""
    assert main(["--seed", "ABCD-EFGH", *args]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err == ("labelmgr: --seed CODE pre-fills a new game: it goes with 'labelmgr' "
                       f"alone{hint}\n")
