"""django-tables2 tables for the public pages; each renders with a caption and scoped headers, and exports to CSV.

A cell the sources left empty reads "not recorded" on the page and stays empty in the CSV.
"""

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .models import Progression, Season
from .presentation import roll
from .presentation.results import signed
from .presentation.sources import footnote_links
from .presentation.stages import region_in_season, region_label
from .selectors.outcomes import Mark
from .text import fold, to_roman

NOT_RECORDED = _("not recorded")


def team_link(team):
    return format_html('<a href="{}">{}</a>', team.get_absolute_url(), team.name)


def team_links(teams):
    return format_html_join(", ", '<a href="{}">{}</a>', ((team.get_absolute_url(), team.name) for team in teams))


def region_link(season_year, number, numeral):
    url = reverse("tournaments:region-detail", args=[season_year, numeral.lower()])
    return format_html('<a href="{}">{}</a>', url, region_label(numeral))


class SiteTable(tables.Table):
    """A table with a caption (templates/includes/table.html renders it first, as screen readers expect).

    django-tables2 does not inherit ``Meta``: a subclass declaring none falls back to DJANGO_TABLES2_TEMPLATE, which
    settings point at the same template, and the template adds the ``data`` class, so every table looks the same.
    """

    def __init__(self, *args, caption="", footnotes=None, **kwargs):
        if footnotes is None and "sources" in self.base_columns:
            kwargs["exclude"] = (*kwargs.get("exclude", ()), "sources")
        super().__init__(*args, **kwargs)
        self.caption = caption
        # record -> the footnote numbers of the thing the row shows (selectors.sources); None: the table cites none.
        self.footnotes = footnotes or (lambda record: [])

    def value_sources(self, record):
        return "".join(f"[{number}]" for number in self.footnotes(record))

    class Meta:
        template_name = "includes/table.html"
        attrs = {"class": "data"}
        empty_text = _("Nothing recorded.")


class TeamColumn(tables.Column):
    """A team (or None) linked to its page; the CSV gets the plain name."""

    def render(self, value):
        return team_link(value)

    def value(self, value):
        return value.name if value else ""


class NamedLinkColumn(tables.Column):
    """A department (or anything with a name and a page) linked to its page; the CSV gets the plain name."""

    def render(self, value):
        return format_html('<a href="{}">{}</a>', value.get_absolute_url(), value.name)

    def value(self, value):
        return value.name if value else ""


class SeasonColumn(tables.Column):
    """A season linked by its year; the CSV gets the year."""

    def render(self, value):
        return format_html('<a href="{}">{}</a>', value.get_absolute_url(), value.year)

    def value(self, value):
        return value.year


class TeamListColumn(tables.Column):
    def render(self, value):
        return team_links(value)

    def value(self, value):
        return "; ".join(team.name for team in value or [])


class SourcesColumn(tables.Column):
    """The footnote numbers of what a row shows, "[1][3]", in the CSV and .xlsx only: on the page the footnotes sit
    beside the row's team, region or group heading, and the file ends with the list of the numbered sources."""

    def __init__(self):
        super().__init__(verbose_name=_("Sources"), empty_values=(), orderable=False, visible=False)


def _numeric(name, title, fold=""):
    """A right-aligned number column whose header is aligned with it; ``fold`` ("phone", "narrow") names the
    screen width below which it folds away (static/css/site.css)."""
    css = f"num fold-{fold}" if fold else "num"
    return tables.Column(verbose_name=name, attrs={"th": {"title": title, "class": css}, "td": {"class": css}})


