"""The progressions an article states or implies, written by the season import beside the rows they concern.

Called once by ``season_import._SeasonWriter.write`` before it diffs and saves, on the unsaved rows it built:

- the source's own statements: "the finalists qualified" (both teams of the region's final), "X qualified" in a
  note about a suspended leg (the note is linked; it is a statement, not a tie won by ruling);
- rulings that give a place: a points ruling whose favoured team "obtained first place" finished first;
- inferences from a later stage: a team that played in the national stage came through its region, labelled
  "inferred";
- a regional stage text that says how many teams each region sent on ("Each region had two teams qualify") fills
  the regions that do not say it themselves;
- a result an abandoned match was declared ("declared the match ended by 3-1") when the note does not say which
  side scored which.

What the results themselves show (tables, tie winners) is not written: selectors.progression computes it.
"""

import re

from ..models import KnockoutRound, Match, Note, NoteKind, Progression, Qualifier, RegionDepartment, RoundKind, Tie
from .article_parser import NUMBER_WORDS, PLACES
from .rulings import FAVOURED
from .team_names import find_teams

Basis, Outcome = Progression.Basis, Progression.Outcome

FINALISTS_WORDS = re.compile(r"\b(?:the\s+)?finalists\s+qualified\b", re.I)
QUALIFIED_SENTENCE = re.compile(r"[^.;]*\b(?:qualified|went\s+through|advanced)\b[^.;]*", re.I)
FIRST_PLACE = re.compile(r"\b(?:first\s+place|won\s+the\s+(?:group|region))\b", re.I)
DECLARED = re.compile(r"declared the (?:match|result) ended (?:by )?(\d{1,2})-(\d{1,2})", re.I)


def import_progressions(writer):
    """Add to ``writer`` (a season_import._SeasonWriter) the Progression rows its article states or implies."""
    _ProgressionBuilder(writer).build()


class _ProgressionBuilder:
    def __init__(self, writer):
        self.writer = writer
        self.rows = writer.rows
        self.found = {}  # (region number or None, team name) -> Progression

    def add(self, team, region, line, **fields):
        key = (region.number if region else None, team.name)
        if key in self.found:
            return self.found[key]
        progression = Progression(season=self.writer.season, region=region, team=team, **fields)
        progression.order = len(self.found)
        self.found[key] = self.writer.add(progression, line)
        return progression

    def build(self):
        self.places_from_stage_text()
        self.declared_results()
        self.note_statements()
        self.region_statements()
        self.finalists()
        self.inferred_from_national_stage()

    def places_from_stage_text(self):
        found = PLACES.search(" ".join(self.writer.article.stage_text.get("regional", [])))
        if not found:
            return
        word = found.group(1).lower()
        places = NUMBER_WORDS.get(word) or int(word)
        for region in self.writer.regions.values():
            if region.places_advancing is None:
                region.places_advancing = places

    def declared_results(self):
        for note in self.rows[Note]:
            match = note.match
            declared = DECLARED.search(note.text)
            if note.kind == NoteKind.ABANDONED and match is not None and declared and not match.score_known:
                match.declared_result = f"{declared.group(1)}-{declared.group(2)}"

    def note_statements(self):
        for note in self.rows[Note]:
            line = self.writer.lines[id(note)]
            team = note.favoured_team
            if team is None:
                continue
            if note.kind == NoteKind.SUSPENDED:
                # "Cable Visión qualified for the next round": the source's statement, kept with its note.
                words = QUALIFIED_SENTENCE.search(note.text)
                self.add(
                    team,
                    note.region,
                    line,
                    tie=None if note.region else note.tie,
                    basis=Basis.STATED,
                    note=note,
                    source_words=(words.group(0).strip() if words else "")[:200],
                )
            elif note.kind in (NoteKind.POINTS_AWARDED, NoteKind.POINTS_DOCKED) and FIRST_PLACE.search(note.text):
                self.add(
                    team, note.region, line, group=note.group, outcome=Outcome.FIRST, basis=Basis.RULING, note=note
                )

    def region_statements(self):
        """ "Mannucci qualified." in a region's own text: the source's statement about that team."""
        containers = {container.number: container for container in self.writer.article.regions}
        for number, region in self.writer.regions.items():
            candidates = self.writer.note_candidates(containers[number])
            for sentence in QUALIFIED_SENTENCE.finditer(region.description):
                words = sentence.group(0).strip()
                for _, end, name in find_teams(words, candidates):
                    if FAVOURED.match(words, end):
                        team = self.writer.team(name)
                        self.add(team, region, containers[number].line, basis=Basis.STATED, source_words=words[:200])

    def finalists(self):
        for region in self.writer.regions.values():
            words = FINALISTS_WORDS.search(region.description)
            if not words:
                continue
            finals = [
                playoff
                for playoff in self.rows[KnockoutRound]
                if playoff.region is region and playoff.round_kind == RoundKind.FINAL
            ]
            for tie in (tie for tie in self.rows[Tie] if tie.round in finals):
                for team in (tie.team_a, tie.team_b):
                    if team is not None:
                        self.add(
                            team, region, self.writer.lines[id(tie)], basis=Basis.STATED, source_words=words.group(0)
                        )

    def inferred_from_national_stage(self):
        """A team that played in the national stage came through the region its department was in."""
        region_of_department = {
            membership.department.pk: membership.region for membership in self.rows[RegionDepartment]
        }
        qualifiers = {row.team.name: row for row in self.rows[Qualifier]}
        for match in self.rows[Match]:
            national = (match.tie and match.tie.round.region is None) or (match.group and match.group.region is None)
            if not national:
                continue
            for team in (match.home_team, match.away_team):
                qualifier = qualifiers.get(team.name)
                region = region_of_department.get(qualifier.department.pk) if qualifier else None
                if region is not None:
                    self.add(team, region, self.writer.lines[id(match)], basis=Basis.INFERRED)


def stated_sentences(region, progressions):
    """The sentences the exporter adds to a region's text for statements an editor entered without a note.

    Only what the article format can say and the importer reads back: "<words>." when the words name the team
    and are not in the region's text already ("the finalists qualified" is). A statement carried by a note is
    exported with its note; rulings and inferences are read again from the notes and the national stage.
    """
    sentences = []
    for item in progressions:
        words = item.source_words.strip().rstrip(".")
        if (
            item.region is region
            and item.scope == "region"
            and item.basis == Basis.STATED
            and item.note is None
            and words
            and words not in region.description
            and find_teams(words, [item.team.name])
            and FAVOURED.search(words)
        ):
            sentences.append(f"{words}.")
    return sentences
