"""Where the archive's facts come from: sources, what each supports, versions of disputed facts, team aliases.

A ``Source`` is a publication (an encyclopedia article, a newspaper report, RSSSF's page for a season). A
``Citation`` says that one source supports one thing of one season: the season itself (listed in its Sources
section), one of its stage, region, group, round, tie, match, note, qualifier or team change, or one of its facts
(the champion, the runner-up, whether the season was held). A ``FactVersion`` records what one or more sources say
of a disputed fact ("champion: Coronel Bolognesi per source 4"), so the site shows every version instead of
silently picking one. A ``TeamAlias`` is another way the sources write a club's name ("Hungaritos Agostinos"),
recorded on the club instead of making a second one.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..text import fold
from .text_rules import look_alike_letter, own_name_message
from .validation import season_id_of


class SourceQuerySet(models.QuerySet):
    def get_by_natural_key(self, publisher, title, url):
        return self.get(publisher=publisher, title=title, url=url)


class Source(models.Model):
    """A publication some of the archive's facts come from.

    One row per publication, shared by every season it supports (RSSSF's list of champions backs fifty seasons):
    publisher, title and address together identify it.
    """

    publisher = models.CharField(
        _("publisher"), max_length=200, help_text=_('Who published it: "RSSSF", "Wikipedia", "El Comercio".')
    )
    title = models.CharField(_("title"), max_length=300, help_text=_("The title as the publication gives it."))
    url = models.URLField(
        _("address"), max_length=500, blank=True, help_text=_("Its web address; leave empty when none is recorded.")
    )
    language = models.CharField(
        _("language"),
        max_length=12,
        blank=True,
        help_text=_('The language it is written in, as a code: "es", "en", "de"; empty when not recorded.'),
    )
    licence = models.CharField(
        _("licence"), max_length=100, blank=True, help_text=_('Its licence when known, e.g. "CC BY-SA 4.0".')
    )
    licence_url = models.URLField(_("licence address"), max_length=300, blank=True)
    accessed = models.DateField(
        _("date accessed"), null=True, blank=True, help_text=_("When an editor read it; empty when not recorded.")
    )

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["publisher", "title", "pk"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            models.UniqueConstraint(
                fields=["publisher", "title", "url"],
                name="source_once",
                violation_error_message=_("This source is already recorded: choose it from the list instead."),
            ),
            models.CheckConstraint(
                condition=~Q(publisher="") & ~Q(title=""),
                name="source_has_publisher_and_title",
                violation_error_message=_("A source needs its publisher and its title."),
            ),
        ]

    def __str__(self):
        return f"{self.publisher}: {self.title}"

    def natural_key(self):
        return (self.publisher, self.title, self.url)


class SeasonFact(models.TextChoices):
    """The facts of a season a source can be cited for, beside the things (stages, matches) it records."""

    STATUS = "status", _("Whether and how it was played")
    CHAMPION = "champion", _("Champion")
    RUNNER_UP = "runner_up", _("Runner-up")


# The things a citation can point at, most specific last; a citation names at most one of them.
CITED_THINGS = ("stage", "region", "group", "knockout_round", "tie", "match", "note", "qualifier", "team_change")


def _one_thing_constraints():
    """For each pair of things, a constraint refusing both set: a database that cannot count set columns still
    refuses a citation of two things."""
    constraints = []
    for index, first in enumerate(CITED_THINGS):
        others = CITED_THINGS[index + 1 :]
        if not others:
            continue
        constraints.append(
            models.CheckConstraint(
                condition=Q(**{f"{first}__isnull": True}) | Q(**{f"{name}__isnull": True for name in others}),
                name=f"citation_one_thing_{first}",
                violation_error_message=_("A citation supports one thing: a stage, a match, a note…, not several."),
            )
        )
    return constraints


class Citation(models.Model):
    """One source supporting one thing of one season.

    With none of the things set and no fact, the source is one of the season's general sources (its Sources
    section, numbered by ``order``); with a thing set, the source supports that thing; with ``fact`` set, it
    supports the season's champion, runner-up or status. Every citation belongs to its season, so a season page
    reads all its sources in one query.
    """

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations", verbose_name=_("source"))
    season = models.ForeignKey("Season", on_delete=models.CASCADE, related_name="citations", verbose_name=_("season"))
    stage = models.ForeignKey(
        "Stage", on_delete=models.CASCADE, null=True, blank=True, related_name="citations", verbose_name=_("stage")
    )
    region = models.ForeignKey(
        "Region", on_delete=models.CASCADE, null=True, blank=True, related_name="citations", verbose_name=_("region")
    )
    group = models.ForeignKey(
        "Group", on_delete=models.CASCADE, null=True, blank=True, related_name="citations", verbose_name=_("group")
    )
    knockout_round = models.ForeignKey(
        "KnockoutRound",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="citations",
        verbose_name=_("knockout round"),
    )
    tie = models.ForeignKey(
        "Tie", on_delete=models.CASCADE, null=True, blank=True, related_name="citations", verbose_name=_("tie")
    )
    match = models.ForeignKey(
        "Match", on_delete=models.CASCADE, null=True, blank=True, related_name="citations", verbose_name=_("match")
    )
    note = models.ForeignKey(
        "Note", on_delete=models.CASCADE, null=True, blank=True, related_name="citations", verbose_name=_("note")
    )
    qualifier = models.ForeignKey(
        "Qualifier",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="citations",
        verbose_name=_("qualifier"),
    )
    team_change = models.ForeignKey(
        "TeamChange",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="citations",
        verbose_name=_("team change"),
    )
    fact = models.CharField(_("fact"), max_length=12, choices=SeasonFact.choices, blank=True)
    detail = models.CharField(
        _("detail"),
        max_length=200,
        blank=True,
        help_text=_('Where in the source, or which revision: "page 12", "an earlier revision of the article".'),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["season", "order", "pk"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        constraints = [
            models.CheckConstraint(
                condition=Q(fact="") | Q(**{f"{name}__isnull": True for name in CITED_THINGS}),
                name="citation_fact_or_thing",
                violation_error_message=_("A citation supports either a fact of the season or one thing, not both."),
            ),
            *_one_thing_constraints(),
        ]

    def __str__(self):
        return f"{self.source} → {self.cited_label}"

    @property
    def cited_name(self):
        """The name of the field the citation points at ("match", "note"…), "fact" or "season"."""
        for name in CITED_THINGS:
            if getattr(self, f"{name}_id"):
                return name
        return "fact" if self.fact else "season"

    @property
    def cited_label(self):
        name = self.cited_name
        if name == "fact":
            return self.get_fact_display()
        if name == "season":
            return str(self.season)
        return str(getattr(self, name))

    def clean(self):
        set_things = [name for name in CITED_THINGS if getattr(self, f"{name}_id")]
        errors = {}
        if len(set_things) > 1:
            errors[set_things[1]] = _("A citation supports one thing: choose only one of %(things)s.") % {
                "things": ", ".join(set_things)
            }
        if set_things and self.fact:
            errors["fact"] = _("A citation supports either a fact of the season or one thing, not both.")
        if self.season_id and len(set_things) == 1:
            thing = getattr(self, set_things[0])
            if season_id_of(thing) != self.season_id:
                errors[set_things[0]] = _("This belongs to another season.")
        if errors:
            raise ValidationError(errors)


class FactVersion(models.Model):
    """What some sources say of a disputed fact of a season: "champion: Coronel Bolognesi per sources 4 and 6".

    The season's own field (``Season.champion``) keeps the version the archive shows first; the versions list
    every account, each with the sources that give it, and the season's confidence says the fact is disputed.
    """

    season = models.ForeignKey(
        "Season", on_delete=models.CASCADE, related_name="fact_versions", verbose_name=_("season")
    )
    fact = models.CharField(
        _("fact"),
        max_length=12,
        choices=[(SeasonFact.CHAMPION, SeasonFact.CHAMPION.label), (SeasonFact.RUNNER_UP, SeasonFact.RUNNER_UP.label)],
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("The club as this version's sources write it."))
    team = models.ForeignKey(
        "Team",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="fact_versions",
        verbose_name=_("team"),
        help_text=_("The club in the archive this version names, when it is one."),
    )
    sources = models.ManyToManyField(Source, related_name="fact_versions", verbose_name=_("sources"))
    detail = models.CharField(
        _("detail"), max_length=200, blank=True, help_text=_('e.g. "in an earlier revision of the article".')
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["season", "fact", "order", "pk"]
        verbose_name = _("version of a disputed fact")
        verbose_name_plural = _("versions of disputed facts")
        constraints = [
            models.UniqueConstraint(
                fields=["season", "fact", "name"],
                name="fact_version_once",
                violation_error_message=_("This version of the fact is already recorded."),
            ),
            models.CheckConstraint(
                condition=~Q(name=""), name="fact_version_has_name", violation_error_message=_("Name the club.")
            ),
        ]

    def __str__(self):
        return f"{self.season.year} {self.get_fact_display()}: {self.name}"


class TeamAlias(models.Model):
    """Another way the sources write a club's name ("Hungaritos Agostinos" for Hungaritos Agustinos).

    The importer finds a team by its name or by any of its aliases (accents, case and dots ignored), so a source's
    spelling never makes a second club; a team's own name can't be another club's alias.
    """

    team = models.ForeignKey("Team", on_delete=models.CASCADE, related_name="aliases", verbose_name=_("team"))
    name = models.CharField(_("name"), max_length=100, help_text=_("The name as the source writes it."))
    search_name = models.CharField(max_length=100, editable=False, unique=True, verbose_name=_("search name"))
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="team_aliases",
        verbose_name=_("source"),
        help_text=_("A source that writes the name this way, when recorded."),
    )

    class Meta:
        ordering = ["team", "name"]
        verbose_name = _("other name")
        verbose_name_plural = _("other names")

    def __str__(self):
        return f"{self.name} ({self.team})"

    def save(self, *args, **kwargs):
        self.search_name = fold(self.name)
        super().save(*args, **kwargs)

    def clean(self):
        from .places import Team

        key = fold(self.name)
        if not key:
            raise ValidationError({"name": _("Write the other name.")})
        # The importer's rules, so that an other name saved here is exported and imported back unchanged.
        if reason := look_alike_letter(self.name):
            raise ValidationError({"name": reason})
        if "=" in self.name:
            raise ValidationError(
                {"name": _("An other name cannot hold “=”: articles write other names as “- Other name = Team”.")}
            )
        if self.team_id is not None and key == fold(self.team.name):
            raise ValidationError({"name": own_name_message(self.name)})
        clash = Team.objects.filter(search_name=key).exclude(pk=self.team_id).first()
        if clash is not None:
            raise ValidationError(
                {"name": _("%(name)s is the name of another team, %(team)s.") % {"name": self.name, "team": clash}}
            )
        other = TeamAlias.objects.filter(search_name=key).exclude(pk=self.pk).select_related("team").first()
        if other is not None:
            raise ValidationError(
                {"name": _("%(name)s is already another name of %(team)s.") % {"name": self.name, "team": other.team}}
            )
