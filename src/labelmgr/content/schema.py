"""``content_model``: how every content model is declared.

A content model is a frozen slots dataclass that pydantic validates as it is built. The
engine reads content attributes hundreds of times a simulated month: a dataclass's slots are
read at full speed, where a ``pydantic.BaseModel`` sends every attribute read through its
``__getattr__`` hook (a month took 7% more instructions with models).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, dataclass_transform

from pydantic import ConfigDict, Field
from pydantic.dataclasses import dataclass

_T = TypeVar("_T")


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(Field,))
def content_model(cls: type[_T]) -> type[_T]:
    """A content model: a frozen slots dataclass that pydantic validates when it is built
    (unknown keys refused; fields by keyword only, as in the JSON files)."""
    made: Callable[[type[_T]], type[_T]] = dataclass(frozen=True, slots=True, kw_only=True,
                                                     config=ConfigDict(extra="forbid"))
    return made(cls)
