"""Create or update a season from an article, in one transaction, and say what changed.

`import_season(text, path, dry_run=...)` parses first (nothing is written for a bad article), builds the rows the
article describes as unsaved model instances, diffs them against the stored season by natural keys
(season_rows.py) and then saves what is new or changed and deletes what the article no longer has. A dry run
does all of it, validation included, and rolls back.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction

from ..models import (
    Department,
    Group,
    GroupTeam,
    KnockoutRound,
    Match,
    MatchStatus,
    Note,
    PointsAdjustment,
    Qualifier,
    Region,
    RegionDepartment,
    Season,
    Stage,
    StageKind,
    Team,
    TeamChange,
    Tie,
    round_kind_from_name,
)
from ..models.validation import round_robin_shootout_error
from ..text import fold
from .article_parser import ArticleError, parse_article
from .progression import import_progressions
from .rulings import read_ruling
from .season_rows import SEASON_MODELS, UNMANAGED, field_values, keyed, load_season
from .team_names import split_team_cell

RULING_STATUS = {
    "suspended": MatchStatus.SUSPENDED,
    "abandoned": MatchStatus.ABANDONED,
    "not_played": MatchStatus.NOT_PLAYED,
    "awarded": MatchStatus.AWARDED,
}


@dataclass
class ImportReport:
    year: int
    created: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    new_teams: list = field(default_factory=list)
    splits: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    dry_run: bool = False

    @property
    def has_changes(self):
        return bool(self.created or self.changed or self.removed)

    def text(self):
        return "\n".join(self.lines())

    def lines(self):
        verbs = ("would be created", "would be changed", "would be removed") if self.dry_run else ("created",)
        if not self.dry_run:
            verbs += ("changed", "removed")
        out = [f"Copa Perú {self.year}: " + ("dry run, nothing written" if self.dry_run else "imported")]
        if not self.has_changes:
            out.append("No changes.")
        for verb, sign, rows in zip(verbs, "+~-", (self.created, self.changed, self.removed), strict=True):
            if rows:
                out += [f"{len(rows)} {verb}:", *(f"  {sign} {row}" for row in rows)]
        if self.new_teams:
            out += [f"New teams (check the spelling): {', '.join(self.new_teams)}"]
        out += [f"Team changes cell read as: {split}" for split in self.splits]
        out += [f"Warning: {warning}" for warning in self.warnings]
        return out


class _DryRunRollback(Exception):
    pass


def import_season(text, path="article", *, dry_run=False):
    """Import one article; raises ArticleError (nothing written) for bad input."""
    article = parse_article(text, path)
    report = ImportReport(year=article.year, dry_run=dry_run, warnings=list(article.warnings))
    try:
        with transaction.atomic():
            _SeasonWriter(article, report).write()
            if dry_run:
                raise _DryRunRollback
    except _DryRunRollback:
        pass
    return report


def label(key):
    model, *parts = key
    shown = [str(part) if len(str(part)) <= 70 else f"{str(part)[:67]}..." for part in parts if part not in ("", None)]
    return f"{model}: " + " / ".join(shown)


class _SeasonWriter:
    def __init__(self, article, report):
        self.article = article
        self.report = report
        self.rows = {model: [] for model in SEASON_MODELS}
        self.lines = {}  # id(obj) -> article line, for error messages

    def error(self, line, reason):
        raise ArticleError(self.article.path, line, reason)

    def add(self, obj, line):
        self.rows[type(obj)].append(obj)
        self.lines[id(obj)] = line
        return obj

    # ----- teams -----
    def resolve_teams(self):
        article = self.article
        names = {}  # folded -> (name as first written, line)
        for row in article.qualifiers:
            names.setdefault(fold(row.team), (row.team, row.line))
        for container in article.containers():
            for section in container.sections:
                for match in section.matches:
                    names.setdefault(fold(match.home), (match.home, match.line))
                    names.setdefault(fold(match.away), (match.away, match.line))
        known = set(Team.objects.values_list("name", flat=True)) | {name for name, _ in names.values()}
        self.changes = []
        for column in article.team_changes:
            teams = []
            for cell, line in column.cells:
                split = [cell] if article.team_change_rows > 1 else split_team_cell(cell, known)
                if len(split) > 1:
                    self.report.splits.append(f"line {line}: '{cell}' -> " + " | ".join(split))
                teams += [(name, line) for name in split]
                for name in split:
                    names.setdefault(fold(name), (name, line))
            self.changes.append((column, teams))
        winner = article.infobox.get("winners")
        if winner and winner[0]:
            names.setdefault(fold(winner[0]), winner)
        existing = {team.search_name: team for team in Team.objects.filter(search_name__in=names)}
        self.teams = {}
        for key, (name, line) in names.items():
            team = existing.get(key)
            if team is None:
                team = Team(name=name)
                self.validate(team, line, exclude={"slug", "search_name"})
                team.save()
                self.report.new_teams.append(name)
            self.teams[key] = team

    def team(self, name):
        return self.teams[fold(name)] if name else None

    # ----- building the rows the article describes -----
    def write(self):
        self.resolve_teams()
        article = self.article
        existing_season = Season.objects.filter(year=article.year).first()
        self.season = self.add(
            Season(
                year=article.year,
                champion=self.team(article.infobox.get("winners", ("", 0))[0]),
                summary="\n\n".join(article.summary),
                see_also="\n".join(article.see_also),
            ),
            article.year_line,
        )
        self.build_stages()
        self.build_team_changes()
        departments = {department.name: department for department in Department.objects.all()}
        self.regions = {}
        for container in article.regions:
            region = self.add(
                Region(
                    season=self.season,
                    number=container.number,
                    format=container.format,
                    places_advancing=container.places_advancing,
                    description=container.description,
                ),
                container.line,
            )
            self.regions[container.number] = region
            for order, name in enumerate(container.departments):
                self.add(RegionDepartment(region=region, department=departments[name], order=order), container.line)
        for order, row in enumerate(article.qualifiers, start=1):
            qualifier = Qualifier(season=self.season, department=departments[row.department], team=self.team(row.team))
            qualifier.location, qualifier.order = row.location, order
            self.add(qualifier, row.line)
        for container in article.containers():
            self.build_container(container)
        import_progressions(self)  # who went on, as the article states or implies it (services/progression.py)
        self.sync(existing_season)

    def build_stages(self):
        for kind, month, day in self.article.stages():
            description = "\n\n".join(self.article.stage_text.get(kind, []))
            stage = Stage(season=self.season, kind=kind, start_month=month, start_day=day, description=description)
            self.add(stage, 1)

    def build_team_changes(self):
        for column, teams in self.changes:
            for order, (name, line) in enumerate(teams):
                change = TeamChange(season=self.season, team=self.team(name), direction=column.direction)
                change.division, change.division_year, change.order = column.division, column.year, order
                self.add(change, line)

    def build_container(self, container):
        region = self.regions.get(container.number)
        stage = StageKind.REGIONAL if region else StageKind.NATIONAL
        self.region = region
        built = {}
        for section in container.sections:
            common = {"season": self.season, "stage": stage, "region": region, "name": section.name}
            common.update(order=section.order, results_recorded=section.results_recorded)
            if section.kind == "group":
                obj = self.add(Group(**common, places_promoted=self.places_promoted(section, region)), section.line)
                self.build_group_matches(obj, section)
            else:
                obj = self.add(
                    KnockoutRound(**common, kind=section.kind, group=built.get(id(section.group))), section.line
                )
                obj.round_kind = round_kind_from_name(section.name, tiebreaker=section.kind == "tiebreaker")
                self.build_ties(obj, section)
            built[id(section)] = obj
        candidates = self.note_candidates(container)
        for order, note in enumerate(container.notes if region else self.article.notes + container.notes):
            self.build_note(note, order, region, None, candidates)
        for section in container.sections:
            for order, note in enumerate(section.notes):
                self.build_note(note, order, region, built[id(section)], candidates)

    def places_promoted(self, section, region):
        """A national final group promotes the winner, or winner and runner-up, as the National Stage text says."""
        text = fold(" ".join(self.article.stage_text.get("national", [])))
        if region is not None or "final" not in fold(section.name) or "promoted" not in text:
            return 0
        return 2 if "runner" in text else 1

    def new_match(self, line, home, away, **fields):
        if home.name == away.name:
            self.error(line, f"{home} cannot play itself")
        match = Match(season=self.season, region=self.region, home_team=home, away_team=away, **fields)
        return self.add(match, line)

    def build_group_matches(self, group, section):
        entries = {}
        for order, line in enumerate(section.matches):
            match = self.new_match(line.line, self.team(line.home), self.team(line.away), group=group, order=order)
            self.copy_result(match, line)
            for team in (match.home_team, match.away_team):
                entries.setdefault(team.name, team)
        for order, team in enumerate(entries.values()):
            self.add(GroupTeam(group=group, team=team, order=order), section.line)

    def copy_result(self, match, line):
        match.round_number, match.date = line.round_number, line.date
        match.home_score, match.away_score = line.home_score, line.away_score
        match.after_extra_time = line.after_extra_time
        match.home_penalties, match.away_penalties = line.home_penalties, line.away_penalties

    def build_ties(self, round_, section):
        ties = {}
        for line in section.matches:
            home, away = self.team(line.home), self.team(line.away)
            pair = frozenset((home.name, away.name))
            if pair not in ties:
                ties[pair] = self.add(Tie(round=round_, team_a=home, team_b=away, legs=1, order=len(ties)), line.line)
            tie = ties[pair]
            legs = [match for match in self.rows[Match] if match.tie is tie]
            if len(legs) == 2:
                self.error(line.line, f"a third match between {home} and {away} in one round")
            tie.legs = len(legs) + 1
            match = self.new_match(line.line, home, away, tie=tie, leg=len(legs) + 1, order=len(legs))
            self.copy_result(match, line)

    # ----- notes and the rulings they carry -----
    def note_candidates(self, container):
        """The teams a note may name: the region's qualifiers and players, or the whole season's."""
        departments = set(container.departments)
        names = [row.team for row in self.article.qualifiers if not departments or row.department in departments]
        names += [line.home for section in container.sections for line in section.matches]
        names += [line.away for section in container.sections for line in section.matches]
        return [self.team(name).name for name in dict.fromkeys(names)]

    def build_note(self, line, order, region, section, candidates):
        ruling = read_ruling(line.text, candidates)
        note = Note(season=self.season, region=region, text=line.text, style=line.style, order=order)
        note.kind, note.decision, note.decided_by = ruling.kind, ruling.decision, ruling.decided_by
        note.favoured_team = self.team(ruling.favoured)
        if isinstance(section, Group):
            note.group = section
        elif isinstance(section, KnockoutRound):
            note.knockout_round = section
        self.add(note, line.line)
        if ruling.ambiguous:
            self.report.warnings.append(
                f"{self.article.path}:{line.line}: the ruling {ruling.ambiguous}, so it was kept as a plain note "
                "that changes no result; set its kind in the admin"
            )
        if ruling.kind in RULING_STATUS:
            self.apply_match_ruling(note, ruling, section, line.line)
        elif ruling.kind == "withdrawn":
            self.apply_withdrawal(ruling, section, line.line)
        elif ruling.points:
            self.apply_points(note, ruling, region, section, line.line)

    def apply_withdrawal(self, ruling, section, line):
        """The team's place in the group records the withdrawal, by the rule the note states."""
        entry = next(
            (row for row in self.rows[GroupTeam] if row.group is section and ruling.pair[:1] == (row.team.name,)),
            None,
        )
        if entry is None:
            self.report.warnings.append(f"{self.article.path}:{line}: a withdrawal that names no team of this group")
            return
        entry.withdrawal = ruling.withdrawal

    def apply_match_ruling(self, note, ruling, section, line):
        if len(ruling.pair) < 2:
            self.report.warnings.append(
                f"{self.article.path}:{line}: reads as a {ruling.kind.replace('_', ' ')} ruling but names fewer than "
                "two of the region's teams, so no match was recorded for it"
            )
            return
        home, away = (self.team(name) for name in ruling.pair)
        pair = {home.name, away.name}
        if isinstance(section, KnockoutRound):
            tie = next(
                (t for t in self.rows[Tie] if t.round is section and {t.team_a.name, t.team_b.name} == pair), None
            )
            if tie is None:
                order = sum(1 for t in self.rows[Tie] if t.round is section)
                tie = self.add(Tie(round=section, team_a=home, team_b=away, legs=ruling.leg or 1, order=order), line)
            legs = [match for match in self.rows[Match] if match.tie is tie]
            match = next((m for m in legs if ruling.leg in (None, m.leg)), None)
            tie.legs = max(tie.legs, ruling.leg or 1)
            if match is None:
                leg = ruling.leg or len(legs) + 1
                match = self.new_match(line, home, away, tie=tie, leg=leg, order=len(legs), sides_known=False)
            note.tie = tie
        else:
            group = section if isinstance(section, Group) else None
            siblings = [m for m in self.rows[Match] if m.group is group and m.tie is None and m.region is note.region]
            match = next((m for m in siblings if {m.home_team.name, m.away_team.name} == pair), None)
            if match is None:
                match = self.new_match(line, home, away, group=group, order=len(siblings), sides_known=False)
        match.status = RULING_STATUS[ruling.kind]
        match.minute_stopped = ruling.minute
        if ruling.awarded_score and match.home_score is None:
            favoured_home = match.home_team.name == ruling.favoured
            match.home_score, match.away_score = ruling.awarded_score[:: 1 if favoured_home else -1]
        elif ruling.kind == "awarded" and match.home_score is None:
            self.report.warnings.append(f"{self.article.path}:{line}: a result awarded without its score")
        if ruling.shootout:
            first, second = ruling.shootout
            favoured_home = match.home_team.name == ruling.favoured
            match.home_penalties, match.away_penalties = (first, second) if favoured_home else (second, first)
        note.match = match

    def apply_points(self, note, ruling, region, section, line):
        if not ruling.pair:
            self.report.warnings.append(f"{self.article.path}:{line}: awards or docks points but names no team")
            return
        adjustment = PointsAdjustment(season=self.season, region=region, team=self.team(ruling.pair[0]))
        adjustment.group = section if isinstance(section, Group) else None
        adjustment.points, adjustment.reason, adjustment.note = ruling.points, ruling.reason, note
        self.add(adjustment, line)

    # ----- diff and write -----
    def sync(self, existing_season):
        # A repeated row (a team listed twice) keeps its own key and is refused by the model's own constraint.
        desired = keyed(obj for model in SEASON_MODELS for obj in self.rows[model])
        stored = keyed(load_season(existing_season)) if existing_season else {}
        report = self.report
        for key in stored.keys() - desired.keys():
            report.removed.append(label(key))
        for model in reversed(SEASON_MODELS):
            for key, obj in stored.items():
                if type(obj) is model and key not in desired:
                    obj.delete()
        for key, obj in desired.items():
            old = stored.get(key)
            if old is None:
                report.created.append(label(key))
                self.save(obj)
                continue
            before, after = field_values(old, managed_only=True), field_values(obj, managed_only=True)
            obj.pk = old.pk
            for name in UNMANAGED.get(type(obj), ()):
                setattr(obj, name, getattr(old, name))
            if before != after:
                changes = [
                    f"{name} {before[name]!r} -> {after[name]!r}" for name in after if before[name] != after[name]
                ]
                report.changed.append(f"{label(key)}: " + "; ".join(changes))
                if isinstance(obj, Match):
                    obj.version = old.version + 1  # so an admin form opened before the import is refused
                self.save(obj)

    def save(self, obj):
        for related in obj._meta.concrete_fields:
            if isinstance(related, models.ForeignKey) and getattr(obj, related.name, None) is not None:
                # Re-attach parents saved after they were assigned, so validation sees their keys.
                setattr(obj, related.name, getattr(obj, related.name))
        exclude = {f.name for f in obj._meta.concrete_fields if isinstance(f, models.ForeignKey)}
        self.validate(obj, self.lines[id(obj)], exclude=exclude)
        obj.save()

    def validate(self, obj, line, exclude):
        try:
            obj.clean_fields(exclude=exclude)
            obj.validate_constraints()
            if isinstance(obj, Match) and (errors := round_robin_shootout_error(obj)):
                raise ValidationError(errors)
        except ValidationError as error:
            self.error(line, f"{obj._meta.verbose_name}: " + " ".join(error.messages))
