"""Create or update a season from an article, and say what changed, in the words of an editor.

`import_season(text, path, dry_run=...)` parses the article, builds the rows it describes as unsaved model
instances, diffs them against the stored season by natural keys (season_rows.py) and holds every row to the
admin's rules (import_validation.py). Every mistake is reported at once, as "PATH:LINE: reason", and nothing is
written. A dry run stops there: it only reads, outside any transaction, so it never holds the database's write
lock. A confirmed import does it again inside one transaction and writes: new rows with bulk_create, changed
rows with bulk_update, removed rows deleted (only with ``allow_removals``), all as ONE django-reversion revision
that names the article and who imported it (import_history.py), and with one public-cache invalidation once it
commits. Rows it removes, and changed rows with no History yet, are first kept in an "As it was before the import"
revision: reversion only records rows that exist, and History should show a change with both values.
Where the facts come from (the article's sources, its markers, versions of disputed facts and other names of clubs)
is built by import_sources.py: citations and versions are rows of the season like its matches; sources and other
names belong to no season, are saved first and never removed by an import.
"""

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from reversion.models import Version

from .. import caching
from ..models import (
    Department,
    FactVersion,
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
    Source,
    Stage,
    StageKind,
    Team,
    TeamAlias,
    TeamChange,
    Tie,
    round_kind_from_name,
)
from ..models.text_rules import look_alike_letter
from . import import_sources
from .article_parser import ArticleError, LineError, NumberTooLarge, parse_article
from .article_parser import folded as fold
from .import_history import save_revision
from .import_report import ImportReport, change_sentences, describe, removal_counts
from .import_validation import reattach, validate_season_rows
from .progression import import_progressions
from .rulings import Ruling, read_ruling
from .season_rows import SEASON_MODELS, UNMANAGED, field_values, keyed, load_season
from .team_names import split_team_cell

RULING_STATUS = {
    "suspended": MatchStatus.SUSPENDED,
    "abandoned": MatchStatus.ABANDONED,
    "not_played": MatchStatus.NOT_PLAYED,
    "awarded": MatchStatus.AWARDED,
}
# An article larger than any real season (the 2008 seed is 11 KB) is refused before it is read.
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
# The admin imports within one web request (gunicorn kills a worker after 30 s); larger articles go through the
# command. A full season is about 400 match lines; bench/import_bench.py times 10,000.
MAX_WEB_MATCH_LINES = 3000
COMMAND_USER = "import_season command"


class RemovalsNotAllowed(Exception):
    """The article would remove stored rows and the caller did not allow it; nothing was written."""

    def __init__(self, report):
        super().__init__(report.removal_sentence())
        self.report = report


def too_large_sentence(size):
    """The sentence for an article above MAX_ARTICLE_BYTES, `size` in bytes."""
    return _("The article is %(size).1f MB; articles above %(limit)d MB are refused. Write one season per article.") % {
        "size": size / 1024 / 1024,
        "limit": MAX_ARTICLE_BYTES // 1024 // 1024,
    }


def import_season(text, path="article", *, dry_run=False, allow_removals=False, user=None, who=""):
    """Import one article and return its ImportReport.

    Raises ArticleError (every mistake, in line order; nothing written) for bad input, and RemovalsNotAllowed when
    the article would remove stored rows without `allow_removals`. `user` (an editor) or `who` (a command's name)
    goes into the revision with a comment naming the article.
    """
    # Windows editors start UTF-8 files with a byte-order mark; it is not part of the title.
    text = text.removeprefix("\ufeff")
    if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
        raise ArticleError(path, 1, too_large_sentence(len(text.encode("utf-8"))))
    article = parse_article(text, path, strict=False)
    if dry_run:
        return _SeasonWriter(article, dry_run=True).plan()
    with caching.one_invalidation(), transaction.atomic():
        writer = _SeasonWriter(article)
        report = writer.plan()
        if not report.has_changes:
            return report
        if report.removed and not allow_removals:
            raise RemovalsNotAllowed(report)
        writer.keep_state_before()
        writer.write()
        if who:
            comment = _("Imported from the article %(file)s by %(who)s.") % {"file": PurePath(path).name, "who": who}
        else:
            comment = _("Imported from the article %(file)s.") % {"file": PurePath(path).name}
        writer.record(comment, user)
        caching.archive_changed()
    return report


