"""Load ``content/*.json``, validate it and say exactly where bad content is.

Every problem is reported as ``file: $.json.path: message``; all problems of a folder
are collected before a ``LabelError`` with code ``CONTENT_INVALID`` is raised.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from labelmgr.content.bundle import Content
from labelmgr.content.models import ArtistsFile, Balance, DialogueFile, EventsFile, RolesFile
from labelmgr.errors import LabelError

FILES: dict[str, type] = {
    "balance.json": Balance,
    "roles.json": RolesFile,
    "artists.json": ArtistsFile,
    "dialogue.json": DialogueFile,
    "events.json": EventsFile,
}
"""Every content file and the model it must match."""


def default_content_dir() -> Path:
    """The shipped content: inside the installed wheel, or the source tree's ``content/``."""
    packaged = Path(__file__).resolve().parent.parent / "_content"
    if (packaged / "balance.json").is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "content"


def json_path(loc: Sequence[int | str]) -> str:
    """Turn a pydantic location into a JSON path: ``("roles", 2, "id")`` -> ``$.roles[2].id``."""
    out = "$"
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _message(err: dict[str, Any]) -> str:
    if err["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
        loc = err["loc"]
        if len(loc) >= 2 and str(loc[-2]).startswith("effects_"):
            return "unknown effect key"
        return "unknown key"
    if err["type"] == "missing":
        return "missing required key"
    if err["type"] == "dataclass_type":  # pydantic names the model class: say what JSON has
        return "Input should be a valid dictionary"
    return str(err["msg"])


def _read(path: Path, model: type, problems: list[str]) -> object | None:
    name = path.name
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(f"{name}: file not found in {path.parent}")
        return None
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{name}: cannot read: {exc}")
        return None
    except json.JSONDecodeError as exc:
        what = exc.msg.removesuffix(" at").removesuffix(":")  # "Unterminated string starting at"
        problems.append(f"{name}: line {exc.lineno} column {exc.colno}: invalid JSON "
                        f"({what.lower()})")
        return None
    except RecursionError:
        problems.append(f"{name}: invalid JSON: nested too deeply")
        return None
    try:
        return TypeAdapter(model).validate_python(raw)
    except ValidationError as exc:
        for err in _first_causes(exc.errors()):
            problems.append(f"{name}: {json_path(err['loc'])}: {_message(dict(err))}")
        return None


def _first_causes(errors: Sequence[Any]) -> list[Any]:
    """The errors without the "too short" of a list whose own items failed: pydantic counts
    only the items that passed ("at least 2 items after validation, not 1" for a list of
    three), which points at the wrong problem."""
    failed_inside = {tuple(e["loc"][:i]) for e in errors for i in range(len(e["loc"]))}
    return [e for e in errors
            if not (e["type"] == "too_short" and tuple(e["loc"]) in failed_inside)]


def _duplicates(file: str, path: str, ids: Iterable[str], problems: list[str]) -> None:
    seen: set[str] = set()
    for i, ident in enumerate(ids):
        if ident in seen:
            problems.append(f"{file}: {path}[{i}].id: duplicate id {ident!r}")
        seen.add(ident)


def _cross_check(
    balance: Balance,
    roles: RolesFile,
    artists: ArtistsFile,
    dialogue: DialogueFile,
    events: EventsFile,
    problems: list[str],
) -> None:
    """Duplicate ids and dangling references between files."""
    _duplicates("roles.json", "$.roles", (r.id for r in roles.roles), problems)
    for ri, role in enumerate(roles.roles):
        _duplicates("roles.json", f"$.roles[{ri}].meetings", (m.id for m in role.meetings), problems)
        for mi, meeting in enumerate(role.meetings):
            base = f"$.roles[{ri}].meetings[{mi}].choices"
            _duplicates("roles.json", base, (c.id for c in meeting.choices), problems)
            for ci, choice in enumerate(meeting.choices):
                if choice.targets_artist and not meeting.concerns_artist:
                    problems.append(
                        f"roles.json: {base}[{ci}]: artist effects need the meeting to set "
                        "concerns_artist"
                    )
    _duplicates("artists.json", "$.artists", (a.id for a in artists.artists), problems)
    archetypes = balance.artists.archetypes
    artist_ids = {a.id for a in artists.artists}
    for ai, artist in enumerate(artists.artists):
        if artist.archetype not in archetypes:
            problems.append(
                f"artists.json: $.artists[{ai}].archetype: unknown archetype {artist.archetype!r}"
            )
    for name, preset in balance.difficulties.items():
        if preset.starting_artist not in artist_ids:
            problems.append(
                f"balance.json: $.difficulties.{name}.starting_artist: unknown artist "
                f"{preset.starting_artist!r}"
            )
    _duplicates(
        "dialogue.json", "$.conversations", (c.id for c in dialogue.conversations), problems
    )
    for ci, conv in enumerate(dialogue.conversations):
        if conv.archetype not in archetypes:
            problems.append(
                f"dialogue.json: $.conversations[{ci}].archetype: unknown archetype "
                f"{conv.archetype!r}"
            )
    covered = {c.archetype for c in dialogue.conversations}
    for arch in sorted(archetypes):
        if arch not in covered:
            problems.append(f"dialogue.json: $.conversations: no conversation for archetype {arch!r}")
    _duplicates("events.json", "$.events", (e.id for e in events.events), problems)
    for ei, event in enumerate(events.events):
        for ci, choice in enumerate(event.choices):
            if choice.targets_artist and not event.concerns_artist:
                problems.append(
                    f"events.json: $.events[{ei}].choices[{ci}]: artist effects need the event "
                    "to set concerns_artist"
                )
    _check_notes(balance, problems)
    projects = balance.projects
    tiers = {t.id for t in projects.producer_tiers}
    times = {t.id for t in projects.time_investments}
    for i, (tier, time) in enumerate(projects.forbidden_combinations):
        if tier not in tiers or time not in times:
            problems.append(
                f"balance.json: $.projects.forbidden_combinations[{i}]: unknown tier or time "
                f"({tier!r}, {time!r})"
            )


def _number_paths(value: object, path: str = "") -> list[str]:
    """Dotted paths of every number (a list of numbers counts as one)."""
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _number_paths(v, f"{path}.{k}" if path else k)]
    if isinstance(value, list | tuple):
        if value and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value):
            return [path]
        return [p for i, v in enumerate(value) for p in _number_paths(v, f"{path}.{i}")]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [path]
    return []


