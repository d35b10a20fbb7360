"""Build the shipped fixtures from the seed articles, so the articles stay the single source of the data."""

from django.core import serializers
from django.db import models, transaction

from ..models import Season, Team
from .season_import import import_season
from .season_rows import load_season


def season_fixture(year):
    """The season's rows as loaddata JSON: teams first by natural key, every other row with its primary key."""
    rows = load_season(Season.objects.get(year=year))
    team_ids = {
        getattr(obj, field.attname)
        for obj in rows
        for field in obj._meta.concrete_fields
        if isinstance(field, models.ForeignKey) and field.related_model is Team
    }
    teams = list(Team.objects.filter(pk__in=team_ids - {None}).order_by("name"))
    rows.sort(key=lambda obj: (0, obj.pk) if isinstance(obj, Season) else (1,))
    return serializers.serialize(
        "json", teams + rows, indent=1, use_natural_foreign_keys=True, use_natural_primary_keys=True
    )


def build_fixtures(articles):
    """{year: fixture JSON} for the given (path, text) articles, imported in order and then rolled back.

    Run against an empty database so that primary keys start at 1 and every build gives the same files.
    """
    if Season.objects.exists():
        raise ValueError("The database already holds seasons; build the fixtures against an empty database.")
    built = {}
    with transaction.atomic():
        for path, text in articles:
            year = import_season(text, str(path)).year
            built[year] = season_fixture(year)
        transaction.set_rollback(True)
    return built
