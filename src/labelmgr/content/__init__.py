"""Game content: pydantic models of ``content/*.json`` and their loader."""

from labelmgr.content.bundle import Content
from labelmgr.content.effects import EFFECT_KEYS, Effects
from labelmgr.content.loader import check_content, default_content_dir, load_content
from labelmgr.content.models import (
    ArtistSpec,
    Balance,
    Choice,
    Conversation,
    EventSpec,
    Meeting,
    Requires,
    Role,
)

__all__ = [
    "EFFECT_KEYS",
    "ArtistSpec",
    "Balance",
    "Choice",
    "Content",
    "Conversation",
    "Effects",
    "EventSpec",
    "Meeting",
    "Requires",
    "Role",
    "check_content",
    "default_content_dir",
    "load_content",
]
