"""Projects at work: starting, recording songs, releasing records and running tours.

A record started when month M resolves records its songs over months M+1..M+d (d from
``pricing.production_months``) and is released when month M+d resolves; a tour booked in
month M runs in month M+1.
"""

from __future__ import annotations

import math

from labelmgr.content.effects import NEXT_PROJECT_KEYS, NEXT_RELEASE_KEYS, NEXT_TOUR_KEYS
from labelmgr.engine.actions import MarketingPush, StartProject
from labelmgr.engine.events import (
    MarketingBought,
    ProjectReleased,
    ProjectStarted,
    SongsRecorded,
    TourCompleted,
)
from labelmgr.engine.frozen import builder
from labelmgr.engine.report import ReleaseLine, TourLine
from labelmgr.engine.rng import draw_integers
from labelmgr.engine.rules import modifiers
from labelmgr.engine.rules.artists import change_artist
from labelmgr.engine.rules.costs import project_cost_now
from labelmgr.engine.rules.press import pickup_chance, roll_pickups
from labelmgr.engine.rules.pricing import (
    budget_bonus,
    default_budget,
    production_months,
    project_price,
)
from labelmgr.engine.rules.progression import playlist_reach, press_tier_chance
from labelmgr.engine.rules.quality import quality_before_base, song_quality
from labelmgr.engine.rules.streams import first_month_streams, stream_revenue
from labelmgr.engine.rules.tours import run_tour
from labelmgr.engine.state import Project, evolve
from labelmgr.engine.turn import Turn
from labelmgr.wording import plural

_SONGS_RECORDED = builder(SongsRecorded)
"""Built without calling its class (``frozen.builder``): a month records for most projects."""


def start_project(turn: Turn, action: StartProject) -> None:
    """Charge and create a project; it consumes the next-project modifiers."""
    b = turn.balance
    artist = turn.artists[action.artist_id]
    cost = project_cost_now(turn.content, turn.modifiers, turn.month, action)
    mods = modifiers.consume(turn, NEXT_PROJECT_KEYS, action.artist_id)
    pid = turn.next_project_id
    turn.next_project_id += 1
    if action.project_kind == "mini_tour":
        project = Project(pid, "mini_tour", action.title, artist.id, turn.month, turn.month + 1,
                          0, "", "", 0, cost, stage="booked", venue=action.venue,
                          cities=action.cities)
    else:
        price = project_price(b, action.project_kind, action.song_count, action.producer_tier,
                              action.time_investment)
        per_song = action.budget_per_song or default_budget(price, action.song_count)
        months = production_months(b, action.project_kind, action.time_investment,
                                   artist.archetype, artist.work_ethic)
        project = Project(pid, action.project_kind, action.title, artist.id, turn.month,
                          turn.month + months, action.song_count, action.producer_tier,
                          action.time_investment, per_song, cost,
                          quality_bonus=int(mods["quality_bonus"]))
    turn.projects.append(project)
    turn.attention.add(artist.id)
    turn.post("projects", -cost, f"project:{pid}", f"{_kind_name(turn, project)} “{project.title}”")
    if turn.news:
        turn.events.append(ProjectStarted(
            turn.month, f"Started {_kind_name(turn, project)} “{project.title}” with "
            f"{artist.name} (${cost:,})", project_id=pid, cost=cost))


def buy_marketing(turn: Turn, action: MarketingPush) -> None:
    """Charge a marketing push and attach it to its record."""
    kind = turn.balance.marketing[action.push_kind]
    for i, p in enumerate(turn.projects):
        if p.id == action.project_id:
            turn.projects[i] = evolve(
                p, ad_spend=p.ad_spend + round(action.spend * kind.stream_share),
                pr_spend=p.pr_spend + round(action.spend * kind.press_share))
            turn.post("marketing", -action.spend, f"project:{p.id}", f"{kind.name} for “{p.title}”")
            if turn.news:
                turn.events.append(MarketingBought(
                    turn.month, f"{kind.name} for “{p.title}” (${action.spend:,})",
                    project_id=p.id, spend=action.spend))
            return


def _kind_name(turn: Turn, project: Project) -> str:
    if project.is_tour:
        return "mini-tour"
    return turn.balance.projects.types[project.kind].name


