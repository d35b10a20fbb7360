"""Build the shipped fixtures from the seed articles, so the articles stay the single source of the data."""

from django.core import serializers
from django.db import models, transaction

from ..models import Citation, FactVersion, Season, Source, Team, TeamAlias
from .season_import import import_season
from .season_rows import load_season

# Rows of a season that season_rows may not load with the season itself: its citations and the versions of its
# disputed facts. Sources and other names are shared by seasons and teams, so each fixture carries the ones its rows
# use (sources by natural key, other names by primary key: the same row in every fixture, built in one database).
SEASON_SOURCE_MODELS = (Citation, FactVersion)


def _foreign_ids(rows, model):
    return {
        getattr(obj, field.attname)
        for obj in rows
        for field in obj._meta.concrete_fields
        if isinstance(field, models.ForeignKey) and field.related_model is model
    } - {None}


def season_fixture(year):
    """The season's rows as loaddata JSON: sources and teams first by natural key, then the teams' other names,
    then every row of the season with its primary key (citations and fact versions included)."""
    season = Season.objects.get(year=year)
    rows = load_season(season)
    loaded = {type(obj) for obj in rows}
    for model in SEASON_SOURCE_MODELS:
        if model not in loaded:
            rows += list(model.objects.filter(season=season).order_by("pk"))
    team_ids = _foreign_ids(rows, Team)
    aliases = list(TeamAlias.objects.filter(team__in=team_ids).order_by("pk"))
    source_ids = _foreign_ids(rows + aliases, Source) | set(
        FactVersion.sources.through.objects.filter(factversion__season=season).values_list("source", flat=True)
    )
    sources = list(Source.objects.filter(pk__in=source_ids).order_by("pk"))
    teams = list(Team.objects.filter(pk__in=team_ids).order_by("name"))
    rows.sort(key=lambda obj: (0, obj.pk) if isinstance(obj, Season) else (1,))
    return serializers.serialize(
        "json",
        sources + teams + aliases + rows,
        indent=1,
        use_natural_foreign_keys=True,
        use_natural_primary_keys=True,
    )


def build_fixtures(articles):
    """{year: fixture JSON} for the given (path, text) articles, imported in order and then rolled back.

    Run against an empty database so that primary keys start at 1 and every build gives the same files. All
    articles go into one database, so a source or team shared by several seasons is one row in every fixture.
    """
    if Season.objects.exists():
        raise ValueError("The database already holds seasons; build the fixtures against an empty database.")
    imported = []
    with transaction.atomic():
        for path, text in articles:
            imported.append(import_season(text, str(path)).year)
        # Written after every import, so that a team's other names recorded by a later article reach every
        # season that team plays in.
        built = {year: season_fixture(year) for year in imported}
        transaction.set_rollback(True)
    return built