class _SeasonWriter:
    """Builds the rows an article describes, diffs them against the stored season, checks them, then writes."""

    def __init__(self, article, *, dry_run=False):
        self.article = article
        self.report = ImportReport(
            year=article.year, path=article.path, dry_run=dry_run, warnings=list(article.warnings)
        )
        self.rows = {model: [] for model in SEASON_MODELS}
        self.lines = {}  # id(obj) -> article line, for error messages
        self.errors = list(article.errors)
        self.known_names = None  # every team name the season and the database know, read once for notes

    def error(self, line, reason):
        """Record a mistake; building goes on so that every mistake of the article is reported at once."""
        self.errors.append(LineError(line, reason))

    def add(self, obj, line):
        self.rows[type(obj)].append(obj)
        self.lines[id(obj)] = line
        return obj

    # ----- teams -----
    def resolve_teams(self):
        """Find or make the club of every name the article writes (``self.teams``: folded name -> Team).

        A name is found by its spelling, then folded (accents, case and dots ignored), then as another name of a
        club: one of the article's Other names, or one stored (TeamAlias). Only a name found nowhere makes a new
        club (``self.new_teams``); a version of a disputed fact never does.
        """
        article = self.article
        names = self.article_names()
        named = set(names)  # the clubs the season's rows name
        for alias in article.aliases:
            names.setdefault(fold(alias.team), (alias.team, alias.line))
        self.article_aliases = {fold(alias.name): alias for alias in article.aliases}
        versions = {fold(v.name) for entries in article.versions.values() for v in entries}
        lookups = set(names) | versions
        existing = {}  # folded -> every stored team with that folded name (older data may hold look-alikes)
        for team in Team.objects.filter(search_name__in=lookups).order_by("name"):
            existing.setdefault(team.search_name, []).append(team)
        stored_aliases = {
            alias.search_name: alias.team
            for alias in TeamAlias.objects.filter(search_name__in=lookups - set(existing)).select_related("team")
        }
        self.check_alias_clubs(named, set(existing) | set(stored_aliases))
        self.teams = {}
        self.new_teams = []  # (team, line), saved first by write()
        for key, (name, line) in names.items():
            found = existing.get(key, [])
            if not found and key in self.article_aliases:
                continue  # the club the article's Other names give, once that club is found (below)
            self.teams[key] = (
                stored_aliases[key] if not found and key in stored_aliases else self.club(name, line, found)
            )
        for key, alias in self.article_aliases.items():
            if key not in self.teams and key not in existing and (key in names or key in versions):
                target = self.teams.get(fold(alias.team))
                if target is None:
                    self.error(
                        alias.line,
                        _("'%(name)s' is itself another name: write the club's own name.") % {"name": alias.team},
                    )
                    target = Team(name=alias.team)
                self.teams[key] = target
        for key in versions - set(self.teams):
            found = existing.get(key, [])
            team = found[0] if len(found) == 1 else stored_aliases.get(key)
            if team is not None:
                self.teams[key] = team

    def article_names(self):
        """{folded: (name as first written, line)} of every club the article's rows and infobox name; splits the
        team-changes cells (``self.changes``)."""
        article = self.article
        names = {}
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
            for cell, line, cites in column.cells:
                split = [cell] if article.team_change_rows > 1 else split_team_cell(cell, known)
                if len(split) > 1:
                    self.report.splits.append(f"line {line}: '{cell}' -> " + " | ".join(split))
                teams += [(name, line, cites) for name in split]
                for name in split:
                    names.setdefault(fold(name), (name, line))
            self.changes.append((column, teams))
        for key in ("winners", "runner-up"):
            written = article.infobox.get(key)
            if written and written[0]:
                names.setdefault(fold(written[0]), written)
        return names

    def check_alias_clubs(self, named, stored):
        """An other name must give a club the article names (by either name) or one the archive holds (`stored`:
        folded names); else the import would make a club for the other name alone, which no page would show."""
        for alias in self.article.aliases:
            key = fold(alias.team)
            if not (key in named or fold(alias.name) in named or key in stored):
                self.error(
                    alias.line,
                    _(
                        "'%(name)s' is neither a club of this season nor one of the archive: give the other name of a "
                        "club the article names."
                    )
                    % {"name": alias.team},
                )

    def club(self, name, line, found):
        """The stored club of `name` among `found` (stored teams with its folded name), or a new one."""
        if reason := look_alike_letter(name):
            self.error(line, reason)
        exact = [team for team in found if team.name == name]
        if exact or len(found) == 1:
            return (exact or found)[0]
        if found:
            self.error(
                line,
                _(
                    "'%(name)s' could be any of the teams %(teams)s, which differ only in case or accents: rename or "
                    "merge them under Teams, or write the name exactly as one of them"
                )
                % {"name": name, "teams": ", ".join(team.name for team in found)},
            )
            return found[0]  # only so building can go on and report every mistake; nothing is written
        team = Team(name=name)
        try:
            team.full_clean(exclude={"slug", "search_name"})
        except ValidationError as error:
            self.error(line, f"{team._meta.verbose_name}: " + " ".join(error.messages))
        self.new_teams.append((team, line))
        return team

    def team(self, name):
        return self.teams[fold(name)] if name else None

    def known_team(self, name):
        """The club a name gives when the archive or the article knows one, else None (no new club)."""
        return self.teams.get(fold(name))

    def cite(self, line, cites, **supported):
        import_sources.cite(self, line, cites, **supported)

    # ----- building the rows the article describes -----
    def build(self):
        self.resolve_teams()
        import_sources.resolve_sources(self)
        article = self.article
        self.season = self.add(
            Season(
                year=article.year,
                champion=self.team(article.infobox.get("winners", ("", 0))[0]),
                status=article.status,
                confidence=article.confidence,
                summary="\n\n".join(article.summary),
                summary_translation="\n\n".join(article.summary_translation),
                see_also="\n".join(article.see_also),
            ),
            article.year_line,
        )
        import_sources.build_facts(self)
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
            self.cite(container.line, container.cites, region=region)
            for order, name in enumerate(container.departments):
                membership = RegionDepartment(region=region, department=departments[name], order=order)
                membership.season = self.season  # RegionDepartment.save() would copy it; bulk_create does not
                self.add(membership, container.line)
        for order, row in enumerate(article.qualifiers, start=1):
            qualifier = Qualifier(season=self.season, department=departments[row.department], team=self.team(row.team))
            qualifier.location, qualifier.order = row.location, order
            self.add(qualifier, row.line)
            self.cite(row.line, row.cites, qualifier=qualifier)
        for container in article.containers():
            self.build_container(container)
        import_progressions(self)  # who went on, as the article states or implies it (services/progression.py)
        import_sources.build_aliases(self)

    def build_stages(self):
        for kind, month, day, line in self.article.stages():
            description = "\n\n".join(self.article.stage_text.get(kind, []))
            stage = Stage(season=self.season, kind=kind, start_month=month, start_day=day, description=description)
            self.add(stage, line)
            cites, heading_line = self.article.stage_cites.get(kind, ([], line))
            self.cite(heading_line, cites, stage=stage)

    def build_team_changes(self):
        for column, teams in self.changes:
            for order, (name, line, cites) in enumerate(teams):
                change = TeamChange(season=self.season, team=self.team(name), direction=column.direction)
                change.division, change.division_year, change.order = column.division, column.year, order
                self.add(change, line)
                self.cite(line, cites, team_change=change)

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
                self.cite(section.line, section.cites, group=obj)
                self.build_group_matches(obj, section)
            else:
                obj = self.add(
                    KnockoutRound(**common, kind=section.kind, group=built.get(id(section.group))), section.line
                )
                obj.round_kind = round_kind_from_name(section.name, tiebreaker=section.kind == "tiebreaker")
                self.cite(section.line, section.cites, knockout_round=obj)
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
        match = Match(season=self.season, region=self.region, home_team=home, away_team=away, **fields)
        if home.name == away.name:
            self.error(line, _("%(team)s cannot play itself") % {"team": home})
            return match  # reported once, and kept out of the rows so no rule repeats it
        return self.add(match, line)

    def build_group_matches(self, group, section):
        entries = {}
        for order, line in enumerate(section.matches):
            match = self.new_match(line.line, self.team(line.home), self.team(line.away), group=group, order=order)
            self.copy_result(match, line)
            self.cite(line.line, line.cites, match=match)
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
                self.error(
                    line.line,
                    _("a third match between %(home)s and %(away)s in one round") % {"home": home, "away": away},
                )
                continue
            tie.legs = len(legs) + 1
            match = self.new_match(line.line, home, away, tie=tie, leg=len(legs) + 1, order=len(legs))
            self.copy_result(match, line)
            self.cite(line.line, line.cites, match=match)

    # ----- notes and the rulings they carry -----
    def note_candidates(self, container):
        """The teams a note may name: the region's qualifiers and players, or the whole season's."""
        departments = set(container.departments)
        names = [row.team for row in self.article.qualifiers if not departments or row.department in departments]
        names += [line.home for section in container.sections for line in section.matches]
        names += [line.away for section in container.sections for line in section.matches]
        return [self.team(name).name for name in dict.fromkeys(names)]

    def build_note(self, line, order, region, section, candidates):
        try:
            if isinstance(section, Group):
                # A group's note concerns the group's teams, not the rest of the region.
                candidates = [row.team.name for row in self.rows[GroupTeam] if row.group is section]
            ruling = self.checked_ruling(line, candidates)
        except NumberTooLarge as error:
            self.error(line.line, error.sentence())
            ruling = Ruling()
        note = Note(season=self.season, region=region, text=line.text, style=line.style, order=order)
        note.kind, note.decision, note.decided_by = ruling.kind, ruling.decision, ruling.decided_by
        note.favoured_team = self.team(ruling.favoured)
        if isinstance(section, Group):
            note.group = section
        elif isinstance(section, KnockoutRound):
            note.knockout_round = section
        self.add(note, line.line)
        self.cite(line.line, line.cites, note=note)
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

    def checked_ruling(self, line, candidates):
        """The note's ruling, or a plain note (reported) when a team it names is not one of the place's `candidates`.

        The note is read a second time against every team the season and the database know: "Sport Huancayo, who
        were awarded a 3-0 win" in a group without Sport Huancayo must not become a win for the team named before.
        """
        ruling = read_ruling(line.text, candidates)
        if ruling.kind == "note":
            return ruling
        if self.known_names is None:
            self.known_names = sorted(
                {team.name for team in self.teams.values()} | set(Team.objects.values_list("name", flat=True))
            )
        wide = read_ruling(line.text, self.known_names)
        outsiders = [name for name in (*wide.pair, wide.favoured) if name and name not in candidates]
        needs_a_team = ruling.kind in ("withdrawn", "awarded", "points_docked", "points_awarded")
        if not outsiders and not (needs_a_team and not ruling.pair):
            return ruling
        if outsiders:
            sentence = _(
                "the ruling names %(team)s, who is not a team of the place this note concerns, so it was kept as a "
                "plain note that changes no result; check the note and set its ruling in the admin"
            ) % {"team": outsiders[0]}
        else:
            sentence = _(
                "the ruling names no team of the place this note concerns, so it was kept as a plain note that "
                "changes no result; check the note and set its ruling in the admin"
            )
        self.report.warnings.append(f"{self.article.path}:{line.line}: {sentence}")
        return Ruling(decided_by=ruling.decided_by)

    def apply_withdrawal(self, ruling, section, line):
        """The team's place in the group records the withdrawal, by the rule the note states."""
        entry = next(
            (row for row in self.rows[GroupTeam] if row.group is section and ruling.pair[:1] == (row.team.name,)),
            None,
        )
        if entry is None:
            self.report.warnings.append(
                f"{self.article.path}:{line}: " + _("a withdrawal that names no team of this group")
            )
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
            self.report.warnings.append(f"{self.article.path}:{line}: " + _("a result awarded without its score"))
        if ruling.shootout:
            first, second = ruling.shootout
            favoured_home = match.home_team.name == ruling.favoured
            match.home_penalties, match.away_penalties = (first, second) if favoured_home else (second, first)
        note.match = match

    def apply_points(self, note, ruling, region, section, line):
        if not ruling.pair:
            self.report.warnings.append(f"{self.article.path}:{line}: " + _("awards or docks points but names no team"))
            return
        adjustment = PointsAdjustment(season=self.season, region=region, team=self.team(ruling.pair[0]))
        adjustment.group = section if isinstance(section, Group) else None
        adjustment.points, adjustment.reason, adjustment.note = ruling.points, ruling.reason, note
        self.add(adjustment, line)

    # ----- diff, check, write -----
    def plan(self):
        """Build, diff and check, reading only; returns the report, raises ArticleError with every mistake."""
        if not self.article.year:
            raise ArticleError.collected(self.article.path, self.errors)
        self.build()
        existing = Season.objects.filter(year=self.article.year).first()
        self.stored_rows = stored_rows = load_season(existing) if existing else []
        renamed = self.rename_candidates(stored_rows)
        desired = keyed(obj for model in SEASON_MODELS for obj in self.rows[model])
        stored = keyed(stored_rows, renamed=renamed)
        self.created, self.changed = [], []
        for key, obj in desired.items():
            old = stored.get(key)
            if old is None:
                self.created.append(obj)
                continue
            obj.pk, obj._state.adding = old.pk, False
            for name in UNMANAGED.get(type(obj), ()):
                setattr(obj, name, getattr(old, name))
            before, after = field_values(old, managed_only=True), field_values(obj, managed_only=True)
            differing = [name for name in after if before[name] != after[name]]
            if differing:
                self.changed.append((obj, old, differing))
        self.removed = [obj for key, obj in stored.items() if key not in desired]
        self.errors += validate_season_rows(self.rows, self.lines, [team for team, _line in self.new_teams])
        if self.errors:
            raise ArticleError.collected(self.article.path, self.errors)
        report = self.report
        report.created = [describe(obj) for obj in self.created]
        report.changed = [
            _("%(row)s: %(changes)s") % {"row": describe(old), "changes": "; ".join(change_sentences(old, obj, names))}
            for obj, old, names in self.changed
        ]
        report.removed = [describe(obj) for obj in self.removed]
        report.removal_summary = removal_counts(self.removed)
        report.new_teams = [team.name for team, _line in self.new_teams if team.name not in renamed.values()]
        report.new_sources = [str(source) for source, _line in self.new_sources]
        report.filled_sources = [
            _("%(source)s: %(fields)s")
            % {
                "source": source,
                "fields": ", ".join(str(Source._meta.get_field(name).verbose_name) for name in filled),
            }
            for source, _line, filled in self.filled_sources
        ]
        report.new_aliases = [
            _("%(name)s, another name of %(team)s") % {"name": alias.name, "team": alias.team.name}
            for alias, _line in self.new_aliases + self.filled_aliases
        ]
        return report

    def rename_candidates(self, stored_rows):
        """{old name: new name} for a team the article seems to have renamed, and reports each as a sentence.

        A new team takes the place of a stored one that the article no longer names when it qualified from the same
        department in the same position, or when it is the article's only new team and the stored one the only
        team gone. Its rows are then updated in place (pointing at the new team) rather than removed and re-added.
        """
        new = {team.name: line for team, line in self.new_teams}
        if not new or not stored_rows:
            return {}
        named = {team.name for team in self.teams.values()}
        vanished = set()
        for obj in stored_rows:
            for model_field in obj._meta.concrete_fields:
                if isinstance(model_field, models.ForeignKey) and model_field.related_model is Team:
                    team = getattr(obj, model_field.name)
                    if team is not None and team.name not in named:
                        vanished.add(team.name)
        slots = {(q.department.name, q.order): q.team.name for q in stored_rows if isinstance(q, Qualifier)}
        renamed = {}
        for qualifier in self.rows[Qualifier]:
            old = slots.get((qualifier.department.name, qualifier.order))
            if qualifier.team.name in new and old in vanished:
                renamed[old] = qualifier.team.name
        if not renamed and len(new) == 1 and len(vanished) == 1:
            renamed = {next(iter(vanished)): next(iter(new))}
        for old, name in renamed.items():
            self.report.renames.append(
                _(
                    "Possible rename: %(new)s (line %(line)d) takes the place of %(old)s, which the article no longer "
                    "names. Its rows in this season are kept and moved to %(new)s, a new team. If the club only "
                    "changed its name, rename %(old)s under Teams first, so its other seasons follow."
                )
                % {"new": name, "old": old, "line": new[name]}
            )
        return renamed

    def keep_state_before(self):
        """One revision with the state the import replaces: every row it removes (reversion keeps versions of
        existing rows only, so this is recorded before they go; "Recover deleted" restores them all from it, and
        reverting it undoes the import), and every row it changes that has no History yet (the shipped seasons
        were loaded, not entered), so History shows each change with both values."""
        without = list(self.removed)
        for model in SEASON_MODELS:
            olds = [old for _obj, old, _names in self.changed if type(old) is model]
            if not olds:
                continue
            known = set(
                Version.objects.get_for_model(model)
                .filter(object_id__in=[str(old.pk) for old in olds])
                .values_list("object_id", flat=True)
            )
            without += [old for old in olds if str(old.pk) not in known]
        if without:
            comment = _("As it was before the import of %(file)s.") % {"file": PurePath(self.article.path).name}
            save_revision(without, self.stored_rows, comment=comment)

    def write(self):
        """Write the plan inside the caller's transaction: remove, then add, then change, in bulk per model."""
        for model in reversed(SEASON_MODELS):
            doomed = [obj.pk for obj in self.removed if type(obj) is model]
            if doomed:
                model.objects.filter(pk__in=doomed).delete()
        import_sources.save_sources(self)
        for team, _line in self.new_teams:
            team.save()
        import_sources.save_aliases(self)
        created = {model: [obj for obj in self.created if type(obj) is model] for model in SEASON_MODELS}
        for model, objects in created.items():
            for obj in objects:
                reattach(obj)
            model.objects.bulk_create(objects, batch_size=500)
        for model in SEASON_MODELS:
            objects = [obj for obj, _old, _names in self.changed if type(obj) is model]
            if not objects:
                continue
            for obj in objects:
                reattach(obj)
                if isinstance(obj, Match):
                    obj.version += 1  # so an admin form opened before the import is refused as stale
            names = [f.name for f in model._meta.concrete_fields if not f.primary_key]
            model.objects.bulk_update(objects, names, batch_size=200)
        import_sources.set_version_sources(self.rows[FactVersion])

    def record(self, comment, user):
        """The import's one revision: every row it wrote, the season, and what their registrations follow."""
        written = [team for team, _line in self.new_teams] + self.created + [obj for obj, *_ in self.changed]
        written += [source for source, *_ in self.new_sources + self.filled_sources]
        written += [alias for alias, _line in self.new_aliases + self.filled_aliases]
        season_rows = [obj for model in SEASON_MODELS for obj in self.rows[model]]
        save_revision([*written, self.season], season_rows, comment=comment, user=user)
