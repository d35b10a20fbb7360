"""Random small seasons within the model's rules render every public page and CSV without an error (issue 10).

The guard for the kind of fault behind issue 10's first case (a points adjustment in a recorded group gave
HTTP 500): hypothesis builds seasons with recorded and unrecorded groups, adjustments both ways, withdrawals,
rulings of every kind, tiebreaker playoffs, ties of one or two legs with extra time and penalties, and every page
the sitemap lists is fetched, with every table's CSV. Example counts stay small so this runs in seconds.
"""

import re
from html import unescape

from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from tournaments.models import (
    Department,
    Group,
    GroupTeam,
    KnockoutRound,
    Match,
    MatchStatus,
    Note,
    NoteKind,
    PointsAdjustment,
    Qualifier,
    Region,
    RegionDepartment,
    Season,
    StageKind,
    Team,
    Tie,
)
from tournaments.rules.standings import TIEBREAKERS

# Names that test the Spanish order and slugs: accents, ñ, dots, capitals.
NAMES = ["Íntimo Cable Visión", "Wanka", "UTC", "Unión Grauína", "CNI", "Carlos A. Mannucci", "Ñañez", "I.M.I."]
GOALS = st.integers(0, 4)


@st.composite
def group_match(draw, home, away):
    """A group match in any status, with the score its status allows (a round robin has no shoot-out)."""
    status = draw(st.sampled_from(list(MatchStatus)))
    score = (None, None)
    if status in (MatchStatus.PLAYED, MatchStatus.AWARDED, MatchStatus.ABANDONED):
        score = draw(st.one_of(st.tuples(GOALS, GOALS), st.just((None, None))))
    return {"home": home, "away": away, "status": status, "score": score, "note": draw(st.sampled_from(NoteKind))}


@st.composite
def tie_legs(draw, team_a, team_b):
    """One or two legs; the last may go to extra time and, when the aggregate is level, to penalties."""
    legs = draw(st.integers(1, 2))
    scores = [draw(st.one_of(st.tuples(GOALS, GOALS), st.just((None, None)))) for _ in range(legs)]
    extra_time = draw(st.booleans())
    penalties = None
    known = all(score[0] is not None for score in scores)
    if known:
        a = sum(score[index % 2] for index, score in enumerate(scores))
        b = sum(score[1 - index % 2] for index, score in enumerate(scores))
        if a == b and draw(st.booleans()):
            penalties = draw(st.sampled_from([(4, 3), (2, 5)]))
    return {"teams": (team_a, team_b), "scores": scores, "extra_time": extra_time, "penalties": penalties}


@st.composite
def seasons(draw):
    names = draw(st.lists(st.sampled_from(NAMES), min_size=3, max_size=5, unique=True))
    groups = []
    for _ in range(draw(st.integers(1, 2))):
        members = draw(st.lists(st.sampled_from(names), min_size=2, max_size=4, unique=True))
        pairs = [(h, a) for h in members for a in members if h < a]
        codes = [code for code in draw(st.permutations(list(TIEBREAKERS))) if code != "points"]
        playoff = None
        if len(members) >= 2 and draw(st.booleans()):
            playoff = draw(tie_legs(members[0], members[1]))
        groups.append(
            {
                "national": draw(st.booleans()),
                "members": members,
                "recorded": draw(st.booleans()),
                "tiebreakers": ["points", *codes[: draw(st.integers(0, 3))]],
                "advancing": draw(st.integers(0, 2)),
                "promoted": draw(st.integers(0, 1)),
                "matches": [draw(group_match(h, a)) for h, a in pairs if draw(st.booleans())],
                "adjustments": draw(
                    st.lists(st.tuples(st.sampled_from(members), st.sampled_from([-3, -1, 2, 3])), max_size=2)
                ),
                "withdrawn": draw(
                    st.one_of(
                        st.none(), st.tuples(st.sampled_from(members), st.sampled_from(["annulled", "results_stand"]))
                    )
                ),
                "playoff": playoff,
            }
        )
    rounds = []
    for _ in range(draw(st.integers(0, 2))):
        pair = draw(st.lists(st.sampled_from(names), min_size=2, max_size=2, unique=True))
        rounds.append(
            {
                "national": draw(st.booleans()),
                "recorded": draw(st.booleans()),
                "tie": draw(tie_legs(*pair)),
                "ruling": draw(st.one_of(st.none(), st.sampled_from(pair))),
            }
        )
    return {"names": names, "groups": groups, "rounds": rounds, "champion": draw(st.sampled_from([None, *names]))}


