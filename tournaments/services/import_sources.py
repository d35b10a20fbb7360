"""Where an article's facts come from, built for the season import: sources, citations, versions, other names.

Called by ``season_import._SeasonWriter`` on the article read by article_parser / article_sources:

- ``resolve_sources``: each entry of the Sources section becomes a ``Source``, reusing a stored one with the same
  publisher, title and address (never a second row). A stored source's empty details are filled from the article;
  a detail the article gives differently is reported as a warning and the stored value kept, never overwritten
  silently;
- ``build_facts``: the season's general citations (its Sources section, numbered by ``order``), the citations of
  its champion, runner-up and status, the runner-up itself (a national-scope stored ``Progression``) and the
  versions of a disputed fact (``FactVersion``);
- ``build_aliases``: each ``- Alias = Team`` line becomes a ``TeamAlias``, unless the club already has it.

Sources and other names belong to no season (one source backs fifty), so they are saved before the season's rows
and never removed by an import; citations and versions are rows of the season like its matches.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..models import Citation, FactVersion, Progression, SeasonFact, Source, TeamAlias
from ..text import fold
from .import_validation import reattach

SOURCE_DETAILS = ("language", "licence", "licence_url", "accessed")


def _messages(error):
    return " ".join(error.messages)


def resolve_sources(writer):
    """Set ``writer.sources`` ({number: Source}), ``writer.new_sources`` and ``writer.filled_sources``."""
    entries = writer.article.sources
    writer.sources, writer.new_sources, writer.filled_sources = {}, [], []
    if not entries:
        return
    stored = {}
    for source in Source.objects.filter(title__in={entry.title for entry in entries}):
        stored[source.natural_key()] = source
    first_line = {}
    for entry in entries:
        key = (entry.publisher, entry.title, entry.url)
        if key in first_line:
            writer.error(
                entry.line,
                _(
                    "Source %(number)s is the same publication as the source on line %(line)s: list it once and "
                    "cite that number."
                )
                % {"number": entry.number, "line": first_line[key]},
            )
            continue
        first_line[key] = entry.line
        if not (entry.publisher and entry.title):
            continue  # reported by the parser
        source = stored.get(key)
        if source is None:
            source = Source(publisher=entry.publisher, title=entry.title, url=entry.url)
            for name in SOURCE_DETAILS:
                setattr(source, name, getattr(entry, name) or ("" if name != "accessed" else None))
            try:
                source.full_clean(validate_unique=False)
            except ValidationError as error:
                writer.error(entry.line, f"Source {entry.number}: {_messages(error)}")
            writer.new_sources.append((source, entry.line))
        else:
            _fill(writer, source, entry)
        writer.sources[entry.number] = source


def _fill(writer, source, entry):
    """Fill a stored source's empty details from the article; warn where the article says otherwise."""
    filled = []
    for name in SOURCE_DETAILS:
        written, kept = getattr(entry, name), getattr(source, name)
        if written in ("", None) or written == kept:
            continue
        if kept in ("", None):
            setattr(source, name, written)
            filled.append(name)
        else:
            label = Source._meta.get_field(name).verbose_name
            writer.report.warnings.append(
                _(
                    "%(path)s:%(line)d: the %(field)s of %(source)s is stored as “%(kept)s”, the article says "
                    "“%(written)s”; the stored value is kept (change it under Sources if the article is right)."
                )
                % {
                    "path": writer.article.path,
                    "line": entry.line,
                    "field": label,
                    "source": source,
                    "kept": kept,
                    "written": written,
                }
            )
    if filled:
        try:
            source.full_clean(validate_unique=False)
        except ValidationError as error:
            writer.error(entry.line, f"Source {entry.number}: {_messages(error)}")
        writer.filled_sources.append((source, entry.line, filled))


