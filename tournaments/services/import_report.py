"""What an article import did (or would do), in the words of a football editor.

A row is named by where it sits in the season ("2008 · National stage · Final group stage · Atlético Torino v CNI
(9 Dec)") and a change by its field's name with both values ("score 1–1 → 2–1"), never by model or column names.
Every sentence goes through gettext whole, with placeholders.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from ..models import (
    CITED_THINGS,
    Citation,
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
    Stage,
    Team,
    TeamChange,
    Tie,
)
from ..presentation.sections import section_name
from ..text import to_roman
from .season_rows import version_sources

LONG_TEXT = 60  # characters of a note or summary shown in a change line


def _short(text):
    text = " ".join(str(text).split())
    return text if len(text) <= LONG_TEXT else f"{text[: LONG_TEXT - 1]}…"


def _day(date):
    """ "4 Dec", "4 dic.": a match's day in the report, in the editor's language (the year is the season's)."""
    return formats.date_format(date, pgettext("date format: day and short month, no year", "j M"))


def _season_of(obj):
    if isinstance(obj, Season):
        return obj
    if isinstance(obj, Tie):
        return obj.round.season
    if isinstance(obj, GroupTeam):
        return obj.group.season
    if isinstance(obj, RegionDepartment):
        return obj.region.season
    return obj.season


def _place(region):
    return _("Region %(numeral)s") % {"numeral": to_roman(region.number)} if region is not None else _("National stage")


def _section(obj):
    """Where a group, round, tie or match sits: "National stage · Final group stage"."""
    if isinstance(obj, Group | KnockoutRound):
        parts = [_place(obj.region)]
        if isinstance(obj, KnockoutRound) and obj.group is not None:
            parts.append(section_name(obj.group.name))
        return [*parts, section_name(obj.name)]
    if isinstance(obj, Tie):
        return _section(obj.round)
    if obj.tie is not None:
        return _section(obj.tie)
    if obj.group is not None:
        return _section(obj.group)
    return [_place(obj.region)]


def _match_label(match):
    details = []
    if match.leg:
        details.append(_("leg %(leg)d") % {"leg": match.leg})
    if match.date:
        details.append(_day(match.date))
    elif match.round_number:
        details.append(_("round %(round)d") % {"round": match.round_number})
    teams = _("%(home)s v %(away)s") % {"home": match.home_team.name, "away": match.away_team.name}
    return f"{teams} ({', '.join(details)})" if details else teams


def describe(obj):
    """The row as an editor finds it: "2008 · Region IV · Group A · Unión Huaral v Defensor Lima (1 Jun)"."""
    parts = [str(_season_of(obj).year)]
    if isinstance(obj, Season):
        parts.append(_("the season's title, infobox and summary"))
    elif isinstance(obj, Stage):
        parts += [_("Stage dates"), obj.get_kind_display()]
    elif isinstance(obj, TeamChange):
        parts += [_("Team changes"), f"{obj.team.name} ({obj.heading})"]
    elif isinstance(obj, Region):
        parts.append(_place(obj))
    elif isinstance(obj, RegionDepartment):
        parts += [_place(obj.region), obj.department.name]
    elif isinstance(obj, Qualifier):
        parts += [_("Departmental stage"), obj.department.name, obj.team.name]
    elif isinstance(obj, Group | KnockoutRound):
        parts += _section(obj)
    elif isinstance(obj, GroupTeam):
        parts += [*_section(obj.group), obj.team.name]
    elif isinstance(obj, Tie):
        team_a, team_b = (team.name if team else "?" for team in (obj.team_a, obj.team_b))
        parts += [*_section(obj), _("%(home)s v %(away)s") % {"home": team_a, "away": team_b}]
    elif isinstance(obj, Match):
        parts += [*_section(obj), _match_label(obj)]
    elif isinstance(obj, Note):
        where = _section(obj.knockout_round or obj.group) if (obj.knockout_round or obj.group) else []
        where = where or ([_place(obj.region)] if obj.region is not None else [])
        parts += [*where, _("note “%(text)s”") % {"text": _short(obj.text)}]
    elif isinstance(obj, Progression):
        where = _section(obj.tie or obj.group) if (obj.tie or obj.group) else [_place(obj.region)]
        parts += [
            *where,
            _("%(team)s: %(outcome)s (%(basis)s)")
            % {"team": obj.team.name, "outcome": obj.get_outcome_display(), "basis": obj.get_basis_display()},
        ]
    elif isinstance(obj, PointsAdjustment):
        parts += [_place(obj.region), _("points adjustment for %(team)s") % {"team": obj.team.name}]
    elif isinstance(obj, Citation):
        parts += [_("Sources"), _citation_label(obj)]
    elif isinstance(obj, FactVersion):
        parts += [_("%(fact)s as some sources give it: %(name)s") % {"fact": obj.get_fact_display(), "name": obj.name}]
    return " · ".join(parts)


def _citation_label(citation):
    """ "source 2, Wikipedia: 2001 Copa Perú" or "RSSSF: Peru for Region VI · Group A · Sport Bolito v Melgar"."""
    thing = next((getattr(citation, name) for name in CITED_THINGS if getattr(citation, name) is not None), None)
    if thing is not None:
        what = describe(thing).split(" · ", 1)[-1]
    elif citation.fact:
        what = citation.get_fact_display()
    else:
        return _("source %(number)d, %(source)s") % {"number": citation.order, "source": citation.source}
    return _("%(source)s for %(what)s") % {"source": citation.source, "what": what}


def _shown(obj, model_field):
    """A field's value as the pages write it: names for related rows, labels for choices, "not recorded" for none."""
    if isinstance(model_field, models.ForeignKey):
        related = getattr(obj, model_field.name)
        if related is None:
            return pgettext("no related row (a team, a group...)", "none")
        return related.name if isinstance(related, Team) else describe(related).split(" · ", 1)[-1]
    value = getattr(obj, model_field.attname)
    if value is None or value == "":
        return _("not recorded")
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(model_field, models.DateField):
        return _day(value)
    return _short(value)


def _pair(obj, home, away):
    first, second = getattr(obj, home), getattr(obj, away)
    return _("not recorded") if first is None or second is None else f"{first}–{second}"


# Two columns an editor reads as one thing.
PAIRS = {
    Match: [("home_score", "away_score", "score"), ("home_penalties", "away_penalties", "penalties")],
}


def change_sentences(old, new, names):
    """["score 1–1 → 2–1", "location Huancayo → El Tambo"] for the fields `names` that differ."""
    names = list(names)
    out = []
    for home, away, label in PAIRS.get(type(new), []):
        if home in names or away in names:
            names = [name for name in names if name not in (home, away)]
            label_text = _("score") if label == "score" else _("penalties")
            out.append(
                _("%(field)s %(old)s → %(new)s")
                % {"field": label_text, "old": _pair(old, home, away), "new": _pair(new, home, away)}
            )
    if "sources" in names:  # a version's sources, a many-to-many relation
        names.remove("sources")
        shown = [
            ", ".join(str(source) for source in version_sources(obj)) or pgettext("no sources", "none")
            for obj in (old, new)
        ]
        out.append(_("%(field)s %(old)s → %(new)s") % {"field": _("sources"), "old": shown[0], "new": shown[1]})
    for name in names:
        model_field = new._meta.get_field(name)
        out.append(
            _("%(field)s %(old)s → %(new)s")
            % {"field": model_field.verbose_name, "old": _shown(old, model_field), "new": _shown(new, model_field)}
        )
    return out


def removal_counts(rows):
    """ "55 departmental qualifiers, 7 matches and 1 region" for the rows an import would remove."""
    counts = {}
    for obj in rows:
        counts[type(obj)] = counts.get(type(obj), 0) + 1
    # The model's own singular and plural names carry the number's grammar (Spanish, like English, uses the
    # singular only for one), so one message serves both: "1 región", "7 partidos".
    parts = [
        _("%(count)d %(name)s")
        % {"count": count, "name": model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural}
        for model, count in counts.items()
    ]
    if len(parts) < 2:
        return "".join(parts)
    return _("%(first)s and %(last)s") % {"first": ", ".join(parts[:-1]), "last": parts[-1]}


def _section_heading(sign, count, dry_run):
    values = {"count": count}
    if sign == "+" and dry_run:
        return ngettext("%(count)d row would be added:", "%(count)d rows would be added:", count) % values
    if sign == "+":
        return ngettext("%(count)d row added:", "%(count)d rows added:", count) % values
    if sign == "~" and dry_run:
        return ngettext("%(count)d row would change:", "%(count)d rows would change:", count) % values
    if sign == "~":
        return ngettext("%(count)d row changed:", "%(count)d rows changed:", count) % values
    if dry_run:
        return ngettext("%(count)d row would be removed:", "%(count)d rows would be removed:", count) % values
    return ngettext("%(count)d row removed:", "%(count)d rows removed:", count) % values


@dataclass
class ImportReport:
    """The rows an import adds, changes and removes, each as a line an editor can check against the article."""

    year: int
    path: str = "article"
    created: list = field(default_factory=list)  # described rows
    changed: list = field(default_factory=list)  # "row: change; change"
    removed: list = field(default_factory=list)  # described rows
    removal_summary: str = ""
    new_teams: list = field(default_factory=list)
    new_sources: list = field(default_factory=list)  # "Publisher: Title" of each source the import adds
    filled_sources: list = field(default_factory=list)  # "Publisher: Title: language, licence" filled in
    new_aliases: list = field(default_factory=list)  # "Alias, another name of Team"
    renames: list = field(default_factory=list)  # sentences
    splits: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    dry_run: bool = False

    @property
    def has_changes(self):
        changes = (self.created, self.changed, self.removed, self.new_sources, self.filled_sources, self.new_aliases)
        return any(changes)

    def text(self):
        return "\n".join(self.lines())

    def removal_sentence(self):
        """ "This article would remove 55 departmental qualifiers and 7 matches.", or "" when it removes nothing."""
        if not self.removed:
            return ""
        return _("This article would remove %(rows)s.") % {"rows": self.removal_summary}

    def summary(self):
        """One sentence with the counts, for the message after an import."""
        return _("Imported %(file)s into Copa Perú %(year)s: %(created)s, %(changed)s, %(removed)s.") % {
            "file": self.path,
            "year": self.year,
            "created": ngettext("%(count)d row added", "%(count)d rows added", len(self.created))
            % {"count": len(self.created)},
            "changed": ngettext("%(count)d row changed", "%(count)d rows changed", len(self.changed))
            % {"count": len(self.changed)},
            "removed": ngettext("%(count)d row removed", "%(count)d rows removed", len(self.removed))
            % {"count": len(self.removed)},
        }

    def lines(self):
        if self.dry_run:
            out = [_("Copa Perú %(year)s: dry run, nothing written") % {"year": self.year}]
        else:
            out = [_("Copa Perú %(year)s: imported") % {"year": self.year}]
        if self.removed and self.dry_run:
            out.append(self.removal_sentence())
        elif self.removed:
            out.append(_("This import removed %(rows)s.") % {"rows": self.removal_summary})
        if not self.has_changes:
            out.append(_("No changes."))
        for sign, rows in (("+", self.created), ("~", self.changed), ("-", self.removed)):
            if rows:
                out.append(_section_heading(sign, len(rows), self.dry_run))
                out += [f"  {sign} {row}" for row in rows]
        if self.new_teams:
            out.append(_("New teams (check the spelling): %(teams)s") % {"teams": ", ".join(self.new_teams)})
        if self.new_sources:
            out.append(_("New sources: %(sources)s") % {"sources": "; ".join(self.new_sources)})
        if self.filled_sources:
            out.append(
                _("Details filled in on stored sources: %(sources)s") % {"sources": "; ".join(self.filled_sources)}
            )
        if self.new_aliases:
            out.append(_("Other names of clubs: %(names)s") % {"names": "; ".join(self.new_aliases)})
        out += self.renames
        out += [_("Team changes cell read as: %(split)s") % {"split": split} for split in self.splits]
        out += [_("Warning: %(warning)s") % {"warning": warning} for warning in self.warnings]
        return out
