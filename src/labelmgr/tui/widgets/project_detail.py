"""``ProjectDetail``: one project's facts and its songs, as the state records them."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from labelmgr.content import Content as GameContent
from labelmgr.engine import Project, SongTable, StartProject
from labelmgr.tui.widgets.display import (
    artist_name,
    count,
    kind_name,
    money,
    plural,
    stage_name,
)

LABEL_WIDTH = 13
"""Width of the label column."""


def _line(label: str, value: str) -> Content:
    return Content.assemble((f"{label:<{LABEL_WIDTH}}", "bold"), value)


def _production(project: Project, content: GameContent) -> str:
    tier = content.producer_tier_by_id.get(project.producer_tier)
    time = content.time_investment_by_id.get(project.time_investment)
    return (f"{tier.name if tier else project.producer_tier} producer, "
            f"{time.name.lower() if time else project.time_investment}, "
            f"{money(project.budget_per_song)} a song")


def _months(project: Project) -> str:
    """When it started and comes out: 'releases when month 3 resolves' while under way,
    'released when month 3 resolved' once out."""
    done = project.stage in ("released", "toured")
    verb = ("played" if done else "plays") if project.is_tour \
        else ("released" if done else "releases")
    return (f"started {project.start_month}, {verb} when month {project.release_month} "
            f"{'resolved' if done else 'resolves'}")


class ProjectDetail(Static):
    """A card about the highlighted project; the screen decides which."""

    DEFAULT_CSS = """
    ProjectDetail {
        padding: 0 1;
        height: auto;
    }
    """

    def show_nothing(self, text: str) -> None:
        self.update(Content.styled(text, "$text-muted"))

    def show_project(self, project: Project, songs: SongTable, content: GameContent) -> None:
        """A started project: stage, terms, results, and each recorded song."""
        head = Content.assemble((f"\u201c{project.title}\u201d", "bold"),
                                f"  {kind_name(project.kind)} \u00b7 "
                                f"{artist_name(content, project.artist_id)} \u00b7 "
                                f"{stage_name(project.stage)}")
        lines = [head, _line("Months", _months(project)), _line("Cost", money(project.cost))]
        if project.is_tour:
            venue = next((v.name for v in content.balance.tours.venues if v.id == project.venue),
                         project.venue)
            lines += [_line("Venue", f"{venue}, {plural(project.cities, 'city', 'cities')}")]
            if project.stage == "toured":
                lines += [_line("Tickets", f"{count(project.tickets)} of "
                                f"{count(project.capacity)}"),
                          _line("Takings", money(project.revenue))]
        else:
            lines += [
                _line("Songs", f"{project.songs_recorded} of {project.song_count} recorded"),
                _line("Production", _production(project, content)),
                _line("Marketing", f"ads {money(project.ad_spend)}, "
                      f"PR {money(project.pr_spend)}")]
            if project.stage == "released":
                pickups = plural(project.press_pickups, "press pickup", "press pickups")
                lines += [_line("At release", f"{count(project.streams)} streams, "
                                f"{money(project.revenue)}, {pickups}"
                                f"{', ' + project.outcome if project.outcome else ''}")]
            lines += self._songs(project, songs)
        self.update(Content("\n").join(lines))

    @staticmethod
    def _songs(project: Project, songs: SongTable) -> list[Content]:
        idx = songs.of_project(project.id)
        if len(idx) == 0:
            return []
        out = [Content.styled("Song                      quality   streams    revenue", "bold")]
        for s in songs.rows(idx):
            out.append(Content(f"{s.title[:24]:<24}  {s.quality:>7}  {count(s.total_streams):>8}"
                               f"  {money(s.total_revenue):>9}"))
        return out

    def show_planned(self, action: StartProject, cost: int | None, content: GameContent
                     ) -> None:
        """A project in this month's plan, not started yet."""
        lines = [Content.assemble((f"\u201c{action.title}\u201d", "bold"),
                                  f"  {kind_name(action.project_kind)} \u00b7 "
                                  f"{artist_name(content, action.artist_id)} \u00b7 planned"),
                 _line("Cost", money(cost) if cost is not None else "\u2014"),
                 Content.styled("Starts when this month resolves; x takes it out of the plan.",
                                "$text-muted")]
        self.update(Content("\n").join(lines))