def work_on_projects(turn: Turn) -> None:
    """Record songs, release finished records and run booked tours, in project id order."""
    for i in range(len(turn.projects)):
        p = turn.projects[i]
        if p.stage == "production" and p.start_month < turn.month:
            p = _record(turn, p)
            if turn.month >= p.release_month:
                p = _release(turn, p)
            turn.projects[i] = p
        elif p.stage == "booked" and turn.month >= p.release_month:
            turn.projects[i] = _tour(turn, p)


def _record(turn: Turn, p: Project) -> Project:
    remaining = p.song_count - p.songs_recorded
    if remaining <= 0:
        return p
    months_left = max(1, p.release_month - turn.month + 1)
    count = math.ceil(remaining / months_left)
    b = turn.balance
    artist = turn.artists[p.artist_id]
    price = project_price(b, p.kind, p.song_count, p.producer_tier, p.time_investment)
    rest = quality_before_base(
        b, talent=artist.talent, mood=artist.mood, archetype=artist.archetype,
        producer_bonus=turn.content.producer_tier_by_id[p.producer_tier].quality_bonus,
        time_bonus=turn.content.time_investment_by_id[p.time_investment].quality_bonus,
        budget_bonus=budget_bonus(b, p.budget_per_song, price, p.song_count),
        extra_bonus=p.quality_bonus)
    rng = turn.rng["songs"]
    lo, hi = b.quality.base
    bases = draw_integers(rng, lo, hi, count)
    title_bank = turn.content.song_titles
    picks = draw_integers(rng, 0, max(1, len(title_bank)), count)
    # a record never repeats a title: its own, or one of its songs recorded before
    used = {p.title}
    if p.songs_recorded:
        used.update(turn.songs.titles[i] for i in turn.songs.of_project(p.id).tolist())
    titles = []
    for k in range(count):
        number = p.songs_recorded + k + 1
        if number == 1:
            title = p.title
        elif title_bank:
            title = _unused_title(title_bank, picks[k], used)
        else:
            title = f"{p.title} (track {number})"
        used.add(title)
        titles.append(title)
    first_id = turn.next_song_id
    turn.next_song_id += count
    zeros = [0] * count
    turn.songs = turn.songs.append_columns({
        "id": list(range(first_id, first_id + count)),
        "project_id": [p.id] * count,
        "quality": [song_quality(b, base, rest, p.song_count) for base in bases],
        "recorded_month": [turn.month] * count,
        "release_month": zeros, "initial_streams": zeros, "total_streams": zeros,
        "total_revenue": zeros, "last_streams": zeros, "last_revenue": zeros,
    }, titles, [p.artist_id] * count)
    if turn.news:
        turn.events.append(_SONGS_RECORDED(
            turn.month, f"{artist.name} recorded {plural(count, 'song', 'songs')} for "
            f"“{p.title}” ({p.songs_recorded + count}/{p.song_count})", project_id=p.id,
            count=count))
    return evolve(p, songs_recorded=p.songs_recorded + count)


def _unused_title(bank: tuple[str, ...], pick: int, used: set[str]) -> str:
    """The drawn title, or the next one in the bank (wrapping round) that the record has not
    used yet; the drawn one when every title is used (the draw itself is never repeated, so
    the other streams' numbers stay as they were)."""
    for step in range(len(bank)):
        title = bank[(pick + step) % len(bank)]
        if title not in used:
            return title
    return bank[pick]


