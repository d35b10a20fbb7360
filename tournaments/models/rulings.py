"""Notes and rulings, and the points a ruling awards or docks.

Rulings are data, not decoration: a suspended leg that put a team through, a final abandoned after 81
minutes whose result the federation declared, points awarded after a complaint, a match not played by
agreement. Each note is attached to the most specific thing it concerns so the page can show it as a
footnote right beside that row or match.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class NoteKind(models.TextChoices):
    NOTE = "note", _("Note")
    SUSPENDED = "suspended", _("Match suspended")
    ABANDONED = "abandoned", _("Match abandoned")
    AWARDED = "awarded", _("Result awarded")
    NOT_PLAYED = "not_played", _("Match not played")
    POINTS_AWARDED = "points_awarded", _("Points awarded")
    POINTS_DOCKED = "points_docked", _("Points docked")
    WALKOVER = "walkover", _("Walkover")
    FEDERATION_DECISION = "decision", _("Federation decision")
    WITHDRAWN = "withdrawn", _("Team withdrew")


class NoteQuerySet(models.QuerySet):
    def rulings(self):
        return self.exclude(kind=NoteKind.NOTE)


class Note(models.Model):
    """A note or ruling as the source states it, attached to what it concerns."""

    class Style(models.TextChoices):
        BULLET = "bullet", _("Bullet")
        PARAGRAPH = "paragraph", _('"Note:" paragraph')

    season = models.ForeignKey("Season", on_delete=models.CASCADE, related_name="notes", verbose_name=_("season"))
    region = models.ForeignKey(
        "Region", on_delete=models.CASCADE, related_name="notes", null=True, blank=True, verbose_name=_("region")
    )
    group = models.ForeignKey(
        "Group", on_delete=models.CASCADE, related_name="notes", null=True, blank=True, verbose_name=_("group")
    )
    knockout_round = models.ForeignKey(
        "KnockoutRound",
        on_delete=models.CASCADE,
        related_name="notes",
        null=True,
        blank=True,
        verbose_name=_("knockout round"),
    )
    tie = models.ForeignKey(
        "Tie", on_delete=models.CASCADE, related_name="notes", null=True, blank=True, verbose_name=_("tie")
    )
    match = models.ForeignKey(
        "Match", on_delete=models.CASCADE, related_name="notes", null=True, blank=True, verbose_name=_("match")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=NoteKind.choices, default=NoteKind.NOTE)
    text = models.TextField(_("text"), help_text=_("The note as the source words it."))
    translation = models.TextField(
        _("Spanish translation"),
        blank=True,
        help_text=_(
            "The note's text in Spanish, entered by an editor; the original stays in the source's words. Spanish "
            "pages show it beside the original, marked as the editors' translation."
        ),
    )
    decision = models.CharField(
        _("decision"),
        max_length=200,
        blank=True,
        help_text=_('What was decided, in a line: "Íntimo Cable Visión went through".'),
    )
    decided_by = models.CharField(
        _("decided by"), max_length=60, blank=True, help_text=_('Who ruled, e.g. "FPF" (the Peruvian federation).')
    )
    favoured_team = models.ForeignKey(
        "Team",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("favoured team"),
        help_text=_("The team the ruling put through or awarded; for a tie, its winner by ruling."),
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    style = models.CharField(_("style"), max_length=10, choices=Style.choices, default=Style.BULLET)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = NoteQuerySet.as_manager()

    class Meta:
        ordering = ["season", "order", "pk"]
        verbose_name = _("note or ruling")
        verbose_name_plural = _("notes and rulings")
        constraints = [
            models.CheckConstraint(
                condition=~Q(text=""),
                name="note_has_text",
                violation_error_message=_("A note needs its text."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"

    @property
    def is_ruling(self):
        return self.kind != NoteKind.NOTE


class PointsAdjustment(models.Model):
    """Points added to or taken from a team's group total by a ruling (e.g. after a complaint)."""

    season = models.ForeignKey(
        "Season", on_delete=models.CASCADE, related_name="points_adjustments", verbose_name=_("season")
    )
    region = models.ForeignKey(
        "Region",
        on_delete=models.CASCADE,
        related_name="points_adjustments",
        null=True,
        blank=True,
        verbose_name=_("region"),
    )
    group = models.ForeignKey(
        "Group",
        on_delete=models.CASCADE,
        related_name="points_adjustments",
        null=True,
        blank=True,
        help_text=_("The group whose table it changes; empty when the source does not say which."),
        verbose_name=_("group"),
    )
    team = models.ForeignKey(
        "Team", on_delete=models.PROTECT, related_name="points_adjustments", verbose_name=_("team")
    )
    points = models.SmallIntegerField(_("points"), help_text=_("Positive when awarded, negative when docked: 3 or -2."))
    reason = models.TextField(_("reason"), help_text=_("Why, e.g. 'Awarded the match after a complaint'."))
    note = models.ForeignKey(
        Note, on_delete=models.SET_NULL, related_name="adjustments", null=True, blank=True, verbose_name=_("ruling")
    )

    class Meta:
        ordering = ["season", "pk"]
        verbose_name = _("points adjustment")
        verbose_name_plural = _("points adjustments")
        constraints = [
            models.CheckConstraint(
                condition=~Q(points=0),
                name="adjustment_not_zero",
                violation_error_message=_("An adjustment awards or docks at least one point."),
            ),
            models.CheckConstraint(
                condition=~Q(reason=""),
                name="adjustment_has_reason",
                violation_error_message=_("Give the reason for the adjustment."),
            ),
        ]

    def __str__(self):
        return f"{self.team} {self.points:+d} ({self.season.year})"