class StandingsTable(SiteTable):
    """A group's table from the engine's rows (TableRow.as_dict()); order is the engine's, never re-sorted."""

    position = tables.Column(
        verbose_name="#", attrs={"th": {"title": _("Position"), "class": "num pos"}, "td": {"class": "num pos"}}
    )
    team = TeamColumn(verbose_name=_("Team"), attrs={"th": {"class": "team"}, "td": {"class": "team"}})
    played = _numeric(
        pgettext_lazy("standings column: played", "P"),
        pgettext_lazy("standings column title: matches played", "Played"),
    )
    won = _numeric(pgettext_lazy("standings column: won", "W"), _("Won"), fold="narrow")
    drawn = _numeric(pgettext_lazy("standings column: drawn", "D"), _("Drawn"), fold="narrow")
    lost = _numeric(pgettext_lazy("standings column: lost", "L"), _("Lost"), fold="narrow")
    goals_for = _numeric(pgettext_lazy("standings column: goals for", "GF"), _("Goals for"), fold="phone")
    goals_against = _numeric(pgettext_lazy("standings column: goals against", "GA"), _("Goals against"), fold="phone")
    goal_difference = _numeric(pgettext_lazy("standings column: goal difference", "GD"), _("Goal difference"))
    points = _numeric(pgettext_lazy("standings column: points", "Pts"), _("Points"))
    mark = tables.Column(
        verbose_name=_("Qualification"), default="", attrs={"th": {"class": "mark-col"}, "td": {"class": "mark-col"}}
    )
    # Only in the CSV, and only when some teams were level on points: the page shows it as a footnote.
    tiebreak = tables.Column(verbose_name=_("Order of level teams"), default="", visible=False)
    sources = SourcesColumn()

    class Meta(SiteTable.Meta):
        orderable = False
        # "standings": on a phone the goals for and against (and on the narrowest the wins, draws and losses) fold
        # away so position, team, P, GD and Pts fit without scrolling; the CSV and wider screens keep every column.
        attrs = {"class": "data standings"}
        row_attrs = {"class": lambda record: f"row-{record['mark']}" if record["mark"] else ""}

    def __init__(self, data, *args, **kwargs):
        if not any(row.get("tiebreak") for row in data):
            kwargs["exclude"] = (*kwargs.get("exclude", ()), "tiebreak")
        super().__init__(data, *args, **kwargs)

    def render_goal_difference(self, value):
        return f"+{value}" if value > 0 else str(value)

    def value_goal_difference(self, value):
        return value

    def value_points(self, value):
        return value

    def render_points(self, value, record):
        # format_html escapes its arguments into strings first, so numbers are formatted before they go in.
        points = signed(value) if value < 0 else str(value)
        if record.get("adjustment"):
            return format_html('{} <span class="adjusted">({})</span>', points, signed(record["adjustment"]))
        return points

    def render_mark(self, value):
        letter, label = Mark.LEGEND[value]
        return format_html(
            '<span class="mark mark-{}" title="{}">{}</span> <span class="mark-label">{}</span>',
            value,
            label,
            letter,
            label,
        )

    def value_mark(self, value):
        return Mark.LEGEND[value][1] if value else ""


class QualifierTable(SiteTable):
    """The season's departmental qualifiers; sortable by any header."""

    class Meta(SiteTable.Meta):
        pass

    # Names sort by their Spanish sort code (Team.sort_name), not by the database's collation.
    department = NamedLinkColumn(verbose_name=_("Department"), order_by=("department__sort_name", "order"))
    team = TeamColumn(verbose_name=_("Team"), order_by=("team__sort_name",))
    location = tables.Column(verbose_name=_("Location"), default=NOT_RECORDED, order_by=("location", "order"))
    region = tables.Column(
        verbose_name=_("Region"), accessor="region_number", default="—", order_by=("region_number", "order")
    )
    sources = SourcesColumn()

    def render_team(self, value, record):
        return format_html("{}{}", team_link(value), footnote_links(self.footnotes(record)))

    def value_team(self, value):
        return value.name

    def render_region(self, value, record):
        return region_link(record.season.year, value, to_roman(value))

    def value_region(self, value):
        return to_roman(value) if value else ""

    def value_location(self, value):
        return "" if value == NOT_RECORDED else value