def _release(turn: Turn, p: Project) -> Project:
    b = turn.balance
    artist = turn.artists[p.artist_id]
    mods = modifiers.consume(turn, NEXT_RELEASE_KEYS, p.artist_id)
    reach = playlist_reach(b, turn.access) + sum(
        e.value for e in turn.lasting
        if e.kind == "playlist_boost" and e.start_month <= turn.month <= e.end_month)
    idx = turn.songs.of_project(p.id)
    rng = turn.rng["releases"]
    lo, hi = b.economy.rng_variance
    v = mods["variance"]
    variances = rng.uniform(lo - v, hi + v, size=len(idx))
    arch_bonus = b.artists.archetypes[artist.archetype].stream_bonus
    qualities = turn.songs.quality[idx].tolist()
    streams = [
        first_month_streams(b, quality=q, reach=reach,
                            reputation=turn.reputation, ad_spend=p.ad_spend / max(1, len(idx)),
                            variance=float(var), month=turn.month, popularity=artist.popularity,
                            archetype_bonus=arch_bonus, stream_boost=mods["stream_boost"])
        for q, var in zip(qualities, variances, strict=True)
    ]
    revenues = [stream_revenue(b, s) for s in streams]
    songs = turn.songs
    rel = songs.release_month.copy()
    init = songs.initial_streams.copy()
    tot_s = songs.total_streams.copy()
    tot_r = songs.total_revenue.copy()
    last_s = songs.last_streams.copy()
    last_r = songs.last_revenue.copy()
    rel[idx] = turn.month
    init[idx] = streams
    tot_s[idx] += streams
    tot_r[idx] += revenues
    last_s[idx] = streams
    last_r[idx] = revenues
    turn.songs = songs.replace(release_month=rel, initial_streams=init, total_streams=tot_s,
                               total_revenue=tot_r, last_streams=last_s, last_revenue=last_r)
    total_streams, total_revenue = sum(streams), sum(revenues)
    turn.post("releases", total_revenue, f"project:{p.id}",
              f"“{p.title}” first month: {total_streams:,} streams")
    chance = pickup_chance(b, press_tier_chance(b, turn.access), p.pr_spend, turn.reputation,
                           mods["press_boost"])
    pickups = roll_pickups(b, chance, turn.rng["press"])
    if pickups:
        turn.change_reputation(pickups * b.press.reputation_per_pickup,
                               f"{plural(pickups, 'press pickup', 'press pickups')} for “{p.title}”")
    turn.attention.add(artist.id)
    lead = max(streams) if streams else 0
    cfg = b.artists
    if lead >= b.reputation.hit_streams:
        outcome = "hit"
        turn.change_reputation(b.reputation.hit_bonus, f"“{p.title}” is a hit")
        change_artist(turn, artist.id, mood=cfg.hit_mood, popularity=cfg.hit_popularity,
                      reason=f"“{p.title}” is a hit")
    elif lead < b.reputation.flop_streams:
        outcome = "flop"
        turn.change_reputation(-b.reputation.flop_penalty, f"“{p.title}” flopped")
        change_artist(turn, artist.id, mood=cfg.flop_mood, popularity=cfg.flop_popularity,
                      reason=f"“{p.title}” flopped")
    else:
        outcome = "steady"
        change_artist(turn, artist.id, popularity=cfg.release_popularity)
    mean_q = round(sum(qualities) / len(qualities)) if qualities else 0
    turn.releases.append(ReleaseLine(p.id, p.title, artist.name, p.kind, len(idx), mean_q,
                                     total_streams, total_revenue, pickups, outcome))
    if turn.news:
        turn.events.append(ProjectReleased(
            turn.month, f"“{p.title}” released: {total_streams:,} streams, ${total_revenue:,}"
            f"{', a hit!' if outcome == 'hit' else ''}", project_id=p.id, streams=total_streams,
            revenue=total_revenue, press_pickups=pickups, outcome=outcome))
    return evolve(p, stage="released", streams=total_streams, revenue=total_revenue,
                   press_pickups=pickups, outcome=outcome)


def _tour(turn: Turn, p: Project) -> Project:
    b = turn.balance
    artist = turn.artists[p.artist_id]
    mods = modifiers.consume(turn, NEXT_TOUR_KEYS, p.artist_id)
    tickets, capacity, revenue = run_tour(b, p.venue, p.cities, turn.reputation,
                                          artist.popularity, mods["tour_boost"],
                                          turn.rng["tours"])
    turn.post("tours", revenue, f"project:{p.id}",
              f"“{p.title}”: {tickets:,} tickets in {p.cities} cities")
    change_artist(turn, artist.id, mood=-b.tours.mood_cost, popularity=b.tours.popularity_gain,
                  reason="life on the road")
    turn.attention.add(artist.id)
    outcome = "sold_out" if tickets >= capacity else "toured"
    venue = next(v.name for v in b.tours.venues if v.id == p.venue)
    turn.tours.append(TourLine(p.id, p.title, artist.name, venue, p.cities, tickets, capacity,
                               revenue, p.cost))
    if turn.news:
        turn.events.append(TourCompleted(
            turn.month, f"Tour “{p.title}”: {tickets:,} of {capacity:,} tickets, ${revenue:,}",
            project_id=p.id, tickets=tickets, revenue=revenue))
    return evolve(p, stage="toured", tickets=tickets, capacity=capacity, revenue=revenue,
                   outcome=outcome)
