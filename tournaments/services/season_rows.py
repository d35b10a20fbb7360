"""A season's rows keyed by natural identities instead of primary keys.

The importer diffs an article against the database with these keys (region number, group name in its region,
a match by its group or tie, home, away, matchday and leg), the fixture builder checks its output with them, and
tests compare two databases with `season_dump()` whatever their primary keys.
"""

from collections import Counter

from django.db import models
from django.utils.text import capfirst

from ..models import (
    CITED_THINGS,
    Citation,
    Department,
    FactVersion,
    Group,
    GroupTeam,
    KnockoutRound,
    Match,
    Note,
    PointsAdjustment,
    Progression,
    Qualifier,
    Region,
    RegionDepartment,
    Season,
    Source,
    Stage,
    Team,
    TeamChange,
    Tie,
)

# Parents before children: the order rows are saved in (and deleted in reverse).
SEASON_MODELS = [
    Season,
    Stage,
    TeamChange,
    Region,
    RegionDepartment,
    Qualifier,
    Group,
    GroupTeam,
    KnockoutRound,
    Tie,
    Match,
    Note,
    PointsAdjustment,
    Progression,
    Citation,
    FactVersion,
]
# Fields the article cannot express: editors set them in the admin and a re-import leaves them alone.
UNMANAGED = {
    Season: {"points_for_win", "points_for_draw", "away_goals_rule"},
    Group: {"points_for_win", "points_for_draw", "tiebreakers", "places_advancing", "shootouts"},
    Note: {"source"},
    Match: {"version"},
}
# Bookkeeping, never compared: the primary key, the season every row shares, the match's edit counter.
IGNORED = {"id", "season", "version"}


def place(region):
    return f"Region {region.numeral}" if region is not None else "National Stage"


def natural_key(obj):
    """A readable identity that survives re-import: ("Region V", "Group A") rather than a primary key."""
    if isinstance(obj, Team | Department):
        return obj.name
    if isinstance(obj, Source):
        return obj.natural_key()
    if isinstance(obj, Season):
        return (obj.year,)
    if isinstance(obj, Stage):
        return (obj.kind,)
    if isinstance(obj, TeamChange):
        return (obj.direction, obj.team.name)
    if isinstance(obj, Region):
        return (place(obj),)
    if isinstance(obj, RegionDepartment | Qualifier):
        return (obj.department.name,) if isinstance(obj, RegionDepartment) else (obj.team.name,)
    if isinstance(obj, Group):
        return (place(obj.region), obj.name)
    if isinstance(obj, GroupTeam):
        return (*natural_key(obj.group), obj.team.name)
    if isinstance(obj, KnockoutRound):
        return (place(obj.region), obj.group.name if obj.group else "", obj.name)
    if isinstance(obj, Tie):
        return (*natural_key(obj.round), _name(obj.team_a), _name(obj.team_b))
    if isinstance(obj, Match):
        return (*_where(obj), obj.home_team.name, obj.away_team.name, obj.round_number, obj.leg)
    if isinstance(obj, Note):
        # By its place and position there, not its words: a reworded note is the same note, corrected in place.
        return (*_note_place(obj), obj.order)
    if isinstance(obj, PointsAdjustment):
        return (place(obj.region), obj.group.name if obj.group else "", obj.team.name)
    if isinstance(obj, Progression):
        where = natural_key(obj.tie) if obj.tie else natural_key(obj.group) if obj.group else (place(obj.region),)
        return (*where, obj.team.name, obj.outcome)
    if isinstance(obj, Citation):
        return (*_cited(obj), *obj.source.natural_key())
    if isinstance(obj, FactVersion):
        return (obj.fact, obj.name)
    raise TypeError(obj)


def _cited(citation):
    """What a citation supports, by natural key: ("match", ...), ("fact", "champion") or ("season",)."""
    for name in CITED_THINGS:
        thing = getattr(citation, name)
        if thing is not None:
            return (name, *natural_key(thing))
    return ("fact", citation.fact) if citation.fact else ("season",)


