"""What was played: round-robin groups, knockout rounds with their ties, and matches.

A group, round or tie whose results the sources lost keeps `results_recorded=False`: the page says
"results not recorded" instead of showing an empty table or inventing 0-0s.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models, router, transaction
from django.db.models import F, Q
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from ..presentation.sections import section_name
from ..rules.match_status import MatchStatus
from ..rules.standings import DEFAULT_TIEBREAKERS, validate_tiebreakers
from .seasons import StageKind
from .validation import match_errors, not_held_error, parent_season_error, region_team_error


def default_tiebreakers():
    return list(DEFAULT_TIEBREAKERS)


def validate_tiebreaker_codes(codes):
    """The engine's registry decides which codes exist; an editor sees its sentence, not a 500."""
    try:
        validate_tiebreakers(codes)
    except (TypeError, ValueError) as error:
        raise ValidationError(str(error), code="invalid_tiebreakers") from error


# Only these two stages hold groups and knockout rounds; the earlier ones are summarised, not stored.
PLAYING_STAGES = [choice for choice in StageKind.choices if choice[0] in (StageKind.REGIONAL, StageKind.NATIONAL)]


def stage_page_url(season, region):
    """The public page that shows a region's (or the national stage's) groups, rounds and matches."""
    if region is not None:
        return region.get_absolute_url()
    return reverse("tournaments:season-national", args=[season.year])


def _stage_matches_region():
    """Regional groups and rounds belong to a region; national ones to none."""
    return Q(stage=StageKind.REGIONAL, region__isnull=False) | Q(stage=StageKind.NATIONAL, region__isnull=True)


class StageSection:
    """What a group and a knockout round share: they sit in a region (or the national stage) of one season."""

    def __str__(self):
        """ "Group A – Region IV 2008" ("Grupo A – Región IV 2008"): how the admin names a group or round."""
        values = {"name": section_name(self.name), "year": self.season.year}
        if self.region_id:
            return gettext("%(name)s – Region %(numeral)s %(year)s") % {**values, "numeral": self.region.numeral}
        return gettext("%(name)s – National Stage %(year)s") % values

    def get_absolute_url(self):
        return f"{stage_page_url(self.season, self.region)}#{self.anchor}"

    def clean(self):
        if reason := not_held_error(self):
            raise ValidationError(reason)
        if errors := parent_season_error(self, self.region if self.region_id else None):
            raise ValidationError(errors)


