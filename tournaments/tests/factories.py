"""Plain factories for made-up competition rows, shared by fixtures and by tests that build many of them."""

from tournaments.models import Match, MatchStatus


def create_match(group, home, away, home_score, away_score, status=MatchStatus.PLAYED, **fields):
    """A match of ``group`` between two of its teams, played unless ``status`` says otherwise."""
    return Match.objects.create(
        season=group.season,
        region=group.region,
        group=group,
        home_team=home,
        away_team=away,
        home_score=home_score,
        away_score=away_score,
        status=status,
        **fields,
    )


def create_sourced_season(year=2031):
    """A small season whose facts cite their sources, as the article format records them (issue 14).

    Two general sources (1 Wikipedia, CC BY-SA; 2 El Comercio, no licence), a third cited only by a match and a
    qualifier (3 RSSSF), and a fourth named only by a version of the disputed champion (4 trainer-baade.de).
    Region V's Group A (Alpha, Bravo, Charlie) cites 1, its Alpha v Bravo match 3 and its ruling 2; the national
    final (Alpha v Delta) cites 1 on its tie and 2 on its round; Alpha's qualifier cites 3, its promotion 3, the
    regional stage 2 and Region V 2. The champion is Alpha per source 1 and Coronel Bolognesi per sources 2 and 4.
    Returns a dict of the rows by name.
    """
    import datetime

    from tournaments.models import (
        Citation,
        Department,
        FactVersion,
        Group,
        GroupTeam,
        KnockoutRound,
        Note,
        NoteKind,
        Qualifier,
        Region,
        RoundKind,
        Season,
        Source,
        Stage,
        StageKind,
        Team,
        TeamChange,
        Tie,
    )

    alpha, bravo, charlie, delta = (Team.objects.create(name=name) for name in ["Alpha", "Bravo", "Charlie", "Delta"])
    season = Season.objects.create(
        year=year,
        champion=alpha,
        confidence=Season.Confidence.DISPUTED,
        summary="Alpha won the final on penalties. [1][9] <b>not bold</b>",
    )
    wikipedia = Source.objects.create(
        publisher="Wikipedia",
        title=f"{year} Copa Perú",
        url=f"https://en.wikipedia.org/wiki/{year}_Copa_Per%C3%BA",
        language="en",
        licence="CC BY-SA 4.0",
        licence_url="https://creativecommons.org/licenses/by-sa/4.0/",
    )
    comercio = Source.objects.create(publisher="El Comercio", title="La final de la Copa Perú", language="es")
    rsssf = Source.objects.create(
        publisher="RSSSF", title="Peru: Copa Perú", url="https://www.rsssf.org/tablesp/peru.html",
        accessed=datetime.date(2026, 11, 29),
    )  # fmt: skip
    baade = Source.objects.create(publisher="trainer-baade.de", title="Alle peruanischen Pokalsieger")
    Citation.objects.create(season=season, source=wikipedia, order=1)
    Citation.objects.create(season=season, source=comercio, order=2)

    region = Region.objects.create(season=season, number=5)
    stage = Stage.objects.create(season=season, kind=StageKind.REGIONAL)
    group = Group.objects.create(season=season, region=region, name="Group A", places_advancing=1)
    for team in (alpha, bravo, charlie):
        GroupTeam.objects.create(group=group, team=team)
    match = create_match(group, alpha, bravo, 2, 1, round_number=1)
    create_match(group, bravo, charlie, 0, 0, round_number=2)
    ruling = Note.objects.create(
        season=season, group=group, kind=NoteKind.AWARDED, text="Charlie's points were awarded."
    )
    final = KnockoutRound.objects.create(
        season=season, stage=StageKind.NATIONAL, name="Final", round_kind=RoundKind.FINAL
    )
    tie = Tie.objects.create(round=final, team_a=alpha, team_b=delta, legs=1)
    qualifier = Qualifier.objects.create(season=season, team=alpha, department=Department.objects.order_by("pk")[0])
    change = TeamChange.objects.create(
        season=season,
        team=alpha,
        direction=TeamChange.Direction.PROMOTED,
        division=TeamChange.Division.PRIMERA,
        division_year=year + 1,
    )
    cited = [
        (rsssf, {"match": match}),
        (rsssf, {"qualifier": qualifier}),
        (rsssf, {"team_change": change}),
        (wikipedia, {"group": group}),
        (comercio, {"note": ruling}),
        (wikipedia, {"tie": tie}),
        (comercio, {"knockout_round": final}),
        (comercio, {"stage": stage}),
        (comercio, {"region": region}),
        (wikipedia, {"fact": "champion"}),
    ]
    for order, (source, thing) in enumerate(cited, start=3):
        Citation.objects.create(season=season, source=source, order=order, **thing)
    FactVersion.objects.create(season=season, fact="champion", name="Alpha", team=alpha, order=1).sources.add(wikipedia)
    bolognesi = FactVersion.objects.create(season=season, fact="champion", name="Coronel Bolognesi", order=2)
    bolognesi.sources.add(comercio, baade)
    return {
        "season": season, "region": region, "group": group, "match": match, "ruling": ruling, "tie": tie,
        "final": final, "qualifier": qualifier, "change": change, "stage": stage,
        "sources": [wikipedia, comercio, rsssf, baade],
    }  # fmt: skip
