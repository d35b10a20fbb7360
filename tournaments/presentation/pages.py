"""The words around each public page: its title, meta description, breadcrumbs, table captions, the heading and
citation of each exportable table, and the sentence of a 404.

One function per page kind, taking the data the view fetched and returning a PageWords. Every sentence is one
translatable string with named placeholders, so that a translation can reorder it; views only fetch data and call
these functions, and never write a sentence themselves (``tests/test_page_words.py`` keeps them to it).
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _

from .sections import section_name
from .stages import region_label


@dataclass
class PageWords:
    """What a page says about itself.

    ``title`` and ``description`` fill <title> and the meta description; ``crumbs`` are the breadcrumbs after Home,
    [(label, url)] with "" for the page itself. ``caption`` is the main table's caption, ``table_title`` and
    ``citation`` the heading and the quoted source line of its export ("" where the page has no such table).
    """

    title: str
    description: str
    crumbs: list = field(default_factory=list)
    caption: str = ""
    table_title: str = ""
    citation: str = ""


# Breadcrumbs and 404 sentences, each shared by several pages.


def seasons_crumb():
    """Seasons, linking the season list."""
    return (_("Seasons"), reverse("tournaments:season-list"))


def teams_crumb():
    """Teams, linking the team directory."""
    return (_("Teams"), reverse("tournaments:team-list"))


def departments_crumb():
    """Departments, linking the departments index."""
    return (_("Departments"), reverse("tournaments:department-list"))


def season_crumbs(season):
    """Seasons › 2008: the trail above every page of one season."""
    return [seasons_crumb(), (str(season.year), season.get_absolute_url())]


def regional_crumbs(season):
    """Seasons › 2008 › Regional stage."""
    url = reverse("tournaments:season-regional", args=[season.year])
    return [*season_crumbs(season), (_("Regional stage"), url)]


def no_season(year):
    """The 404 sentence for a year the archive has no season for."""
    return _("No Copa Perú season {year} in the archive.").format(year=year)


def no_region(year, numeral):
    """The 404 sentence for a region a season does not have; ``numeral`` as typed in the address."""
    return _("Copa Perú {year} has no {region} in the archive.").format(year=year, region=region_label(numeral))


def no_team():
    """The 404 sentence for a team address that matches no team."""
    return _("No team with that address in the archive.")


def no_department():
    """The 404 sentence for a department address that matches none of Peru's 25."""
    return _("No department with that address; Peru has 25, Callao included.")


def no_export():
    """The 404 sentence for an ``?_export=`` format or ``table=`` the page does not offer."""
    return _("This page has no such table to export; try ?_export=csv or ?_export=xlsx.")


def filtered_citation(citation, labels):
    """A citation saying which filter a reader chose: "Copa Perú, team directory (filtered: Cusco)".

    ``labels`` are the chosen filters' display values, in the form's order.
    """
    filters = ", ".join(str(label) for label in labels)
    return _("{citation} (filtered: {filters})").format(citation=citation, filters=filters)


# The pages, in the order of the site's map.


def home():
    """The home page and its roll of champions."""
    return PageWords(
        title=_("Copa Perú archive"),
        description=_("Every Copa Perú season: departmental qualifiers, regional groups, the national stage, rulings."),
        caption=_("Roll of champions, latest first"),
        table_title=_("Roll of champions"),
        citation=_("Copa Perú, roll of champions"),
    )


def season_list():
    """The list of every season."""
    return PageWords(
        title=_("Copa Perú seasons"),
        description=_("Every Copa Perú season with its champion, runner-up, promoted teams and recorded results."),
        crumbs=[seasons_crumb()],
        caption=_("Copa Perú seasons"),
        table_title=_("Seasons"),
        citation=_("Copa Perú, all seasons"),
    )


def season_detail(season):
    """A season's overview; ``season.champion`` is fetched (or None: "not recorded")."""
    if season.status == season.Status.NOT_HELD:
        description = _("Copa Perú {year}: the competition was not held that year; its sources.").format(
            year=season.year
        )
    elif season.status == season.Status.NO_FINAL:
        description = _(
            "Copa Perú {year}: held with no national final, so no champion; its stages, teams and sources."
        ).format(year=season.year)
    elif season.champion:
        description = _("Copa Perú {year}: champion {champion}; stages, team changes, rulings and every result.")
        description = description.format(year=season.year, champion=season.champion.name)
    else:
        description = _(
            "Copa Perú {year}: champion not recorded; stages, team changes, rulings and every result."
        ).format(year=season.year)
    return PageWords(
        title=_("Copa Perú {year}").format(year=season.year), description=description, crumbs=season_crumbs(season)
    )


