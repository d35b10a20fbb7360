"""Plain factories for made-up competition rows, shared by fixtures and by tests that build many of them."""

from tournaments.models import FactVersion, Match, MatchStatus, Progression, Season, SeasonFact, Team


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


# The roll of champions as /work/shared/data/champions.csv gives it (year, status, champion, runner-up, the
# runner-up's basis, confidence), written out here so that tests of the roll's pages need neither the shipped
# content nor the importer. "U.P.A.O." (1997) is written as its 1999 spelling, UPAO: one club.
ROLL = [
    (1967, "final", "Alfonso Ugarte de Chiclín", "Octavio Espinosa", "source_table", "confirmed"),
    (1968, "final", "Carlos A. Mannucci", "", "", "confirmed"),
    (1969, "final", "Carlos A. Mannucci", "Melgar", "stated", "single_source"),
    (1970, "final", "Atlético Torino", "Melgar", "stated", "confirmed"),
    (1971, "final", "Melgar", "Unión Tumán", "source_table", "confirmed"),
    (1972, "final", "Atlético Grau", "León de Huánuco", "stated", "single_source"),
    (1973, "final", "Sportivo Huracán", "", "", "confirmed"),
    (1974, "no_final", "", "", "", "confirmed"),
    (1975, "final", "Atlético Torino", "Sportivo Huracán", "source_table", "confirmed"),
    (1976, "final", "Coronel Bolognesi", "", "", "confirmed"),
    (1977, "final", "Atlético Torino", "", "", "confirmed"),
    (1978, "final", "Juventud La Palma", "Pesca Perú", "source_table", "confirmed"),
    (1979, "final", "ADT", "Aguas Verdes", "stated", "confirmed"),
    (1980, "final", "León de Huánuco", "", "", "confirmed"),
    (1981, "final", "UTC", "Juventud La Palma", "source_table", "confirmed"),
    (1982, "final", "Atlético Torino", "Atlético Grau", "source_table", "confirmed"),
    (1983, "final", "Sport Pilsen", "Deportivo Cañaña", "source_table", "confirmed"),
    (1984, "final", "Los Espartanos", "Alianza Atlético", "source_table", "confirmed"),
    (1985, "final", "Hungaritos Agustinos", "Tejidos La Unión", "source_table", "confirmed"),
    (1986, "final", "Deportivo Cañaña", "Félix Donayre", "source_table", "confirmed"),
    (1987, "final", "Libertad", "", "", "confirmed"),
    (1988, "not_held", "", "", "", "confirmed"),
    (1989, "not_held", "", "", "", "confirmed"),
    (1990, "not_held", "", "", "", "confirmed"),
    (1991, "not_held", "", "", "", "confirmed"),
    (1992, "not_held", "", "", "", "confirmed"),
    (1993, "final", "Aurich–Cañaña", "Aurora", "source_table", "confirmed"),
    (1994, "final", "Atlético Torino", "Aurora", "source_table", "confirmed"),
    (1995, "final", "La Loretana", "Sportivo Huracán", "stated", "confirmed"),
    (1996, "final", "José Gálvez", "UTC", "source_table", "single_source"),
    (1997, "final", "Juan Aurich", "UPAO", "stated", "confirmed"),
    (1998, "final", "I.M.I.", "Coronel Bolognesi", "stated", "confirmed"),
    (1999, "final", "UPAO", "Alfonso Ugarte", "stated", "single_source"),
    (2000, "final", "Estudiantes de Medicina", "Coronel Bolognesi", "stated", "confirmed"),
    (2001, "final", "Sport Bolito", "", "", "disputed"),
    (2002, "final", "Atlético Universidad", "", "", "confirmed"),
    (2003, "final", "Universidad César Vallejo", "", "", "confirmed"),
    (2004, "final", "Sport Ancash", "", "", "confirmed"),
    (2005, "final", "José Gálvez", "", "", "confirmed"),
    (2006, "final", "Total Clean", "Hijos de Acosvinchos", "stated", "single_source"),
    (2007, "final", "Juan Aurich", "Sport Águila", "stated", "confirmed"),
    (2008, "final", "Sport Huancayo", "CNI", "stated", "confirmed"),
    (2009, "final", "León de Huánuco", "Tecnológico", "stated", "confirmed"),
    (2010, "final", "Unión Comercio", "Alianza Unicachi", "stated", "confirmed"),
    (2011, "final", "Real Garcilaso", "Pacífico FC", "stated", "confirmed"),
    (2012, "final", "UTC", "Alfonso Ugarte", "stated", "confirmed"),
    (2013, "final", "San Simón", "Unión Huaral", "stated", "confirmed"),
    (2014, "final", "Sport Loreto", "Fuerza Minera", "stated", "single_source"),
    (2015, "final", "Defensor La Bocana", "Academia Cantolao", "stated", "confirmed"),
    (2016, "final", "Sport Rosario", "Deportivo Hualgayoc", "stated", "confirmed"),
    (2017, "final", "Binacional", "Atlético Grau", "stated", "single_source"),
    (2018, "final", "Molinos El Pirata", "Alianza Universidad", "source_table", "confirmed"),
    (2019, "final", "Deportivo Llacuabamba", "Carlos Stein", "stated", "confirmed"),
    (2020, "not_held", "", "", "", "confirmed"),
    (2021, "final", "ADT", "Alfonso Ugarte", "stated", "confirmed"),
    (2022, "final", "Deportivo Garcilaso", "AD Comerciantes", "stated", "single_source"),
    (2023, "final", "ADA Jaén", "FC San Marcos", "stated", "confirmed"),
    (2024, "final", "Bentín Tacna Heroica", "FC Cajamarca", "stated", "confirmed"),
    (2025, "final", "Unión Minas", "ANBA Perú", "stated", "confirmed"),
]
# 2001: the sources' versions of the champion, (name as written, the club it names); Season.champion is the first.
ROLL_2001_VERSIONS = [
    ("Sport Bolito", "Sport Bolito"),
    ("Deportivo Bolito", "Sport Bolito"),
    ("Bolito", "Sport Bolito"),
    ("Coronel Bolognesi", "Coronel Bolognesi"),
]


def create_roll_of_champions(years=None):
    """Seasons 1967-2025 (or only ``years``) with only their facts, as the roll of champions ships them: status,
    champion, a stored national runner-up progression (basis stated or source_table), confidence, and 2001's
    disputed champion as FactVersions. Returns {year: Season}. Existing seasons and teams are reused.
    """
    teams = {}

    def team(name):
        if name not in teams:
            teams[name] = Team.objects.filter(name=name).first() or Team.objects.create(name=name)
        return teams[name]

    seasons = {}
    for year, status, champion, runner_up, basis, confidence in ROLL:
        if years is not None and year not in years:
            continue
        season, _created = Season.objects.update_or_create(
            year=year,
            defaults={"status": status, "confidence": confidence, "champion": team(champion) if champion else None},
        )
        # The shipped archive already holds the roll (seeds/roll): a fact it has is reused, not made twice.
        if runner_up and not season.progressions.filter(outcome=Progression.Outcome.RUNNER_UP, region=None).exists():
            Progression.objects.create(
                season=season,
                team=team(runner_up),
                outcome=Progression.Outcome.RUNNER_UP,
                basis=basis,
                source_words="runner-up" if basis == Progression.Basis.STATED else "",
            )
        if year == 2001:
            for order, (name, club) in enumerate(ROLL_2001_VERSIONS):
                FactVersion.objects.update_or_create(
                    season=season, fact=SeasonFact.CHAMPION, name=name, defaults={"team": team(club), "order": order}
                )
        seasons[year] = season
    return seasons
