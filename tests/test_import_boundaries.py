"""Layers stay clean (architecture.md): checked in a fresh interpreter and by reading source."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "labelmgr"

FORBIDDEN_IN_ENGINE = ("textual", "rich", "sqlmodel", "sqlalchemy", "sqlite3",
                       "labelmgr.storage", "labelmgr.service", "labelmgr.tui", "labelmgr.sim",
                       "labelmgr.cli")


def _loaded_after_import(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout
    return set(out.split())


def test_engine_loads_no_ui_or_database_module():
    loaded = _loaded_after_import("labelmgr.engine")
    bad = sorted(m for m in loaded
                 if any(m == f or m.startswith(f + ".") for f in FORBIDDEN_IN_ENGINE))
    assert bad == []


def _imports(package: str) -> set[str]:
    names: set[str] = set()
    for path in (SRC / package).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
    return names


def _violations(package: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(n for n in _imports(package)
                  if any(n == f or n.startswith(f + ".") for f in forbidden))


def test_engine_source_imports():
    # numpy loads the stdlib ``random`` itself, so the source check is where it is forbidden
    assert _violations("engine", FORBIDDEN_IN_ENGINE + ("random", "pathlib", "os", "time",
                                                        "datetime", "importlib")) == []


def test_engine_never_opens_files():
    for path in (SRC / "engine").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)
                 and isinstance(n.func, ast.Name) and n.func.id == "open"]
        assert calls == [], path


def test_content_imports_only_pydantic_and_errors():
    assert _violations("content", ("textual", "rich", "sqlmodel", "sqlalchemy", "numpy",
                                   "labelmgr.engine", "labelmgr.storage", "labelmgr.service",
                                   "labelmgr.tui", "labelmgr.sim")) == []


def test_sim_never_imports_storage_or_tui():
    if (SRC / "sim").is_dir():
        assert _violations("sim", ("textual", "sqlmodel", "sqlalchemy", "labelmgr.storage",
                                   "labelmgr.service", "labelmgr.tui")) == []


def test_tui_never_imports_the_database():
    if (SRC / "tui").is_dir():
        assert _violations("tui", ("sqlmodel", "sqlalchemy", "sqlite3",
                                   "labelmgr.storage")) == []


def test_storage_never_imports_the_ui():
    if (SRC / "storage").is_dir():
        assert _violations("storage", ("textual", "labelmgr.tui", "labelmgr.service")) == []


def test_service_never_imports_textual():
    if (SRC / "service").is_dir():
        assert _violations("service", ("textual", "labelmgr.tui")) == []
