"""Write a stored season back out as an article in the seed format, so that importing it gives the same data.

Matches that a ruling describes (a suspended leg, an abandoned final, a match not played) are not printed as
match lines: their note is printed in its section and re-creates them on import. A score the sources lost is
printed as `Home v Away`, and a group or round without results as a bare `|}`.
"""

from collections import defaultdict

from ..models import (
    Citation,
    FactVersion,
    Group,
    KnockoutRound,
    Match,
    MatchStatus,
    Note,
    Progression,
    Qualifier,
    Region,
    RegionDepartment,
    Season,
    Stage,
    Team,
    TeamAlias,
    TeamChange,
    Tie,
)
from ..selectors.sources import season_sources
from ..text import fold
from .article_parser import DEPARTMENTS_BY_KEY
from .progression import stated_sentences
from .season_rows import load_season


def export_season(year):
    """The article text for a season; raises Season.DoesNotExist for an unknown year."""
    season = Season.objects.select_related("champion").get(year=year)
    return _Exporter(season).text()


def join_names(names):
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]}"


def table_row(*cells):
    return "|" + "|".join(f" {cell} " if cell else " " for cell in cells) + "|"


def paragraphs(text):
    return [paragraph for paragraph in text.split("\n\n") if paragraph.strip()]


def match_line(match):
    if not match.score_known:
        return f"{match.home_team} v {match.away_team}"
    extras = ["a.e.t."] if match.after_extra_time else []
    if match.home_penalties is not None:
        extras.append(f"{match.home_penalties}-{match.away_penalties} pen.")
    extra = f" ({', '.join(extras)})" if extras else ""
    return f"{match.home_team} {match.home_score}-{match.away_score} {match.away_team}{extra}"


def printable(match):
    # A match a ruling describes is carried by its note; printing it too would import it twice.
    return match.score_known or match.status == MatchStatus.PLAYED


