"""Who went on from a stage, and on what basis: the one record of progression every page reads.

A progression says that a team went on from a tie, a group, a region or the national stage, and why we know:

- ``table`` and ``tie``: computed from the results (the group's places going on, the tie's winner). These are
  never stored: ``selectors.progression`` computes them from the results whenever a page reads them, so they can
  never go stale when a result changes;
- ``ruling``: a ruling decided it (linked to its Note: "hence obtaining first place");
- ``stated``: the source says so in words ("the finalists qualified", "Cable Visión qualified");
- ``source_table``: a source published a final table and the team stands in it (the runner-up "second in the
  final table" of a season whose results the archive does not hold): derived, and shown as derived;
- ``inferred``: a later stage shows it (the team played in the national stage, so it came through its region).

Stored rows (ruling, stated, inferred) are kept as entered; where they contradict the results, the admin warns
the editor (``selectors.progression.contradictions``) and never resolves it silently.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .validation import season_id_of


class Progression(models.Model):
    """One team going on from one tie, group, region or the national stage (all empty: the national stage)."""

    class Basis(models.TextChoices):
        TABLE = "table", _("Computed from the table")
        TIE = "tie", _("Won the tie")
        RULING = "ruling", _("By a ruling")
        STATED = "stated", _("Stated by the source")
        SOURCE_TABLE = "source_table", _("From the source's final table")
        INFERRED = "inferred", _("Inferred from a later stage")

    class Outcome(models.TextChoices):
        WENT_ON = "went_on", _("Went on to the next stage")
        FIRST = "first", _("Finished first")
        PROMOTED = "promoted", pgettext_lazy("one team's outcome", "Promoted")
        CHAMPION = "champion", _("Champion")
        RUNNER_UP = "runner_up", _("Runner-up")

    # Only these are typed in or imported; the other two are computed from the results on every read.
    STORED_BASES = (Basis.RULING, Basis.STATED, Basis.SOURCE_TABLE, Basis.INFERRED)

    season = models.ForeignKey(
        "Season", on_delete=models.CASCADE, related_name="progressions", verbose_name=_("season")
    )
    region = models.ForeignKey(
        "Region", on_delete=models.CASCADE, related_name="progressions", null=True, blank=True, verbose_name=_("region")
    )
    group = models.ForeignKey(
        "Group", on_delete=models.CASCADE, related_name="progressions", null=True, blank=True, verbose_name=_("group")
    )
    tie = models.ForeignKey(
        "Tie", on_delete=models.CASCADE, related_name="progressions", null=True, blank=True, verbose_name=_("tie")
    )
    team = models.ForeignKey("Team", on_delete=models.PROTECT, related_name="progressions", verbose_name=_("team"))
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.WENT_ON)
    basis = models.CharField(
        _("basis"),
        max_length=12,
        choices=[(basis.value, basis.label) for basis in STORED_BASES],
        default=Basis.STATED,
        help_text=_(
            "How we know: a ruling, the source's own words, a final table the source published, or a later stage "
            "the team played in."
        ),
    )
    note = models.ForeignKey(
        "Note",
        on_delete=models.SET_NULL,
        related_name="progressions",
        null=True,
        blank=True,
        verbose_name=_("ruling or note"),
        help_text=_("The ruling or note that says so, when there is one."),
    )
    source_words = models.CharField(
        _("the source's words"),
        max_length=200,
        blank=True,
        help_text=_('What the source says, quoted: "the finalists qualified".'),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["season", "region__number", "order", "pk"]
        verbose_name = _("progression")
        verbose_name_plural = _("progressions")
        constraints = [
            models.CheckConstraint(
                condition=Q(basis__in=["ruling", "stated", "source_table", "inferred"]),
                name="progression_stored_basis",
                violation_error_message=_(
                    "Only a ruling, the source's words, the source's table or a later stage are entered; the table "
                    "and the ties' winners are computed from the results."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.team}: {self.get_outcome_display()} ({self.get_basis_display()})"

    def save(self, *args, **kwargs):
        # A group's or tie's progression also belongs to its region, so a region's page finds it in one query.
        if self.group_id and not self.region_id:
            self.region_id = self.group.region_id
        if self.tie_id and not self.region_id:
            self.region_id = self.tie.round.region_id
        super().save(*args, **kwargs)

    def clean(self):
        # Entered as an inline on a region, group or tie: the season (and region) follow from it.
        parent = self.tie.round if self.tie_id else self.group if self.group_id else None
        if parent is not None and not self.region_id and parent.region_id:
            self.region_id = parent.region_id
        parent = parent or (self.region if self.region_id else None)
        if parent is not None and not self.season_id:
            self.season_id = parent.season_id
        errors = {}
        if self.basis == self.Basis.RULING and not self.note_id:
            errors["note"] = _("A progression by ruling needs the ruling it comes from.")
        if self.basis == self.Basis.STATED and not (self.note_id or self.source_words.strip() or self.fact_cited):
            errors["source_words"] = _("Quote the source's words, or link the note that says so.")
        if self.season_id:
            for name in ("region", "group", "tie"):
                item = getattr(self, name) if getattr(self, f"{name}_id") else None
                if item is not None and season_id_of(item) != self.season_id:
                    errors[name] = _("This belongs to another season.")
        if not errors and self.season_id and self.team_id and self._same_elsewhere().exists():
            errors["team"] = _("This team's progression is already recorded here.")
        if errors:
            raise ValidationError(errors)

    def _same_elsewhere(self):
        # Checked here, not by a unique constraint: SQL treats the empty region, group and tie as all different.
        same = {"season_id": self.season_id, "team_id": self.team_id, "outcome": self.outcome}
        for name in ("region_id", "group_id", "tie_id"):
            same[name] = getattr(self, name)
        return Progression.objects.filter(**same).exclude(pk=self.pk)

    @property
    def fact_cited(self):
        """True for the season's champion or runner-up (national scope) when a source is cited for that fact:
        the citation says where it is stated, so no quoted words are needed. The importer answers before the
        citations are stored (``pending_fact_cited``)."""
        if self.outcome not in (self.Outcome.CHAMPION, self.Outcome.RUNNER_UP) or self.scope != "national":
            return False
        pending = self.__dict__.get("pending_fact_cited")
        if pending is not None:
            return pending
        return bool(self.season_id) and self.season.citations.filter(fact=self.outcome).exists()

    @property
    def scope(self):
        """What the team went on from: "tie", "group", "region" or "national"."""
        if self.tie_id:
            return "tie"
        if self.group_id:
            return "group"
        return "region" if self.region_id else "national"

    @property
    def computed(self):
        return self.basis in (self.Basis.TABLE, self.Basis.TIE)