class Group(StageSection, models.Model):
    """A round-robin group: "Group A", "Final Group", the national "Final group stage"."""

    season = models.ForeignKey("Season", on_delete=models.CASCADE, related_name="groups", verbose_name=_("season"))
    stage = models.CharField(_("stage"), max_length=10, choices=PLAYING_STAGES, default=StageKind.REGIONAL)
    region = models.ForeignKey(
        "Region",
        on_delete=models.CASCADE,
        related_name="groups",
        null=True,
        blank=True,
        verbose_name=_("region"),
        help_text=_("Empty for a national-stage group."),
    )
    name = models.CharField(_("name"), max_length=60, help_text=_('As the source names it: "Group A", "Final Group".'))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    teams = models.ManyToManyField("Team", through="GroupTeam", related_name="groups", verbose_name=_("teams"))
    points_for_win = models.PositiveSmallIntegerField(
        _("points for a win"), null=True, blank=True, help_text=_("Leave empty to use the season's.")
    )
    points_for_draw = models.PositiveSmallIntegerField(
        _("points for a draw"), null=True, blank=True, help_text=_("Leave empty to use the season's.")
    )
    tiebreakers = models.JSONField(
        _("tiebreakers"),
        default=default_tiebreakers,
        validators=[validate_tiebreaker_codes],
        help_text=_("In order, e.g. points, goal difference, goals for; head-to-head or a playoff where used."),
    )
    places_advancing = models.PositiveSmallIntegerField(
        _("teams going on"), default=0, help_text=_("How many teams at the top go on to the next round.")
    )
    places_promoted = models.PositiveSmallIntegerField(
        _("teams promoted"), default=0, help_text=_("How many teams at the top are promoted (national final group).")
    )
    results_recorded = models.BooleanField(
        _("results recorded"), default=True, help_text=_("Untick when the source lost this group's results.")
    )
    shootouts = models.BooleanField(
        _("penalty shoot-outs after draws"),
        default=False,
        help_text=_("Tick only when the group's own rules had a shoot-out after a drawn match."),
    )

    class Meta:
        ordering = ["season", "stage", "region__number", "order", "pk"]
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        constraints = [
            models.CheckConstraint(
                condition=_stage_matches_region(),
                name="group_region_matches_stage",
                violation_error_message=_("A regional group needs a region; a national group has none."),
            ),
            models.UniqueConstraint(
                fields=["region", "name"],
                condition=Q(region__isnull=False),
                name="group_name_unique_in_region",
                violation_error_message=_("This region already has a group with that name."),
            ),
            models.UniqueConstraint(
                fields=["season", "name"],
                condition=Q(region__isnull=True),
                name="national_group_name_unique",
                violation_error_message=_("This season's national stage already has a group with that name."),
            ),
        ]

    @property
    def anchor(self):
        """The table's id on its page: "group-a", "final-group-stage"."""
        return slugify(self.name) or f"group-{self.pk}"

    @property
    def win_points(self):
        return self.season.points_for_win if self.points_for_win is None else self.points_for_win

    @property
    def draw_points(self):
        return self.season.points_for_draw if self.points_for_draw is None else self.points_for_draw