class _Exporter:
    def __init__(self, season):
        self.season = season
        self.rows = defaultdict(list)
        for obj in load_season(season):
            self.rows[type(obj)].append(obj)
        for model in (Qualifier, Group, KnockoutRound, Tie, Match, Note, RegionDepartment, Citation, FactVersion):
            self.rows[model].sort(key=lambda obj: (obj.order, obj.pk))
        # The pages' numbering (selectors.sources, the one rule), so that [2] is the same source everywhere.
        self.numbers = {entry.source: entry.number for entry in season_sources(season, versions=False).entries}
        self.cited = defaultdict(list)  # (thing's field name, pk) or ("fact", fact) -> its sources' numbers
        for citation in self.rows[Citation]:
            name = citation.cited_name
            if name != "season":
                key = ("fact", citation.fact) if name == "fact" else (name, getattr(citation, f"{name}_id"))
                self.cited[key].append(self.numbers[citation.source])
        self.out = []

    def write(self, *lines):
        self.out.extend(lines)

    def markers(self, name, obj):
        """ " [1][3]": the markers citing a thing (``name`` its field on Citation) or a fact (``name`` "fact")."""
        numbers = self.cited.get(("fact", obj) if name == "fact" else (name, obj.pk))
        return " " + "".join(f"[{number}]" for number in numbers) if numbers else ""

    def text(self):
        season = self.season
        self.write(f"= {season.year} Copa Perú =", "", "Infobox", "- Competition: Copa Perú")
        self.write(f"- Season: {season.year}")
        self.infobox_facts()
        self.write(f"- Prevseason: {season.year - 1}", f"- Nextseason: {season.year + 1}", "")
        for paragraph in paragraphs(season.summary):
            self.write(paragraph, "")
        self.notes(lambda note: note.region is None and note.group is None and note.knockout_round is None)
        self.team_changes()
        stages = {stage.kind: stage for stage in self.rows[Stage]}
        self.departmental(stages.get("departmental"))
        self.regional(stages.get("regional"))
        self.national(stages.get("national"))
        if season.see_also.strip():
            self.write("==See also==", *(f"- {line}" for line in season.see_also.splitlines() if line.strip()), "")
        if paragraphs(season.summary_translation):
            self.write("==Resumen==")
            for paragraph in paragraphs(season.summary_translation):
                self.write(paragraph, "")
        self.other_names()
        self.sources()
        return "\n".join(self.out).rstrip() + "\n"

    def infobox_facts(self):
        season = self.season
        if season.status != Season.Status.FINAL or ("fact", "status") in self.cited:
            self.write(f"- Status: {season.status.replace('_', ' ')}{self.markers('fact', 'status')}")
        if season.champion:
            self.write(f"- Winners: {season.champion}{self.markers('fact', 'champion')}")
            self.versions("champion", "Winners")
        runner_up = next(
            (
                item
                for item in self.rows[Progression]
                if item.outcome == Progression.Outcome.RUNNER_UP
                and item.scope == "national"
                and item.basis in (Progression.Basis.STATED, Progression.Basis.SOURCE_TABLE)
            ),
            None,
        )
        if runner_up is not None:
            self.write(f"- Runner-up: {runner_up.team}{self.markers('fact', 'runner_up')}")
            if runner_up.basis == Progression.Basis.SOURCE_TABLE:
                self.write("- Runner-up basis: table")
            self.versions("runner_up", "Runner-up")
        if season.confidence:
            self.write(f"- Confidence: {season.confidence.replace('_', ' ')}")

    def versions(self, fact, label):
        """ "- Winners also given as: Bolito [3]; Coronel Bolognesi [4][6] (detail)": every version after the
        first, which is the main line's."""
        others = [version for version in self.rows[FactVersion] if version.fact == fact][1:]
        if not others:
            return
        written = []
        for version in others:
            numbers = sorted(self.numbers[source] for source in version.sources.all())
            detail = f" ({version.detail})" if version.detail else ""
            written.append(f"{version.name} {''.join(f'[{n}]' for n in numbers)}{detail}")
        self.write(f"- {label} also given as: {'; '.join(written)}")

    def other_names(self):
        """The other names of the season's clubs, with the source that gives each when it is numbered here."""
        teams = {
            getattr(obj, model_field.attname)
            for rows in self.rows.values()
            for obj in rows
            for model_field in obj._meta.concrete_fields
            if model_field.is_relation and model_field.related_model is Team
        }
        aliases = (
            TeamAlias.objects.filter(team__in=teams - {None})
            .select_related("team", "source")
            .order_by("team__name", "name")
        )
        if not aliases:
            return
        self.write(*([""] if self.out[-1] else []), "==Other names==")
        for alias in aliases:
            marker = f" [{self.numbers[alias.source]}]" if alias.source in self.numbers else ""
            self.write(f"- {alias.name} = {alias.team.name}{marker}")
        self.write("")

    def sources(self):
        if not self.numbers:
            return
        self.write(*([""] if self.out[-1] else []), "==Sources==")
        for source, number in sorted(self.numbers.items(), key=lambda item: item[1]):
            address = f" <{source.url}>" if source.url else ""
            self.write(f"{number}. {source.publisher}: {source.title}{address}")
            if source.language:
                self.write(f"   - Language: {source.language}")
            if source.licence:
                licence_address = f" <{source.licence_url}>" if source.licence_url else ""
                self.write(f"   - Licence: {source.licence}{licence_address}")
            if source.accessed:
                self.write(f"   - Accessed: {source.accessed.isoformat()}")
        self.write("")

    def stage_heading(self, title, stage, present):
        if stage is None and not present:
            return False
        self.write(f"=={title}=={self.markers('stage', stage) if stage else ''}")
        for paragraph in paragraphs(stage.description if stage else ""):
            self.write(paragraph, "")
        return True

    def team_changes(self):
        columns = defaultdict(list)
        for change in sorted(self.rows[TeamChange], key=lambda c: (c.direction, c.division, c.division_year, c.order)):
            columns[change.heading].append(f"{change.team.name}{self.markers('team_change', change)}")
        if not columns:
            return
        self.write("==Team changes==", table_row(*columns))
        # One team per row: a flattened cell ("A B C") would need guessing where each name ends.
        for index in range(max(len(teams) for teams in columns.values())):
            cells = [teams[index] if index < len(teams) else "" for teams in columns.values()]
            self.write(table_row(*cells))
        self.write("")

    def departmental(self, stage):
        if not self.stage_heading("Departmental Stage", stage, self.rows[Qualifier]):
            return
        self.write("| Department | Team | Location |")
        previous = None
        for qualifier in self.rows[Qualifier]:
            department = qualifier.department.name
            # The department cell opens a department's rows (as in the seeds), and is repeated for a team named
            # like a department so that the row is not read as a new department.
            marker = self.markers("qualifier", qualifier)
            if department != previous or fold(qualifier.team.name) in DEPARTMENTS_BY_KEY:
                self.write(table_row(department, qualifier.team.name, qualifier.location) + marker)
            else:
                self.write(table_row(qualifier.team.name, qualifier.location, "") + marker)
            previous = department
        self.write("")

    def regional(self, stage):
        regions = sorted(self.rows[Region], key=lambda region: region.number)
        if not self.stage_heading("Regional Stage", stage, regions):
            return
        for region in regions:
            self.write(f"===Region {region.numeral}==={self.markers('region', region)}")
            texts = paragraphs(region.description)
            departments = [m.department.name for m in self.rows[RegionDepartment] if m.region is region]
            if departments:
                sentence = f"Region {region.numeral} includes qualified teams from {join_names(departments)} region."
                texts = [" ".join([sentence, *texts[:1]]), *texts[1:]]
            if stated := stated_sentences(region, self.rows[Progression]):
                texts = [" ".join([*texts[:1], *stated]), *texts[1:]]
            for text in texts:
                self.write(text, "")
            self.notes(lambda note, r=region: note.region is r and note.group is None and note.knockout_round is None)
            self.sections(region, 4)

    def national(self, stage):
        present = any(section.region is None for section in self.rows[Group] + self.rows[KnockoutRound])
        if self.stage_heading("National Stage", stage, present):
            self.sections(None, 3)

    def sections(self, region, level):
        sections = [group for group in self.rows[Group] if group.region is region]
        sections += [r for r in self.rows[KnockoutRound] if r.region is region and r.group is None]
        for section in sorted(sections, key=lambda section: section.order):
            if isinstance(section, Group):
                self.group(section, level)
            else:
                self.round(section, level)

    def group(self, group, level):
        self.write(f"{'=' * level}{group.name}{'=' * level}{self.markers('group', group)}", "")
        matches = [match for match in self.rows[Match] if match.group is group and printable(match)]
        matches.sort(key=lambda match: (match.round_number or 0, match.order))
        self.notes(lambda note: note.group is group)
        matchday = None
        for match in matches:
            if match.round_number != matchday:
                matchday = match.round_number
                self.write(f"{'=' * (level + 1)}Round {matchday}{'=' * (level + 1)}")
            self.match(match)
        if not group.results_recorded:
            self.write("|}", "")
        for playoff in self.rows[KnockoutRound]:
            if playoff.group is group:
                self.round(playoff, level + 1)

    def round(self, round_, level):
        self.write(f"{'=' * level}{round_.name}{'=' * level}{self.markers('knockout_round', round_)}", "")
        for tie in self.rows[Tie]:
            if tie.round is round_:
                legs = [m for m in self.rows[Match] if m.tie is tie and printable(m)]
                for match in sorted(legs, key=lambda match: match.leg or 0):
                    self.match(match)
        if not round_.results_recorded:
            self.write("|}", "")
        self.notes(lambda note: note.knockout_round is round_)

    def match(self, match):
        if match.date:
            self.write(match.date.isoformat())
        self.write(match_line(match) + self.markers("match", match), "")

    def notes(self, belongs):
        for note in self.rows[Note]:
            if belongs(note):
                text = f"- {note.text}" if note.style == Note.Style.BULLET else f"Note: {note.text}"
                self.write(text + self.markers("note", note), "")