def version_sources(version):
    """The sources of a FactVersion: those set on an unsaved one by the importer (``pending_sources``), else the
    stored ones (prefetched by load_season)."""
    pending = version.__dict__.get("pending_sources")
    return list(pending) if pending is not None else list(version.sources.all())


def _name(team):
    return team.name if team is not None else ""


def _where(match):
    if match.tie is not None:
        return natural_key(match.tie)
    if match.group is not None:
        return natural_key(match.group)
    return (place(match.region),)


def _note_place(note):
    if note.knockout_round is not None:
        return natural_key(note.knockout_round)
    if note.group is not None:
        return natural_key(note.group)
    return (place(note.region) if note.region is not None else "Season",)


def field_values(obj, *, managed_only=False):
    """The row's values, related rows by their natural keys; without the fields the article cannot express."""
    skip = IGNORED | (UNMANAGED.get(type(obj), set()) if managed_only else set())
    values = {}
    for field in obj._meta.concrete_fields:
        if field.name in skip or (isinstance(obj, RegionDepartment) and field.name == "season"):
            continue
        if isinstance(field, models.ForeignKey):
            related = getattr(obj, field.name)
            values[field.name] = None if related is None else natural_key(related)
        else:
            values[field.name] = getattr(obj, field.attname)
    if isinstance(obj, FactVersion):
        values["sources"] = sorted(source.natural_key() for source in version_sources(obj))
    return values


def keyed(objects, renamed=None):
    """{(model label, key): obj}; a repeated key (two identical match lines) gets a running number.

    `renamed` ({old team name: new name}) keys a stored season's rows as if its team had the new name already, so
    an article that renames a team updates those rows instead of removing and re-adding them.
    """
    seen = Counter()
    rows = {}
    for obj in objects:
        key = (capfirst(str(obj._meta.verbose_name)), *natural_key(obj))
        if renamed:
            key = tuple(renamed.get(part, part) if isinstance(part, str) else part for part in key)
        seen[key] += 1
        rows[key if seen[key] == 1 else (*key, f"#{seen[key]}")] = obj
    return rows


def load_season(season):
    """Every row of a season with its related rows attached, in a fixed number of queries (no query per row)."""
    loaded = {Season: {season.pk: season}}
    for model in SEASON_MODELS[1:]:
        if model is GroupTeam:
            queryset = model.objects.filter(group__season=season)
        elif model is Tie:
            queryset = model.objects.filter(round__season=season)
        else:
            queryset = model.objects.filter(season=season)
        if model is FactVersion:
            queryset = queryset.prefetch_related("sources")
        loaded[model] = {obj.pk: obj for obj in queryset.order_by("pk")}
    team_ids = {
        getattr(obj, field.attname)
        for rows in loaded.values()
        for obj in rows.values()
        for field in obj._meta.concrete_fields
        if isinstance(field, models.ForeignKey) and field.related_model is Team
    }
    loaded[Team] = Team.objects.in_bulk(team_ids - {None})
    loaded[Department] = Department.objects.in_bulk()
    loaded[Source] = Source.objects.in_bulk({citation.source_id for citation in loaded[Citation].values()})
    for model in SEASON_MODELS:
        for obj in loaded[model].values():
            for field in obj._meta.concrete_fields:
                value = getattr(obj, field.attname)
                if isinstance(field, models.ForeignKey) and value is not None:
                    # Attaching the loaded row fills Django's cache, so reading obj.group costs no query.
                    setattr(obj, field.name, loaded[field.related_model][value])
    return [obj for model in SEASON_MODELS for obj in loaded[model].values()]


def season_dump(year):
    """Everything stored for a season, primary keys replaced by natural keys: equal dumps mean equal data."""
    season = Season.objects.filter(year=year).first()
    if season is None:
        return {}
    return {key: field_values(obj) for key, obj in keyed(load_season(season)).items()}