def departmental(season):
    """A season's departmental qualifiers."""
    year = season.year
    url = reverse("tournaments:season-departmental", args=[year])
    return PageWords(
        title=_("Copa Perú {year} departmental qualifiers").format(year=year),
        description=_("The teams each of Peru's departments sent to the {year} Copa Perú regional stage.").format(
            year=year
        ),
        crumbs=[*season_crumbs(season), (_("Departmental stage"), url)],
        caption=_("Teams that qualified for the {year} Regional Stage").format(year=year),
        table_title=_("Qualifiers"),
        citation=_("Copa Perú {year}, Departmental Stage qualifiers").format(year=year),
    )


def regional(season):
    """A season's regional stage: every region."""
    year = season.year
    return PageWords(
        title=_("Copa Perú {year} regional stage").format(year=year),
        description=_("The regions of the {year} Copa Perú, their departments and the teams that went through.").format(
            year=year
        ),
        crumbs=regional_crumbs(season),
        caption=_("Regions of the {year} Regional Stage").format(year=year),
        table_title=_("Regions"),
        citation=_("Copa Perú {year}, Regional Stage").format(year=year),
    )


def region_detail(season, region):
    """One region of a season; ``region.department_list`` is already fetched by ``selectors.region_page``."""
    name = region_label(region.numeral)
    departments = ", ".join(department.name for department in region.department_list)
    description = _("{region} of the {year} Copa Perú ({departments}): groups, results and rulings.")
    return PageWords(
        title=_("Copa Perú {year} {region}").format(year=season.year, region=name),
        description=description.format(region=name, year=season.year, departments=departments),
        crumbs=[*regional_crumbs(season), (name, "")],
        citation=_("Copa Perú {year}, Regional Stage, {region}").format(year=season.year, region=name),
    )


def national(season):
    """A season's national stage; its groups' tables are cited through ``group_table``."""
    year = season.year
    return PageWords(
        title=_("Copa Perú {year} national stage").format(year=year),
        description=_("The {year} Copa Perú national stage: knockout rounds, the final and the final group.").format(
            year=year
        ),
        crumbs=[*season_crumbs(season), (_("National stage"), "")],
        citation=_("Copa Perú {year}, National Stage").format(year=year),
    )


def group_table(group, stage_citation):
    """(caption, citation) of a group's standings table; ``stage_citation`` is the page's own citation."""
    caption = _("{group} standings").format(group=section_name(group.name))
    citation = _("{stage}, {group}").format(stage=stage_citation, group=section_name(group.name))
    return caption, citation


def team_list():
    """The team directory."""
    return PageWords(
        title=_("Copa Perú teams"),
        description=_("Every club that has played the Copa Perú stages in the archive, by department."),
        crumbs=[teams_crumb()],
        caption=_("Every team in the archive"),
        table_title=_("Teams"),
        citation=_("Copa Perú, team directory"),
    )


def team_detail(team, years):
    """``years``: the seasons the team appears in, in the page's order."""
    years = ", ".join(str(year) for year in years)
    description = _("{team} in the Copa Perú ({years}): qualifying, group finishes, matches and how far it went.")
    return PageWords(
        title=team.name,
        description=description.format(team=team.name, years=years),
        crumbs=[teams_crumb(), (team.name, "")],
        caption=_("{team} in the Copa Perú, season by season").format(team=team.name),
        table_title=_("Seasons"),
        citation=_("Copa Perú, {team} season by season").format(team=team.name),
    )


def department_list():
    """The departments index."""
    return PageWords(
        title=_("Copa Perú departments"),
        description=_(
            "Peru's 25 departments, Callao included: how many teams each sent on and the regions it played in."
        ),
        crumbs=[departments_crumb()],
        caption=_("Peru's departments in the Copa Perú archive"),
        table_title=_("Departments"),
        citation=_("Copa Perú, departments"),
    )


def department_detail(department):
    """A department's page: the teams it sent to each regional stage."""
    name = department.name
    return PageWords(
        title=_("{department} in the Copa Perú").format(department=name),
        description=_("The teams {department} sent to each Copa Perú regional stage in the archive.").format(
            department=name
        ),
        crumbs=[departments_crumb(), (name, "")],
        caption=_("Teams {department} sent to the regional stage, latest season first").format(department=name),
        table_title=_("Qualifiers"),
        citation=_("Copa Perú, qualifiers from {department}").format(department=name),
    )


def search(query):
    """``query``: the cleaned query, "" when the reader typed nothing."""
    return PageWords(
        title=_("Search: {query}").format(query=query) if query else _("Search"),
        description=_("Find a Copa Perú season, team, department or town, with or without accents."),
        crumbs=[(_("Search"), reverse("tournaments:search"))],
    )
