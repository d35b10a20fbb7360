"""Hold a whole season, built in memory from an article, to the admin's rules before anything is written.

The admin runs each model's ``full_clean()``: field checks, the model's ``clean()`` (models/validation.py) and the
database constraints. Here the same three run over every row the article describes, without writing and without a
write transaction, so a dry run never holds the database's write lock:

- rows not stored yet get stand-in negative primary keys while they are checked, so the rules that compare keys
  ("a team cannot play itself", "not in this group") work on them exactly as on stored rows;
- the lookups ``clean()`` would make in the database are answered from the article instead (the teams a group
  lists, the teams that qualified from a region, a tie's other leg), through the hooks models/validation.py offers;
- check constraints are evaluated in Python (no query per row) and unique constraints across the rows of the season.

Every mistake is returned, none raised, so an editor sees them all at once.
"""

from functools import cache
from itertools import count

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import F, Q

from ..models import Group, GroupTeam, KnockoutRound, Match, Qualifier, Region, RegionDepartment, Season, Stage, Tie
from .article_parser import LineError

_UNKNOWN = None  # SQL's third truth value: a comparison with NULL


@cache
def _attname(model, name):
    return model._meta.get_field(name).attname


@cache
def _foreign_keys(model):
    return [field for field in model._meta.concrete_fields if isinstance(field, models.ForeignKey)]


def _value(obj, name):
    return getattr(obj, _attname(type(obj), name))


def _compare(lookup, left, right):
    if lookup == "isnull":
        return (left is None) == bool(right)
    if lookup == "in":
        return _UNKNOWN if left is None else left in right
    if left is None or right is None:
        return _UNKNOWN
    operations = {
        "exact": lambda: left == right,
        "gt": lambda: left > right,
        "gte": lambda: left >= right,
        "lt": lambda: left < right,
        "lte": lambda: left <= right,
    }
    if lookup not in operations:
        raise NotImplementedError(lookup)
    return operations[lookup]()


def holds(condition, obj):
    """A constraint's Q on an unsaved row: True, False, or None when SQL would say unknown (which a CHECK accepts).

    Covers the lookups the archive's constraints use (exact, isnull, in, gt/gte/lt/lte, F() of another field);
    raises NotImplementedError for anything else, and the caller then asks the database.
    """
    results = []
    for child in condition.children:
        if isinstance(child, Q):
            results.append(holds(child, obj))
            continue
        path, right = child
        name, _, lookup = path.partition("__")
        if isinstance(right, F):
            right = _value(obj, right.name)
        elif isinstance(right, models.Model):
            right = right.pk
        results.append(_compare(lookup or "exact", _value(obj, name), right))
    if condition.connector == Q.AND:
        result = False if False in results else (_UNKNOWN if _UNKNOWN in results else True)
    elif condition.connector == Q.OR:
        result = True if True in results else (_UNKNOWN if _UNKNOWN in results else False)
    else:
        raise NotImplementedError(condition.connector)
    if condition.negated and result is not _UNKNOWN:
        return not result
    return result


def _message(obj, error, *, name_fields):
    """ "match: The date 2009-12-07 is outside the 2008 season."; with name_fields, Django's field checks (which do
    not say which field they concern) are prefixed with the field's name."""
    parts = []
    for name, messages in error.message_dict.items() if hasattr(error, "error_dict") else [(None, error.messages)]:
        for message in messages:
            if not name_fields or name in (None, NON_FIELD_ERRORS):
                parts.append(message)
            else:
                parts.append(f"{obj._meta.get_field(name).verbose_name}: {message}")
    return f"{obj._meta.verbose_name}: " + " ".join(parts)


class _StandInKeys:
    """Negative primary keys for unsaved rows while they are checked, and the foreign keys that point at them."""

    def __init__(self, rows):
        self.rows = rows
        self.given = []

    def __enter__(self):
        numbers = count(-1, -1)
        for obj in self.rows:
            if obj.pk is None:
                obj.pk = next(numbers)
                self.given.append(obj)
        self._reattach()
        return self

    def __exit__(self, *exc):
        for obj in self.given:
            obj.pk = None
        self._reattach()

    def _reattach(self):
        for obj in self.rows:
            reattach(obj)