def _check_notes(balance: Balance, problems: list[str]) -> None:
    """Every number in balance.json has a one-line note, and every note names numbers."""
    data = asdict(balance)
    del data["notes"]
    numbers = _number_paths(data)

    def covered(path: str) -> bool:
        parts = path.split(".")
        return any(".".join(parts[:i]) in balance.notes for i in range(1, len(parts) + 1))

    for path in numbers:
        if not covered(path):
            problems.append(f"balance.json: $.notes: no description for {path}")
    for key, text in balance.notes.items():
        if not any(n == key or n.startswith(key + ".") for n in numbers):
            problems.append(f"balance.json: $.notes.{key}: names no number in balance.json")
        if not text.strip() or "\n" in text or len(text) > 160:
            problems.append(f"balance.json: $.notes.{key}: a note is one line of 1-160 characters")


def content_hash(folder: Path) -> str:
    """SHA-256 over the canonical JSON of every content file (key order and spacing ignored)."""
    digest = hashlib.sha256()
    for name in sorted(FILES):
        raw = json.loads((folder / name).read_text(encoding="utf-8"))
        digest.update(name.encode())
        digest.update(json.dumps(raw, sort_keys=True, separators=(",", ":")).encode())
    return digest.hexdigest()


def check_content(path: Path | str | None = None) -> tuple[Content | None, list[str]]:
    """Validate a content folder; return the content (or None) and every problem found."""
    folder = Path(path) if path is not None else default_content_dir()
    problems: list[str] = []
    try:
        if not folder.is_dir():
            return None, [f"{folder}: not a content folder"]
    except OSError as exc:  # a folder on the way cannot be entered
        return None, [f"{folder}: not a content folder ({exc.strerror})"]
    parsed = {name: _read(folder / name, model, problems) for name, model in FILES.items()}
    if problems:
        return None, problems
    balance = parsed["balance.json"]
    roles = parsed["roles.json"]
    artists = parsed["artists.json"]
    dialogue = parsed["dialogue.json"]
    events = parsed["events.json"]
    assert isinstance(balance, Balance) and isinstance(roles, RolesFile)
    assert isinstance(artists, ArtistsFile) and isinstance(dialogue, DialogueFile)
    assert isinstance(events, EventsFile)
    _cross_check(balance, roles, artists, dialogue, events, problems)
    if problems:
        return None, problems
    content = Content(
        balance=balance,
        roles=roles.roles,
        artists=artists.artists,
        conversations=dialogue.conversations,
        events=events.events,
        song_titles=artists.song_titles,
        content_hash=content_hash(folder),
    )
    return content, []


def load_content(path: Path | str | None = None) -> Content:
    """Load and validate content (``None`` = the shipped content).

    Raises:
        LabelError: ``CONTENT_INVALID`` listing every problem with its file and JSON path.
    """
    content, problems = check_content(path)
    if content is None:
        raise LabelError(
            "CONTENT_INVALID",
            f"{len(problems)} problem(s) in content:\n" + "\n".join(problems),
            {"problems": problems},
        )
    return content