def cite(writer, line, cites, **supported):
    """A Citation of each numbered source for the thing or fact in `supported` (``match=obj``, ``fact=...``)."""
    for order, number in enumerate(cites):
        source = writer.sources.get(number)
        if source is not None:  # an unknown number is already reported by the parser
            writer.add(Citation(source=source, season=writer.season, order=order, **supported), line)


def build_facts(writer):
    """The season's general citations, its facts' citations, its runner-up and the versions of disputed facts."""
    article, season = writer.article, writer.season
    for entry in article.sources:
        if writer.sources.get(entry.number) is not None:
            writer.add(Citation(source=writer.sources[entry.number], season=season, order=entry.number), entry.line)
    for fact in (SeasonFact.STATUS, SeasonFact.CHAMPION, SeasonFact.RUNNER_UP):
        key = {"champion": "winners", "runner_up": "runner-up"}.get(fact, fact)
        line = article.infobox.get(key, ("", article.year_line))[1]
        cite(writer, line, article.fact_cites.get(fact, []), fact=fact)
    if article.runner_up:
        _runner_up(writer)
    for fact, versions in article.versions.items():
        for order, version in enumerate(versions):
            row = FactVersion(season=season, fact=fact, name=version.name, detail=version.detail, order=order)
            row.team = writer.known_team(version.name)
            row.pending_sources = [writer.sources[n] for n in version.cites if writer.sources.get(n) is not None]
            writer.add(row, version.line)


def _runner_up(writer):
    article = writer.article
    line = article.infobox["runner-up"][1]
    cites = article.fact_cites.get("runner_up", [])
    if article.runner_up_basis == Progression.Basis.STATED and not cites:
        writer.error(
            line,
            "A runner-up stated by a source needs that source: end the Runner-up line with its marker, e.g. [1].",
        )
        return
    progression = Progression(
        season=writer.season,
        team=writer.team(article.runner_up),
        outcome=Progression.Outcome.RUNNER_UP,
        basis=article.runner_up_basis,
    )
    # Answers Progression.clean's question "is this fact cited?" before the citations are stored.
    progression.pending_fact_cited = bool(cites)
    writer.add(progression, line)


def build_aliases(writer):
    """Set ``writer.new_aliases`` ([(TeamAlias, line)]) and ``writer.filled_aliases`` (a stored alias of the same
    team that gains its source)."""
    writer.new_aliases, writer.filled_aliases = [], []
    lines = writer.article.aliases
    stored = {
        alias.search_name: alias
        for alias in TeamAlias.objects.filter(search_name__in=[fold(line.name) for line in lines]).select_related(
            "team"
        )
    }
    for entry in lines:
        team = writer.team(entry.team)
        source = next((writer.sources[n] for n in entry.cites if writer.sources.get(n) is not None), None)
        existing = stored.get(fold(entry.name))
        if existing is not None and existing.team.name == team.name:
            if existing.source_id is None and source is not None:
                existing.source = source
                writer.filled_aliases.append((existing, entry.line))
            continue
        alias = TeamAlias(team=team, name=entry.name, source=source)
        alias.search_name = fold(entry.name)
        try:
            alias.full_clean(exclude={"team", "source", "search_name"})
        except ValidationError as error:
            writer.error(entry.line, _messages(error))
        writer.new_aliases.append((alias, entry.line))


def save_sources(writer):
    """Save the sources before the season's rows cite them."""
    for source, _line in writer.new_sources:
        source.save()
    for source, _line, filled in writer.filled_sources:
        source.save(update_fields=filled)


def save_aliases(writer):
    """Save the other names, once their teams are saved."""
    for alias, _line in writer.new_aliases:
        reattach(alias)  # its team and source were saved after it was built: take their keys
        alias.save()
    for alias, _line in writer.filled_aliases:
        alias.save(update_fields=["source"])


def set_version_sources(versions):
    """Store the sources of the versions just written (a many-to-many relation: after the rows have keys)."""
    for version in versions:
        pending = version.__dict__.pop("pending_sources", None)
        if pending is not None:
            version.sources.set(pending)
