"""``NewsScreen``: the feed of what happened to the label, newest first."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from labelmgr.engine import GameEvent
from labelmgr.tui.screens.base import GameScreen
from labelmgr.tui.widgets.display import event_mark, game_text, plain
from labelmgr.tui.widgets.footer import GameFooter
from labelmgr.tui.widgets.hanging import Hanging

TOPICS: dict[str, tuple[str, frozenset[str]]] = {
    "all": ("everything", frozenset()),
    "music": ("releases and tours", frozenset({
        "ProjectStarted", "SongsRecorded", "ProjectReleased", "TourCompleted",
        "MarketingBought"})),
    "artists": ("artists", frozenset({"ArtistSigned", "ArtistLeft", "ArtistMoodChanged",
                                      "ConversationHeld"})),
    "label": ("the label", frozenset({"ReputationChanged", "TierUnlocked", "MeetingHeld",
                                      "DelayedEffectFired", "ModifierExpired", "Bankrupt",
                                      "CampaignEnded"})),
    "events": ("events", frozenset({"EventTriggered", "EventResolved"})),
}
"""Feed filters: name, and the event kinds they keep (empty = all)."""

NEWS_LEAD = 6
"""The width of a news line's month and mark (``M3  ♪ ``)."""


def news_line(event: GameEvent) -> Content:
    """``M3  ♪ "Paper Moon" released: …`` (the month and mark take ``NEWS_LEAD`` cells)."""
    return Content.assemble((f"M{event.month:<3}", "bold $text-accent"), f"{event_mark(event)} ",
                            game_text(event.text))


class NewsScreen(GameScreen):
    """The news feed, newest first, filterable by topic."""

    CSS_PATH = "../styles/news.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "cycle_topic", "Filter", tooltip="Show one topic of the news at a time",
                id="news.filter"),
    ]
    """Screen keys (arrows, page up/down, home/end scroll the feed)."""

    topic: reactive[str] = reactive("all", init=False)
    """The filter in use (a key of ``TOPICS``)."""

    def compose(self) -> ComposeResult:
        yield Static(id="news-title", classes="screen-title")
        yield OptionList(id="news-feed")
        yield GameFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self.feed.focus()

    @property
    def feed(self) -> OptionList:
        return self.query_one("#news-feed", OptionList)

    def action_cycle_topic(self) -> None:
        keys = list(TOPICS)
        self.topic = keys[(keys.index(self.topic) + 1) % len(keys)]

    def watch_topic(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        """Reload the feed from the session."""
        title = self.query_one("#news-title", Static)
        session = self.session
        name, kinds = TOPICS[self.topic]
        events = [e for e in session.news() if not kinds or e.kind in kinds]
        title.update(f"News \u00b7 {plain(session.state.label_name)} \u00b7 {len(events)} "
                     f"item{'s' if len(events) != 1 else ''} \u00b7 showing {name} "
                     "(f changes)")
        feed = self.feed
        feed.clear_options()
        if not events:
            feed.add_option(Option(Content.styled(
                "Nothing yet: news arrives as months resolve.", "$text-muted"), disabled=True))
            return
        # a long item goes on under its text, right of the month and the mark
        feed.add_options(Option(Hanging([(news_line(e), NEWS_LEAD)])) for e in events)
        feed.highlighted = 0
