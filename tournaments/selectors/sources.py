"""A season's numbered sources and the footnote numbers of everything its pages cite, in two queries (three on the
season page, which also shows the versions of its disputed facts).

The numbering rule (issue 14, one rule for pages, exports and the article format): a season's sources are numbered
1..N, first its general citations (no thing, no fact) in ``order``, then any other source cited in the season in
order of first citation (``order``, ``pk``), then a source that only a version of a disputed fact names. So
footnote ``[2]`` means the same publication on every page of the season and in its CSV and xlsx exports.
"""

from dataclasses import dataclass, field

from ..models import Citation, FactVersion, Source
from ..models.sources import CITED_THINGS

# A model's name (``obj._meta.model_name``) -> the Citation field that points at it.
THING_OF_MODEL = {name.replace("_", ""): name for name in CITED_THINGS}


@dataclass
class NumberedSource:
    """One entry of a season's Sources section: ``number`` (1..N, its footnote) and the Source row."""

    number: int
    source: Source

    @property
    def anchor(self):
        """The entry's id on every page of the season: "source-2"."""
        return f"source-{self.number}"


@dataclass
class Version:
    """One source's version of a disputed fact: the club as it names it, the club in the archive (or None), the
    footnote numbers of the sources that give it, and a detail ("an earlier revision of the article")."""

    name: str
    team: object
    numbers: list
    detail: str = ""


@dataclass
class SeasonSources:
    """What a season's pages need to cite: ``entries`` ([NumberedSource], numbered 1..N), ``cited`` ({(thing, pk):
    [numbers]} with thing a Citation field name such as "match"), ``stages`` ({stage kind: [numbers]}), ``facts``
    ({"status"|"champion"|"runner_up": [numbers]}) and ``versions`` ({"champion"|"runner_up": [Version]}, only for
    facts the season records versions of)."""

    season: object
    entries: list = field(default_factory=list)
    cited: dict = field(default_factory=dict)
    facts: dict = field(default_factory=dict)
    versions: dict = field(default_factory=dict)
    stages: dict = field(default_factory=dict)

    def numbers_of(self, thing):
        """The footnote numbers of a stage, region, group, round, tie, match, note, qualifier or team change of the
        season ([] when it cites nothing, or for anything else)."""
        name = THING_OF_MODEL.get(thing._meta.model_name) if thing is not None else None
        return self.cited.get((name, thing.pk), []) if name else []

    def stage_numbers(self, kind):
        """The footnote numbers of the season's stage of this kind ("departmental", "regional", "national")."""
        return self.stages.get(kind, [])

    def fact_numbers(self, fact):
        """The footnote numbers of one of the season's facts ("status", "champion", "runner_up")."""
        return self.facts.get(fact, [])

    @property
    def numbers(self):
        """Every footnote number the season has: the summary's [n] markers become links only for these."""
        return {entry.number for entry in self.entries}


def _add(numbers, number):
    if number not in numbers:
        numbers.append(number)


def season_sources(season, *, versions=True):
    """The SeasonSources of ``season`` in two queries (its citations; the sources of its disputed facts' versions),
    and with ``versions`` (the season page, which shows the champion and runner-up) a third for the versions
    themselves. Every page of the season lists the same sources under the same numbers either way."""
    citations = list(Citation.objects.filter(season=season).select_related("source", "stage").order_by("order", "pk"))
    version_sources = list(
        FactVersion.sources.through.objects.filter(factversion__season=season)
        .select_related("source")
        .order_by("factversion__fact", "factversion__order", "factversion__pk", "source__pk")
    )
    if versions:
        versions = list(
            FactVersion.objects.filter(season=season).select_related("team").order_by("fact", "order", "pk")
        )
    else:
        versions = []
    number_of = {}
    entries = []

    def number(source):
        if source.pk not in number_of:
            number_of[source.pk] = len(entries) + 1
            entries.append(NumberedSource(len(entries) + 1, source))
        return number_of[source.pk]

    general = [citation for citation in citations if citation.cited_name == "season"]
    for citation in general:
        number(citation.source)
    result = SeasonSources(season=season, entries=entries)
    for citation in citations:
        kind = citation.cited_name
        if kind == "season":
            continue
        if kind == "fact":
            _add(result.facts.setdefault(citation.fact, []), number(citation.source))
        elif kind == "stage":
            # Keyed by the stage's kind too: the departmental, regional and national pages cite their own stage.
            _add(result.stages.setdefault(citation.stage.kind, []), number(citation.source))
            _add(result.cited.setdefault(("stage", citation.stage_id), []), number(citation.source))
        else:
            key = (kind, getattr(citation, f"{kind}_id"))
            _add(result.cited.setdefault(key, []), number(citation.source))
    numbers_of_version = {}
    for row in version_sources:
        numbers_of_version.setdefault(row.factversion_id, []).append(number(row.source))
    for version in versions:
        numbers = sorted(numbers_of_version.get(version.pk, []))
        result.versions.setdefault(version.fact, []).append(
            Version(version.name, version.team, numbers, version.detail)
        )
    return result