class SeasonTable(SiteTable):
    """The roll of champions: one row per season, latest first (rows are dicts built by views.seasons.season_rows).

    Keys: season, status (Season.Status) and status_text (its words, "" for a final), champion, champion_disputed,
    disputed_note (the link to the season's versions), runner_up, runner_up_basis (a Progression.Basis, "" when
    none) and runner_up_derived (its mark, "" when stated), runner_up_disputed, confidence (Season.Confidence),
    promoted, recorded, fact_sources (a callable: the names of the sources of its facts, see
    selectors.fact_sources). A season not held or with no final says so in the champion's cell and names no champion;
    the CSV has the status, the runner-up's basis and the confidence in their own columns.
    """

    season = SeasonColumn(verbose_name=_("Season"))
    champion = tables.Column(verbose_name=_("Champion"), empty_values=())
    runner_up = tables.Column(verbose_name=_("Runner-up"), empty_values=())
    confidence = tables.Column(
        verbose_name=_("Confidence"), empty_values=(), attrs={"th": {"class": "mark-col"}, "td": {"class": "mark-col"}}
    )
    promoted = TeamListColumn(
        verbose_name=pgettext_lazy("roll column: the teams promoted that season", "Promoted"),
        empty_values=(),
        attrs={"th": {"class": "fold-phone"}, "td": {"class": "fold-phone"}},
    )
    recorded = tables.Column(verbose_name=_("Data recorded"), default="—", attrs={"td": {"class": "recorded"}})
    # Only in the CSV and the .xlsx: the page says these in the cells above.
    status = tables.Column(verbose_name=_("Status"), visible=False)
    runner_up_basis = tables.Column(verbose_name=_("Runner-up basis"), default="", visible=False)
    sources = SourcesColumn()

    def __init__(self, *args, **kwargs):
        # Footnote numbers differ from season to season: the roll's Sources column names each row's sources.
        super().__init__(*args, footnotes=lambda record: [], **kwargs)

    class Meta(SiteTable.Meta):
        orderable = False
        attrs = {"class": "data roll"}
        sequence = ("season", "champion", "runner_up", "confidence", "promoted", "recorded", "status", "...")

    def render_champion(self, value, record):
        if record["status_text"]:
            return format_html('<span class="status">{}</span>', record["status_text"])
        if value is None:
            return NOT_RECORDED
        if record["champion_disputed"]:
            return format_html("{} {}", team_link(value), record["disputed_note"])
        return team_link(value)

    def value_champion(self, value):
        return value.name if value else ""

    def render_runner_up(self, value, record):
        if record["status_text"]:
            return "—"
        if value is None:
            return NOT_RECORDED
        parts = [team_link(value)]
        if record["runner_up_derived"]:
            parts.append(format_html('<span class="derived">{}</span>', record["runner_up_derived"]))
        if record["runner_up_disputed"]:
            parts.append(record["disputed_note"])
        return format_html_join(" ", "{}", ((part,) for part in parts))

    def value_runner_up(self, value):
        return value.name if value else ""

    def render_promoted(self, value, record):
        if record["status"] == Season.Status.NOT_HELD:
            return "—"
        return team_links(value) if value else NOT_RECORDED

    def value_promoted(self, value, record):
        if record["status"] == Season.Status.NOT_HELD:
            return ""
        return "; ".join(team.name for team in value or [])

    def render_confidence(self, value):
        mark, label = roll.CONFIDENCE_MARKS.get(value, roll.CONFIDENCE_MARKS[""])
        return format_html(
            '<span class="mark confidence-{}" title="{}">{}</span> <span class="mark-label">{}</span>',
            value or "none",
            label,
            mark,
            label,
        )

    def value_confidence(self, value):
        return roll.CONFIDENCE_MARKS.get(value, roll.CONFIDENCE_MARKS[""])[1]

    def value_status(self, value):
        return Season.Status(value).label

    def value_runner_up_basis(self, value):
        return Progression.Basis(value).label if value else ""

    def value_sources(self, record):
        return "; ".join(record["fact_sources"]())


class ChampionsTable(SeasonTable):
    """The home page's roll of champions: every season, without the promoted teams and the data recorded."""

    class Meta(SeasonTable.Meta):
        exclude = ("promoted", "recorded")


class RegionTable(SiteTable):
    """The regional overview: rows are dicts with region, departments, through [(team, how)], places."""

    region = tables.Column(verbose_name=_("Region"))
    departments = tables.Column(verbose_name=_("Departments"))
    through = tables.Column(verbose_name=_("Went through (as recorded)"), default=NOT_RECORDED)
    places = tables.Column(
        verbose_name=_("Teams going on"), default="—", attrs={"th": {"class": "num"}, "td": {"class": "num"}}
    )
    sources = SourcesColumn()

    class Meta(SiteTable.Meta):
        orderable = False

    def render_region(self, value, record):
        link = region_link(value.season.year, value.number, value.numeral)
        return format_html("{}{}", link, footnote_links(self.footnotes(record)))

    def value_region(self, value):
        return value.numeral

    def render_departments(self, value):
        return format_html_join(", ", '<a href="{}">{}</a>', ((d.get_absolute_url(), d.name) for d in value))

    def value_departments(self, value):
        return "; ".join(department.name for department in value)

    def render_through(self, value):
        return format_html_join(
            mark_safe("<br>"),
            '<a href="{}">{}</a> <span class="how">({})</span>',
            ((team.get_absolute_url(), team.name, how) for team, how in value),
        )

    def value_through(self, value):
        return "; ".join(f"{team.name} ({how})" for team, how in value)


