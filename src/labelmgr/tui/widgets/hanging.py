"""``Hanging``: lines whose wrapped continuations start under their text, not at column 0.

A Static or an option shows it like any text: each line is split into a lead (a number, a
mark, a date, an indent) and the text after it, and only the text wraps, in the columns
right of the lead. Neither Textual's ``Content`` nor Rich's ``Text`` indents continuations
by itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual


class Hanging(Visual):
    """Lines of markup (or ``Content``), each with the width of its lead in characters."""

    def __init__(self, lines: Iterable[tuple[Content | str, int]]) -> None:
        self.rows: list[tuple[Content, Content]] = []
        for line, lead in lines:
            content = Content.from_markup(line) if isinstance(line, str) else line
            for row in content.split(allow_blank=True):
                head, body = row[:lead], row[lead:]
                self.rows.append((head, body))

    def __str__(self) -> str:
        """The plain text, line by line (as the lines read unwrapped)."""
        return "\n".join((head + body).plain for head, body in self.rows)

    def _split(self, width: int, head: Content) -> tuple[int, int]:
        """(lead, text) widths of a row at ``width`` (a too-narrow row does not hang)."""
        lead = head.cell_length
        return (lead, width - lead) if width - lead >= max(lead, 8) else (0, width)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((head.cell_length + body.get_optimal_width(rules, container_width)
                    for head, body in self.rows), default=0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        total = 0
        for head, body in self.rows:
            lead, rest = self._split(width, head)
            total += (body.get_height(rules, rest) if lead
                      else (head + body).get_height(rules, width))
        return total

    def render_strips(self, width: int, height: int | None, style: Style,
                      options: RenderOptions) -> list[Strip]:
        strips: list[Strip] = []
        blank_style = style.rich_style
        for head, body in self.rows:
            lead, rest = self._split(width, head)
            if not lead:
                strips += (head + body).render_strips(width, None, style, options)
                continue
            first = head.render_strips(lead, 1, style, options)
            lead_strip = (first[0] if first else Strip.blank(0)).extend_cell_length(
                lead, blank_style).crop(0, lead)
            lines = body.render_strips(rest, None, style, options) or [Strip.blank(0)]
            strips.append(Strip.join([lead_strip, lines[0]]))
            strips += [Strip.join([Strip.blank(lead, blank_style), line])
                       for line in lines[1:]]
        return strips if height is None else strips[:height]
