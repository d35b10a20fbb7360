"""The editors' rules that a database constraint cannot express, as sentences naming the teams and fields.

Each model's ``clean()`` calls these, so the admin, the importers (``full_clean()``) and any future form all
refuse the same mistakes with the same words. Every function returns ``{field: message}`` for the errors it
finds (empty when all is well); the model raises them together so an editor sees all of them at once.
"""

import calendar
import datetime

from django.utils import formats
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from ..presentation.sections import section_name
from ..rules.match_status import MatchStatus

UNPLAYED = (MatchStatus.SCHEDULED, MatchStatus.NOT_PLAYED)


def long_date(day):
    """ "3 May 2008" ("3 de mayo de 2008" in Spanish): how the sources and the pages write a date, in the active
    language's DATE_FORMAT (copaperu_site/formats/)."""
    return formats.date_format(day, "DATE_FORMAT")


def group_team_ids(group):
    """The ids of the teams a group lists, including those being added in the same admin form.

    The group's team inline validates before its match inline (see ``GroupTeamFormSet``) and leaves the teams
    it is about to save on the group, so a team and its matches can be entered in one go.
    """
    pending = getattr(group, "pending_team_ids", None)
    if pending is not None:
        return pending
    if not hasattr(group, "_team_ids"):
        group._team_ids = set(group.entries.values_list("team_id", flat=True))
    return group._team_ids


def region_team_ids(region):
    """Teams that qualified from the region's departments that season; empty when either is not entered yet."""
    if not hasattr(region, "_team_ids"):
        # Looked up by name: seasons.py, which defines Qualifier, imports this module.
        qualifiers = region._meta.apps.get_model("tournaments", "Qualifier").objects
        region._team_ids = set(
            qualifiers.filter(season_id=region.season_id, department__region_memberships__region=region).values_list(
                "team_id", flat=True
            )
        )
    return region._team_ids


def region_team_error(region, team):
    """A regional fixture may only name teams that qualified from the region's departments."""
    allowed = region_team_ids(region)
    if not allowed or team.pk in allowed:
        return None
    # An importer validating a region it has not saved yet hands over the departments it is about to store.
    pending = getattr(region, "pending_departments", None)
    listed = sorted(pending, key=str) if pending is not None else region.departments.order_by("name")
    # "Callao or Lima", "Cusco, Puno or Apurímac": Django's list words, in the active language ("Callao o Lima").
    departments = get_text_list([str(department) for department in listed], _("or"))
    return _("%(team)s is not in Region %(numeral)s: it did not qualify from %(departments)s.") % {
        "team": team,
        "numeral": region.numeral,
        "departments": departments,
    }


def parent_season_error(obj, region):
    """A group or round belongs to the same season as its region."""
    if region is not None and obj.season_id and region.season_id != obj.season_id:
        return {
            "region": _("Region %(numeral)s belongs to the %(year)s season, not this one.")
            % {"numeral": region.numeral, "year": region.season.year}
        }
    return {}


def fill_match_context(match):
    """A match in a group or tie takes its season and region from there, so editors never type them twice."""
    errors = {}
    parent = match.group if match.group_id else (match.tie.round if match.tie_id else None)
    if parent is None:
        return errors
    match.season_id = parent.season_id
    if match.region_id is None:
        match.region_id = parent.region_id
    elif match.region_id != parent.region_id:
        errors["region"] = _("This match's region must be its group's or round's: %(where)s.") % {
            "where": _("Region %(numeral)s") % {"numeral": parent.region.numeral}
            if parent.region_id
            else _("none (national stage)")
        }
    return errors


def match_errors(match):
    errors = fill_match_context(match)
    home = match.home_team if match.home_team_id else None
    away = match.away_team if match.away_team_id else None
    if home and away and home.pk == away.pk:
        errors["away_team"] = _("%(team)s cannot play itself.") % {"team": home}
    errors.update(_score_errors(match))
    if home and away and home.pk != away.pk:
        errors.update(_team_errors(match, home, away))
    errors.update(_date_errors(match))
    return errors


def _score_errors(match):
    has_score = match.home_score is not None or match.away_score is not None
    has_penalties = match.home_penalties is not None or match.away_penalties is not None
    if match.status in UNPLAYED and (has_score or has_penalties):
        field = "home_score" if has_score else "home_penalties"
        return {field: _("A match marked '%(status)s' cannot have a score.") % {"status": match.get_status_display()}}
    if match.home_penalties is None or match.away_penalties is None:
        return {}
    if match.home_penalties == match.away_penalties:
        return {"home_penalties": _("A penalty shoot-out cannot end level.")}
    return _penalties_need_level_scores(match) or round_robin_shootout_error(match)


def round_robin_shootout_error(match):
    """A group match that ends level is a draw: no shoot-out, unless the group's own rules record one.

    Shared by the model (admin and forms) and the importer, which validates rows without ``clean()``.
    """
    if match.home_penalties is None or not match.group_id or match.group.shootouts:
        return {}
    return {
        "home_penalties": _(
            "%(group)s is played as a round robin, where a drawn match stays a draw: penalties are only recorded "
            "when the group's rules had a shoot-out (tick that on the group first)."
        )
        % {"group": section_name(match.group.name)}
    }