def initial(name):
    """The letter a name is filed under in the A–Z jump: "Íntimo" under I, "2 de Mayo" under #."""
    first = fold(name)[:1].upper()
    return first if "A" <= first <= "Z" else "#"


class TeamDirectoryTable(SiteTable):
    """Every team on one page; when sorted by name the first team of each letter carries the A–Z jump's anchor."""

    # Sorted as a Spanish reader files names (Team.sort_name): "Íntimo" among the I's, not after Z.
    name = tables.Column(verbose_name=_("Team"), linkify=True, order_by=("sort_name",))
    departments = tables.Column(verbose_name=_("Department"), accessor="qualifiers", orderable=False)
    season_count = tables.Column(
        verbose_name=_("Seasons qualified"), attrs={"th": {"class": "num"}, "td": {"class": "num"}}
    )
    # Copa Perú titles: the seasons that name the team champion (Season.champion), as on its page.
    title_count = tables.Column(verbose_name=_("Titles"), attrs={"th": {"class": "num"}, "td": {"class": "num"}})

    class Meta(SiteTable.Meta):
        row_attrs = {"id": lambda record: getattr(record, "initial_anchor", None)}

    def mark_initials(self):
        """Anchor the first team of each letter (``letter-a``...); returns [(letter, anchor)] in order."""
        letters = {}
        for team in self.data:
            letter = initial(team.name)
            if letter not in letters:
                team.initial_anchor = letters[letter] = "letter-" + ("other" if letter == "#" else letter.lower())
        return list(letters.items())

    def render_departments(self, value):
        departments = {qualifier.department.pk: qualifier.department for qualifier in value.all()}
        return format_html_join(
            ", ", '<a href="{}">{}</a>', ((d.get_absolute_url(), d.name) for d in departments.values())
        )

    def value_departments(self, value):
        return "; ".join(dict.fromkeys(qualifier.department.name for qualifier in value.all()))


class TeamSeasonTable(SiteTable):
    """A team's seasons: rows are dicts built from selectors.TeamSeason."""

    season = SeasonColumn(verbose_name=_("Season"))
    department = NamedLinkColumn(verbose_name=_("Department"), default="—")
    # The location folds away on a phone so that "How far it went" shows without scrolling.
    location = tables.Column(
        verbose_name=_("Location"), default="—", attrs={"th": {"class": "fold-phone"}, "td": {"class": "fold-phone"}}
    )
    reached = tables.Column(verbose_name=_("How far it went"), default="—")
    groups = tables.Column(verbose_name=_("Group finishes"), default="—")

    class Meta(SiteTable.Meta):
        orderable = False


class DepartmentQualifierTable(SiteTable):
    season = tables.Column(verbose_name=_("Season"), accessor="season__year")
    team = TeamColumn(verbose_name=_("Team"))
    location = tables.Column(verbose_name=_("Location"), default=NOT_RECORDED)
    region = tables.Column(verbose_name=_("Region"), default="—")

    class Meta(SiteTable.Meta):
        orderable = False

    def render_season(self, value, record):
        return format_html('<a href="{}">{}</a>', record.season.get_absolute_url(), value)

    def value_season(self, value):
        return value

    def render_region(self, value, record):
        return region_link(record.season.year, value.number, value.numeral)

    def value_region(self, value):
        return value.numeral if value else ""

    def value_location(self, value):
        return "" if value == NOT_RECORDED else value


class DepartmentIndexTable(SiteTable):
    """Rows are dicts: department, qualifiers (a count), regions (Region objects, latest season first)."""

    department = NamedLinkColumn(verbose_name=_("Department"))
    qualifiers = tables.Column(verbose_name=_("Qualifiers"), attrs={"th": {"class": "num"}, "td": {"class": "num"}})
    regions = tables.Column(verbose_name=_("Regions it played in"), default="—")

    class Meta(SiteTable.Meta):
        orderable = False

    def render_regions(self, value):
        return format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            (
                (
                    reverse("tournaments:region-detail", args=[region.season.year, region.numeral.lower()]),
                    region_in_season(region),
                )
                for region in value
            ),
        )

    def value_regions(self, value):
        return "; ".join(region_in_season(region) for region in value)
