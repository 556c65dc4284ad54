"""The create-project form's preview: what the engine says the project costs and yields."""

from __future__ import annotations

from textual.content import Content

from labelmgr.engine import PlanCheck, ProjectPreview, StartProject
from labelmgr.errors import LabelError
from labelmgr.service import GameSession
from labelmgr.tui.widgets.display import money
from labelmgr.tui.widgets.form_fields import options_or_none


def no_preview() -> Content:
    """What the preview says while a field holds something it cannot use."""
    return Content.styled("No preview until the fields marked in red are fixed.", "$text-muted")


def _line(label: str, value: str) -> Content:
    return Content.assemble((f"{label:<13}", "bold"), value)


def project_preview(session: GameSession, action: StartProject) -> ProjectPreview | None:
    """The engine's preview, or None when the choices cannot be previewed."""
    try:
        return session.preview(action)
    except (LabelError, KeyError, ValueError):
        return None


def preview_text(session: GameSession, action: StartProject, p: ProjectPreview | None,
                 after: PlanCheck | None, *, missing: str | None = None) -> Content:
    """Cost, quality or takings range, timing and money after the plan, from the engine.

    ``after`` is the plan check with this project added (None when the plan refuses it);
    ``missing`` is a refusal not shown under its field yet (an untouched empty title).
    """
    if p is None:
        return no_preview()
    lines = [Content.styled("Preview", "bold $text-accent")]
    if action.project_kind == "mini_tour":
        lines += [_line("Cost", money(p.cost)),
                  _line("Takings", f"{money(p.revenue_low)} to {money(p.revenue_high)}"),
                  _line("Plays", f"when month {p.release_month} resolves")]
    else:
        # the price once when the cost is the price (the default budget, no discount)
        cost = money(p.cost) if p.cost == p.price \
            else f"{money(p.cost)} (price {money(p.price)})"
        lines += [_line("Cost", cost),
                  _line("Quality", f"{p.quality_low}\u2013{p.quality_high}"),
                  _line("Budget/song", f"{money(p.budget_min)} to {money(p.budget_max)} "
                        f"(default {money(p.budget_default)})"),
                  _line("Takes", f"{p.months} month{'s' if p.months != 1 else ''}, "
                        f"released when month {p.release_month} resolves")]
    options = options_or_none(session)
    if options is None:  # a finished game: no month, no money to plan with
        return Content("\n").join(lines)
    money_now = options.money_after_plan
    if after is not None:
        lines.append(_line("Money", f"{money(money_now)} left in the plan, "
                           f"{money(after.money_after)} with this project"))
    else:
        lines.append(_line("Money", f"{money(money_now)} left in the plan"))
        if missing:
            lines.append(_line("To add it", missing))
    return Content("\n").join(lines)
