"""The wheel carries the content: a non-editable install finds and validates it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_content_and_the_cli_finds_it(tmp_path):
    uv = shutil.which("uv")
    assert uv, "uv is needed to build the wheel (the README installs it)"
    subprocess.run([uv, "build", "--wheel", "--out-dir", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(tmp_path.glob("labelmgr-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for name in ("balance.json", "roles.json", "artists.json", "dialogue.json", "events.json"):
        assert f"labelmgr/_content/{name}" in names
    assert any(n.endswith("entry_points.txt") for n in names)
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    # run the installed package (not the source tree) from an unrelated folder
    out = subprocess.run(
        [sys.executable, "-c",
         "import sys, labelmgr; assert labelmgr.__file__.startswith(sys.argv[1]);"
         "from labelmgr.cli import main; raise SystemExit(main(['content', 'check']))",
         str(site)],
        cwd=tmp_path, env={"PYTHONPATH": str(site), "PATH": ""}, capture_output=True,
        text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("content ok: 8 roles")


def test_content_check_reports_problems_and_exits_1(tmp_path):
    bad = tmp_path / "content"
    shutil.copytree(ROOT / "content", bad)
    (bad / "roles.json").write_text("{}", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "labelmgr", "content", "check", str(bad)],
                         capture_output=True, text=True, check=False)
    assert out.returncode == 1
    assert "roles.json: $.version: missing required key" in out.stderr