class GroupTeam(models.Model):
    """A team in a group; ``withdrawal`` records a team that withdrew, with what its ruling did to its results."""

    class Withdrawal(models.TextChoices):
        NONE = "", _("Did not withdraw")
        ANNULLED = "annulled", _("Withdrew; all its results annulled")
        RESULTS_STAND = "results_stand", _("Withdrew; its results stand")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="entries", verbose_name=_("group"))
    team = models.ForeignKey("Team", on_delete=models.PROTECT, related_name="group_entries", verbose_name=_("team"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    withdrawal = models.CharField(
        _("withdrawal"),
        max_length=14,
        choices=Withdrawal.choices,
        blank=True,
        default=Withdrawal.NONE,
        help_text=_("As the ruling states it: the team is listed at the foot of the table, with no position."),
    )

    class Meta:
        ordering = ["group", "order", "pk"]
        verbose_name = _("group team")
        verbose_name_plural = _("group teams")
        constraints = [
            models.UniqueConstraint(
                fields=["group", "team"],
                name="team_once_per_group",
                violation_error_message=_("This team is already in the group."),
            ),
        ]

    def __str__(self):
        return pgettext("a team in a group", "%(team)s in %(group)s") % {"team": self.team, "group": self.group}

    def clean(self):
        if self.group_id and self.team_id and self.group.region_id:
            if message := region_team_error(self.group.region, self.team):
                raise ValidationError({"team": message})


class RoundKind(models.TextChoices):
    """What a knockout round is, whatever the source calls it ("Gran final" is still the final)."""

    FINAL = "final", _("Final")
    SEMIFINAL = "semifinal", _("Semifinals")
    QUARTERFINAL = "quarterfinal", _("Quarterfinals")
    EARLIER = "earlier", _("Earlier round")
    PLAYOFF = "playoff", _("Playoff")


# Headings as sources write them, folded; the first that matches decides. Shared by the importer and migration 0004.
ROUND_KIND_WORDS = [
    (RoundKind.SEMIFINAL, ("semifinal", "semi-final", "semi final", "semifinales")),
    (RoundKind.QUARTERFINAL, ("quarterfinal", "quarter-final", "quarter final", "cuartos")),
    (RoundKind.PLAYOFF, ("playoff", "play-off", "tiebreaker", "repechaje")),
    (RoundKind.FINAL, ("final",)),
]


def round_kind_from_name(name, *, tiebreaker=False):
    """The RoundKind a heading names: "Regional Final" -> final, "Semifinals" -> semifinal; else earlier."""
    if tiebreaker:
        return RoundKind.PLAYOFF
    folded = slugify(name).replace("-", " ")
    for kind, words in ROUND_KIND_WORDS:
        if any(word.replace("-", " ") in folded for word in words):
            return kind
    return RoundKind.EARLIER


class KnockoutRound(StageSection, models.Model):
    """A round of ties: a quarterfinal round, a regional final, or a tiebreaker playoff for a level group."""

    class Kind(models.TextChoices):
        KNOCKOUT = "knockout", _("Knockout round")
        TIEBREAKER = "tiebreaker", _("Tiebreaker playoff")

    season = models.ForeignKey(
        "Season", on_delete=models.CASCADE, related_name="knockout_rounds", verbose_name=_("season")
    )
    stage = models.CharField(_("stage"), max_length=10, choices=PLAYING_STAGES, default=StageKind.REGIONAL)
    region = models.ForeignKey(
        "Region",
        on_delete=models.CASCADE,
        related_name="knockout_rounds",
        null=True,
        blank=True,
        verbose_name=_("region"),
    )
    group = models.ForeignKey(
        Group,
        on_delete=models.CASCADE,
        related_name="playoff_rounds",
        null=True,
        blank=True,
        help_text=_("For a tiebreaker: the group whose tie it settled, if the source names one."),
        verbose_name=_("group"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.KNOCKOUT)
    name = models.CharField(
        _("name"), max_length=60, help_text=_('As the source names it: "Quarterfinals", "Regional Final", "Playoff".')
    )
    round_kind = models.CharField(
        _("what the round is"),
        max_length=12,
        choices=RoundKind.choices,
        default=RoundKind.EARLIER,
        help_text=_("The final decides the champion and runner-up, whatever the round's name."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    results_recorded = models.BooleanField(
        _("results recorded"), default=True, help_text=_("Untick when the source lost this round's results.")
    )

    class Meta:
        ordering = ["season", "stage", "region__number", "order", "pk"]
        verbose_name = _("knockout round")
        verbose_name_plural = _("knockout rounds")
        constraints = [
            models.CheckConstraint(
                condition=_stage_matches_region(),
                name="round_region_matches_stage",
                violation_error_message=_("A regional round needs a region; a national round has none."),
            ),
            models.CheckConstraint(
                condition=Q(group__isnull=True) | Q(kind="tiebreaker"),
                name="only_tiebreakers_settle_groups",
                violation_error_message=_("Only a tiebreaker playoff settles a group."),
            ),
        ]

    @property
    def anchor(self):
        """The round's id on its page; a group's tiebreaker is prefixed by the group ("group-a-tiebreakers")."""
        name = slugify(self.name) or f"round-{self.pk}"
        return f"{self.group.anchor}-{name}" if self.group_id else name


class Tie(models.Model):
    """A knockout tie of one match or two legs. Its legs are matches; a ruling may decide it instead."""

    round = models.ForeignKey(KnockoutRound, on_delete=models.CASCADE, related_name="ties", verbose_name=_("round"))
    team_a = models.ForeignKey(
        "Team",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("first team"),
        help_text=_("Home in the first leg, when known."),
    )
    team_b = models.ForeignKey(
        "Team", on_delete=models.PROTECT, related_name="+", null=True, blank=True, verbose_name=_("second team")
    )
    legs = models.PositiveSmallIntegerField(
        _("legs"), default=2, validators=[MinValueValidator(1), MaxValueValidator(2)]
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["round", "order", "pk"]
        verbose_name = _("tie")
        verbose_name_plural = _("ties")
        constraints = [
            models.CheckConstraint(
                condition=Q(team_a__isnull=True) | Q(team_b__isnull=True) | ~Q(team_a=F("team_b")),
                name="tie_teams_differ",
                violation_error_message=_("A team cannot be drawn against itself."),
            ),
            models.CheckConstraint(
                condition=Q(legs__in=[1, 2]),
                name="tie_one_or_two_legs",
                violation_error_message=_("A tie has one or two legs."),
            ),
        ]

    def __str__(self):
        return gettext("%(team_a)s v %(team_b)s (%(round)s)") % {
            "team_a": self.team_a or "?",
            "team_b": self.team_b or "?",
            "round": self.round,
        }

    def get_absolute_url(self):
        return f"{stage_page_url(self.round.season, self.round.region)}#{self.anchor}"

    def clean(self):
        if self.team_a_id and self.team_a_id == self.team_b_id:
            raise ValidationError({"team_b": _("%(team)s cannot be drawn against itself.") % {"team": self.team_a}})
        errors = {}
        if self.round_id and self.round.region_id:
            for field in ("team_a", "team_b"):
                team = getattr(self, field) if getattr(self, f"{field}_id") else None
                if team and (message := region_team_error(self.round.region, team)):
                    errors[field] = message
        if errors:
            raise ValidationError(errors)

    @property
    def anchor(self):
        return f"tie-{self.pk}"


class StaleMatchError(Exception):
    """Raised by Match.save() when the row changed since this copy was read (see ``Match.version``)."""

    message = _(
        "Someone else changed this match while you were editing it. "
        "Reload the page to see their changes, then make yours again."
    )


class MatchQuerySet(models.QuerySet):
    def with_teams(self):
        return self.select_related("home_team", "away_team")


class Match(models.Model):
    """A match in a group, a tie leg, or (when the source names no group) a region's match."""

    season = models.ForeignKey("Season", on_delete=models.CASCADE, related_name="matches", verbose_name=_("season"))
    region = models.ForeignKey(
        "Region", on_delete=models.CASCADE, related_name="matches", null=True, blank=True, verbose_name=_("region")
    )
    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, related_name="matches", null=True, blank=True, verbose_name=_("group")
    )
    tie = models.ForeignKey(
        Tie, on_delete=models.CASCADE, related_name="matches", null=True, blank=True, verbose_name=_("tie")
    )
    leg = models.PositiveSmallIntegerField(
        _("leg"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(2)]
    )
    round_number = models.PositiveSmallIntegerField(
        _("round"), null=True, blank=True, help_text=_("The matchday within the group: 1 for Round 1.")
    )
    date = models.DateField(_("date"), null=True, blank=True)
    home_team = models.ForeignKey(
        "Team", on_delete=models.PROTECT, related_name="home_matches", verbose_name=_("home team")
    )
    away_team = models.ForeignKey(
        "Team", on_delete=models.PROTECT, related_name="away_matches", verbose_name=_("away team")
    )
    sides_known = models.BooleanField(
        _("home and away known"),
        default=True,
        help_text=_("Untick when the source names both teams but not which was at home."),
    )
    home_score = models.PositiveSmallIntegerField(_("home score"), null=True, blank=True)
    away_score = models.PositiveSmallIntegerField(_("away score"), null=True, blank=True)
    after_extra_time = models.BooleanField(_("after extra time"), default=False)
    home_penalties = models.PositiveSmallIntegerField(_("home penalties"), null=True, blank=True)
    away_penalties = models.PositiveSmallIntegerField(_("away penalties"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=MatchStatus.choices, default=MatchStatus.PLAYED)
    declared_result = models.CharField(
        _("declared result"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^\d{1,2}-\d{1,2}$", _('Write the declared result as goals-goals, e.g. "3-1".'))],
        help_text=_(
            'A result a ruling declared when the source does not say which side scored which, e.g. "3-1". '
            "When it does, enter the scores instead."
        ),
    )
    minute_stopped = models.PositiveSmallIntegerField(
        _("minute stopped"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(130)],
        help_text=_("For an abandoned or suspended match: the minute play stopped, e.g. 81."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # Bumped on every save so a stale admin form can be refused instead of overwriting a colleague's edit.
    version = models.PositiveIntegerField(default=1, editable=False, verbose_name=_("version"))

    objects = MatchQuerySet.as_manager()

    class Meta:
        ordering = ["season", "round_number", "date", "order", "pk"]
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        constraints = [
            models.CheckConstraint(
                condition=~Q(home_team=F("away_team")),
                name="match_teams_differ",
                violation_error_message=_("A team cannot play itself."),
            ),
            models.CheckConstraint(
                condition=Q(home_score__isnull=True, away_score__isnull=True)
                | Q(home_score__isnull=False, away_score__isnull=False),
                name="match_score_complete_or_unknown",
                violation_error_message=_("Enter both scores, or leave both empty when the result is unknown."),
            ),
            models.CheckConstraint(
                condition=Q(home_penalties__isnull=True, away_penalties__isnull=True)
                | Q(home_penalties__isnull=False, away_penalties__isnull=False),
                name="match_penalties_complete_or_none",
                violation_error_message=_("Enter both teams' penalties, or neither."),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[MatchStatus.SCHEDULED, MatchStatus.NOT_PLAYED])
                | Q(home_score__isnull=True, home_penalties__isnull=True),
                name="unplayed_match_has_no_score",
                violation_error_message=_("A match that was not played (or is still scheduled) cannot have a score."),
            ),
            models.CheckConstraint(
                condition=Q(group__isnull=True) | Q(tie__isnull=True),
                name="match_in_group_or_tie",
                violation_error_message=_("A match belongs to a group or to a tie, not both."),
            ),
            models.CheckConstraint(
                condition=Q(leg__isnull=True) | Q(tie__isnull=False, leg__gte=1, leg__lte=2),
                name="match_leg_needs_tie",
                violation_error_message=_("Only a tie's match has a leg, and it is leg 1 or 2."),
            ),
            models.CheckConstraint(
                condition=Q(minute_stopped__isnull=True) | Q(minute_stopped__gte=1, minute_stopped__lte=130),
                name="match_minute_stopped_range",
                violation_error_message=_("The minute play stopped must be between 1 and 130."),
            ),
        ]

    def __str__(self):
        return f"{self.home_team} {self.score_display} {self.away_team}"

    def save(self, *args, **kwargs):
        """Save only if nobody saved this match since it was read, and move its version on.

        The conditional UPDATE claims the row (and, on PostgreSQL, locks it until the transaction ends), so of two
        editors saving the same version only the first gets through; the second gets StaleMatchError.
        """
        if self._state.adding or self.pk is None:
            return super().save(*args, **kwargs)
        expected = self.version
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        with transaction.atomic(using=using):
            claimed = (
                type(self)._base_manager.using(using).filter(pk=self.pk, version=expected).update(version=expected + 1)
            )
            if not claimed:
                raise StaleMatchError(str(StaleMatchError.message))
            self.version = expected + 1
            super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{stage_page_url(self.season, self.region)}#{self.anchor}"

    def clean(self):
        if reason := not_held_error(self):
            raise ValidationError(reason)
        if errors := match_errors(self):
            raise ValidationError(errors)

    @property
    def anchor(self):
        return f"match-{self.pk}"

    @property
    def score_known(self):
        return self.home_score is not None and self.away_score is not None

    @property
    def score_display(self):
        """ "2-1", or "v" when the score is not recorded (never a made-up 0-0)."""
        return f"{self.home_score}-{self.away_score}" if self.score_known else "v"


@receiver(pre_save, sender=Match)
def _raw_saves_move_the_version_on(sender, instance, raw, using, **kwargs):
    """A restored version (django-reversion) or a reloaded fixture is still a change: open forms must go stale.

    Raw saves bypass Match.save(), and a restored row would otherwise bring back an old version number that an
    editor's open form may hold.
    """
    if raw and instance.pk is not None:
        current = sender._base_manager.using(using).filter(pk=instance.pk).values_list("version", flat=True).first()
        if current is not None:
            instance.version = current + 1