def reattach(obj):
    """Copy each related row's current key into the foreign key (assigning a parent before it had one leaves None)."""
    for model_field in _foreign_keys(type(obj)):
        related = obj._state.fields_cache.get(model_field.name)
        if related is not None:
            # Straight into the instance: the descriptor would drop the cached row when the key changes.
            obj.__dict__[model_field.attname] = related.pk


def _prime(rows_by_model):
    """Answer clean()'s database lookups from the article's rows (see the hooks in models/validation.py)."""
    primed = []
    departments = {}
    for membership in rows_by_model[RegionDepartment]:
        departments.setdefault(id(membership.region), []).append(membership.department)
    qualified = {}
    for qualifier in rows_by_model[Qualifier]:
        qualified.setdefault(qualifier.department.pk, set()).add(qualifier.team.pk)
    for region in rows_by_model[Region]:
        region.pending_departments = departments.get(id(region), [])
        region._team_ids = set().union(*(qualified.get(d.pk, set()) for d in region.pending_departments))
        primed.append((region, ("pending_departments", "_team_ids")))
    for group in rows_by_model[Group]:
        group.pending_team_ids = set()
        primed.append((group, ("pending_team_ids",)))
    for entry in rows_by_model[GroupTeam]:
        entry.group.pending_team_ids.add(entry.team.pk)
    for tie in rows_by_model[Tie]:
        tie.pending_matches = []
        primed.append((tie, ("pending_matches",)))
    for match in rows_by_model[Match]:
        if match.tie is not None:
            match.tie.pending_matches.append(match)
    # The season's rows are the article's, not the stored ones it replaces.
    played = any(rows_by_model[model] for model in (Stage, Region, Qualifier, Group, KnockoutRound, Match))
    for season in rows_by_model[Season]:
        season.pending_played = played
        primed.append((season, ("pending_played",)))
    return primed


def _constraint_errors(obj, seen):
    """Check and unique constraints on one row; `seen` holds the unique values of the rows checked before it."""
    messages = []
    for constraint in obj._meta.constraints:
        if isinstance(constraint, models.CheckConstraint):
            try:
                failed = holds(constraint.condition, obj) is False
            except NotImplementedError:
                try:
                    constraint.validate(type(obj), obj)
                    failed = False
                except ValidationError:
                    failed = True
            if failed:
                messages.append(str(constraint.get_violation_error_message()))
        elif isinstance(constraint, models.UniqueConstraint) and constraint.fields:
            if constraint.condition is not None and holds(constraint.condition, obj) is not True:
                continue
            values = tuple(_value(obj, name) for name in constraint.fields)
            if None in values:
                continue  # SQL never finds two NULLs equal
            key = (constraint.name, values)
            if key in seen:
                messages.append(str(constraint.get_violation_error_message()))
            seen.add(key)
    return messages


def validate_season_rows(rows_by_model, lines, new_teams=()):
    """Every rule the admin applies, on every row; returns LineError for each row that breaks one, none raised.

    `rows_by_model` maps each model to the rows the article describes (stored rows keep their primary keys, new
    ones have none); `lines` maps id(row) to the article line it came from; `new_teams` are the unsaved teams the
    rows name (checked by the caller, given stand-in keys here).
    """
    rows = [obj for objects in rows_by_model.values() for obj in objects]
    errors = []
    seen = set()
    with _StandInKeys([*new_teams, *rows]):
        primed = _prime(rows_by_model)
        try:
            for obj in rows:
                messages = []
                foreign_keys = {f.name for f in _foreign_keys(type(obj))}
                for step, arguments, name_fields in ((obj.clean_fields, (foreign_keys,), True), (obj.clean, (), False)):
                    try:
                        step(*arguments)
                    except ValidationError as error:
                        messages.append(_message(obj, error, name_fields=name_fields))
                constraint_messages = _constraint_errors(obj, seen)
                if constraint_messages and not messages:  # clean() repeats some constraints in its own words
                    messages.append(f"{obj._meta.verbose_name}: " + " ".join(constraint_messages))
                errors += [LineError(lines[id(obj)], message) for message in messages]
        finally:
            for obj, names in primed:
                for name in names:
                    obj.__dict__.pop(name, None)
    return errors