def build(spec):
    """The season described by ``spec``, written as an editor or the importer would (no invented scores)."""
    teams = {name: Team.objects.get_or_create(name=name)[0] for name in spec["names"]}
    season = Season.objects.create(year=2041, champion=teams[spec["champion"]] if spec["champion"] else None)
    region = Region.objects.create(season=season, number=5)
    department = Department.objects.order_by("pk").first()
    RegionDepartment.objects.create(region=region, department=department, season=season)
    for order, team in enumerate(teams.values()):
        Qualifier.objects.create(season=season, department=department, team=team, order=order)

    def where(national):
        return {"stage": StageKind.NATIONAL, "region": None} if national else {"region": region}

    def play_tie(playoff, spec_tie, ruling=None):
        team_a, team_b = (teams[name] for name in spec_tie["teams"])
        tie = Tie.objects.create(round=playoff, team_a=team_a, team_b=team_b, legs=len(spec_tie["scores"]))
        for leg, (home_score, away_score) in enumerate(spec_tie["scores"], start=1):
            home, away = (team_a, team_b) if leg == 1 else (team_b, team_a)
            last = leg == len(spec_tie["scores"])
            penalties = spec_tie["penalties"] if last else None
            Match.objects.create(
                season=season,
                region=playoff.region,
                tie=tie,
                leg=leg,
                home_team=home,
                away_team=away,
                home_score=home_score,
                away_score=away_score,
                after_extra_time=last and spec_tie["extra_time"] and home_score is not None,
                home_penalties=penalties[0] if penalties else None,
                away_penalties=penalties[1] if penalties else None,
            )
        if ruling:
            Note.objects.create(
                season=season,
                tie=tie,
                kind=NoteKind.FEDERATION_DECISION,
                text="Decided at the desk.",
                decided_by="FPF",
                favoured_team=teams[ruling],
            )

    for order, spec_group in enumerate(spec["groups"]):
        group = Group.objects.create(
            season=season,
            name=f"Group {order}",
            order=order,
            results_recorded=spec_group["recorded"],
            tiebreakers=spec_group["tiebreakers"],
            places_advancing=spec_group["advancing"],
            places_promoted=spec_group["promoted"],
            **where(spec_group["national"]),
        )
        withdrawn = spec_group["withdrawn"] or (None, "")
        for place, name in enumerate(spec_group["members"]):
            rule = withdrawn[1] if name == withdrawn[0] else ""
            GroupTeam.objects.create(group=group, team=teams[name], order=place, withdrawal=rule)
        for number, spec_match in enumerate(spec_group["matches"], start=1):
            match = Match.objects.create(
                season=season,
                region=group.region,
                group=group,
                round_number=number,
                home_team=teams[spec_match["home"]],
                away_team=teams[spec_match["away"]],
                home_score=spec_match["score"][0],
                away_score=spec_match["score"][1],
                status=spec_match["status"],
            )
            Note.objects.create(season=season, match=match, kind=spec_match["note"], text="As the source says.")
        for name, points in spec_group["adjustments"]:
            PointsAdjustment.objects.create(
                season=season, region=group.region, group=group, team=teams[name], points=points, reason="A ruling."
            )
        if spec_group["playoff"]:
            playoff = KnockoutRound.objects.create(
                season=season,
                group=group,
                kind=KnockoutRound.Kind.TIEBREAKER,
                name="Playoff",
                **where(spec_group["national"]),
            )
            play_tie(playoff, spec_group["playoff"])
    for order, spec_round in enumerate(spec["rounds"]):
        playoff = KnockoutRound.objects.create(
            season=season,
            name=f"Round {order}",
            order=order,
            results_recorded=spec_round["recorded"],
            **where(spec_round["national"]),
        )
        play_tie(playoff, spec_round["tie"], spec_round["ruling"])
    return season


def public_urls(client):
    """Every page the sitemap lists, the search, and every table's CSV on those pages."""
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    urls = [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap.content.decode())]
    return [*urls, "/search/?q=uni", "/search/?q=2041"]


class RandomSeasonsRenderTest(TestCase):
    @settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(seasons())
    def test_every_public_page_and_csv_of_a_random_season_renders(self, spec):
        cache.clear()
        build(spec)
        client = Client()
        for url in public_urls(client):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            links = set(re.findall(r'href="\?(_export=csv&amp;table=[^"]+)"', response.content.decode()))
            for link in links:
                export = client.get(f"{url.split('?')[0]}?{unescape(link)}")
                assert export.status_code == 200, (url, link, export.status_code)