def _penalties_need_level_scores(match):
    """In a two-legged tie the shoot-out follows a level aggregate, so it belongs to the second leg."""
    level = _("Penalties are only taken when the scores are level.")
    tie = match.tie if match.tie_id else None
    if tie is None or tie.legs == 1:
        if match.score_known and match.home_score != match.away_score:
            return {"home_penalties": level}
        return {}
    if match.leg == 1:
        return {"home_penalties": _("Penalties are only taken after the second leg.")}
    first = other_leg(match, 1)
    if first is None or not (first.score_known and match.score_known):
        return {}
    goals = {match.home_team_id: match.home_score, match.away_team_id: match.away_score}
    goals[first.home_team_id] = goals.get(first.home_team_id, 0) + first.home_score
    goals[first.away_team_id] = goals.get(first.away_team_id, 0) + first.away_score
    home, away = goals[match.home_team_id], goals[match.away_team_id]
    if home != away:
        return {
            "home_penalties": _(
                "Penalties are only taken when the scores are level. The aggregate is %(home)s-%(away)s."
            )
            % {"home": home, "away": away}
        }
    return {}


def _team_errors(match, home, away):
    errors = {}
    for field, team in (("home_team", home), ("away_team", away)):
        message = None
        if match.group_id and (listed := group_team_ids(match.group)) and team.pk not in listed:
            message = _("%(team)s is not in %(group)s.") % {"team": team, "group": section_name(match.group.name)}
        elif match.tie_id and match.tie.team_a_id and match.tie.team_b_id:
            if team.pk not in (match.tie.team_a_id, match.tie.team_b_id):
                message = _("%(team)s is not in this tie (%(a)s v %(b)s).") % {
                    "team": team,
                    "a": match.tie.team_a,
                    "b": match.tie.team_b,
                }
        if message is None and match.region_id:
            message = region_team_error(match.region, team)
        if message:
            errors[field] = message
    return errors


def _date_errors(match):
    if match.date is None:
        return {}
    # No seed season runs past December (the 2008 final group ended on 11 December), so a date in another year is
    # a typing mistake rather than a final that ran into January.
    if match.season_id and match.date.year != match.season.year:
        return {
            "date": _("The date %(date)s is outside the %(year)s season.")
            % {"date": match.date.isoformat(), "year": match.season.year}
        }
    if match.tie_id and match.leg in (1, 2):
        other = other_leg(match, 3 - match.leg, dated=True)
        if other is not None:
            first, second = (match.date, other.date) if match.leg == 1 else (other.date, match.date)
            if message := leg_order_error(first, second):
                return {"date": message}
    return {}


def other_leg(match, leg, *, dated=False):
    """The tie's match of that leg other than this one (with a date, if asked), or None.

    An importer validating a whole season before writing it sets ``pending_matches`` on the tie: the legs it is
    about to store, which the database does not hold yet.
    """
    pending = getattr(match.tie, "pending_matches", None)
    if pending is not None:
        return next((m for m in pending if m is not match and m.leg == leg and not (dated and m.date is None)), None)
    others = match.tie.matches.exclude(pk=match.pk).filter(leg=leg)
    return (others.filter(date__isnull=False) if dated else others).first()


def leg_order_error(first, second):
    """The second leg of a tie is played after the first (or, at the earliest, the same day)."""
    if first and second and second < first:
        return _("The second leg (%(second)s) cannot be before the first leg (%(first)s).") % {
            "second": long_date(second),
            "first": long_date(first),
        }
    return None


def stage_date_errors(stage):
    if stage.start_day and stage.start_month and stage.season_id:
        last_day = calendar.monthrange(stage.season.year, stage.start_month)[1]
        if stage.start_day > last_day:
            return {
                "start_day": _("%(month)s has only %(days)s days.")
                % {
                    # "February 2008", "febrero de 2008": the month in the editor's language.
                    "month": formats.date_format(
                        datetime.date(stage.season.year, stage.start_month, 1), "YEAR_MONTH_FORMAT"
                    ),
                    "days": last_day,
                }
            }
    return {}


def not_held_error(row):
    """The sentence refusing a stage, qualifier, region, group, round or match added to a season that was not
    held (a season with no final may have them: 1974 was played up to its cancelled final), or "" when allowed."""
    if row.season_id is None or row.season.status != "not_held":
        return ""
    return _(
        "The %(year)s season was not held: it has no departmental qualifiers, regions, stages or matches. Change "
        "the season's status first if it was held."
    ) % {"year": row.season.year}


def season_id_of(item):
    """The season id of a season's row (a region, group, round, stage, note, qualifier, match…) or of a tie (through
    its round); None when the row has neither."""
    if hasattr(item, "season_id"):
        return item.season_id
    if hasattr(item, "round"):
        return item.round.season_id
    return None
