"""A season and what frames it: stages with dates, team changes, regions and departmental qualifiers."""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..text import to_roman
from .validation import not_held_error, stage_date_errors


class Season(models.Model):
    """One year's Copa Perú, from the departmental stage to the national final.

    ``status`` says whether a champion was decided (``final``), the tournament was held with no national final
    (``no_final``, 1974) or not held at all (``not_held``, 1988–1992 and 2020); only a ``final`` season has a
    champion. ``confidence`` is how sure the sources are of its champion and runner-up (empty: not assessed).
    """

    class Status(models.TextChoices):
        FINAL = "final", _("Champion decided")
        NO_FINAL = "no_final", _("Held, with no national final")
        NOT_HELD = "not_held", _("Not held")

    class Confidence(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        SINGLE_SOURCE = "single_source", _("Single source")
        DISPUTED = "disputed", _("Disputed")

    year = models.PositiveSmallIntegerField(
        _("year"),
        unique=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text=_("The year the season was played, e.g. 2008."),
    )
    champion = models.ForeignKey(
        "Team",
        verbose_name=_("champion"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="titles",
        help_text=_("The winner named by the federation; leave empty while the season is unfinished."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.FINAL,
        help_text=_("Whether a champion was decided; a season not held, or held with no final, has no champion."),
    )
    confidence = models.CharField(
        _("confidence"),
        max_length=16,
        choices=Confidence.choices,
        blank=True,
        help_text=_(
            "How sure the sources are of the champion and runner-up: confirmed (two independent sources, or one "
            "primary source), single source, or disputed (record each source's version below)."
        ),
    )
    points_for_win = models.PositiveSmallIntegerField(
        _("points for a win"), default=3, help_text=_("3 in modern seasons; older seasons gave 2.")
    )
    points_for_draw = models.PositiveSmallIntegerField(_("points for a draw"), default=1)
    away_goals_rule = models.BooleanField(
        _("away goals rule"),
        default=False,
        help_text=_("Tick only if two-legged ties level on aggregate were decided by away goals this season."),
    )
    summary = models.TextField(_("summary"), blank=True, help_text=_("The season's introduction, in paragraphs."))
    summary_translation = models.TextField(
        _("summary in Spanish"),
        blank=True,
        help_text=_(
            "The summary in Spanish, by the editors, in paragraphs with the same source markers. Spanish pages show "
            "it instead of the English summary when present: a summary is our own words, so it is replaced, not "
            "quoted."
        ),
    )
    see_also = models.TextField(
        _("see also"), blank=True, help_text=_("Related competitions, one per line: '2008 Torneo Descentralizado'.")
    )

    class Meta:
        ordering = ["-year"]
        verbose_name = _("season")
        verbose_name_plural = _("seasons")
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=1900, year__lte=2100),
                name="season_year_plausible",
                violation_error_message=_("A season's year must be between 1900 and 2100."),
            ),
            models.CheckConstraint(
                condition=Q(status="final") | Q(champion__isnull=True),
                name="season_champion_needs_final",
                violation_error_message=_("Only a season whose champion was decided can have a champion."),
            ),
            models.CheckConstraint(
                condition=Q(points_for_win__gt=models.F("points_for_draw")),
                name="season_win_worth_more_than_draw",
                violation_error_message=_("A win must be worth more points than a draw."),
            ),
        ]

    def __str__(self):
        return f"Copa Perú {self.year}"

    def get_absolute_url(self):
        return reverse("tournaments:season-detail", args=[self.year])

    def clean(self):
        """A season that was not held has no stages, qualifiers, regions, groups, rounds or matches (the importer
        answers the lookup from the article's rows, as ``pending_played``)."""
        if self.status != "not_held" or self.pk is None:
            return
        played = getattr(self, "pending_played", None)
        if played is None:
            played = any(
                related.exists()
                for related in (
                    self.stages,
                    self.regions,
                    self.qualifiers,
                    self.groups,
                    self.knockout_rounds,
                    self.matches,
                )
            )
        if played:
            raise ValidationError(
                {
                    "status": gettext(
                        "This season has stages, qualifiers, regions or matches, so it was held: delete them first, "
                        "or choose another status."
                    )
                }
            )

    @property
    def previous_year(self):
        return self.year - 1

    @property
    def next_year(self):
        return self.year + 1


class StageKind(models.TextChoices):
    DISTRICT = "district", _("District Stage")
    PROVINCIAL = "provincial", _("Provincial Stage")
    DEPARTMENTAL = "departmental", _("Departmental Stage")
    REGIONAL = "regional", _("Regional Stage")
    NATIONAL = "national", _("National Stage")


STAGE_ORDER = {kind: index for index, kind in enumerate(StageKind.values)}


class Stage(models.Model):
    """A stage of a season and when it started. Sources often give only a month ("started on February")."""

    season = models.ForeignKey(Season, on_delete=models.CASCADE, related_name="stages", verbose_name=_("season"))
    kind = models.CharField(_("stage"), max_length=20, choices=StageKind.choices)
    start_month = models.PositiveSmallIntegerField(
        _("start month"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("1–12; leave empty when the source gives no date."),
    )
    start_day = models.PositiveSmallIntegerField(
        _("start day"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=_("Leave empty when the source gives only the month."),
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["season", "kind"]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        constraints = [
            models.UniqueConstraint(
                fields=["season", "kind"],
                name="stage_once_per_season",
                violation_error_message=_("This season already has that stage."),
            ),
            models.CheckConstraint(
                condition=Q(start_month__isnull=True) | Q(start_month__gte=1, start_month__lte=12),
                name="stage_month_valid",
                violation_error_message=_("The start month must be between 1 and 12."),
            ),
            models.CheckConstraint(
                condition=Q(start_day__isnull=True) | Q(start_month__isnull=False, start_day__gte=1, start_day__lte=31),
                name="stage_day_needs_month",
                violation_error_message=_("A start day needs a start month, and must be between 1 and 31."),
            ),
        ]

    def __str__(self):
        return f"{self.season} – {self.get_kind_display()}"

    def clean(self):
        if reason := not_held_error(self):
            raise ValidationError(reason)
        if errors := stage_date_errors(self):
            raise ValidationError(errors)

    @property
    def sort_key(self):
        return STAGE_ORDER[self.kind]

    @property
    def start_display(self):
        """ "1 February 2008", "February 1998", or "" when the date is unknown (in the active language: "1 de
        febrero de 2008")."""
        if not self.start_month:
            return ""
        if self.start_day:
            try:
                return date_format(datetime.date(self.season.year, self.start_month, self.start_day))
            except ValueError:  # a day the month lacks (30 February), which clean() refuses but the table allows
                return f"{self.start_day} {calendar.month_name[self.start_month]} {self.season.year}"
        return date_format(datetime.date(self.season.year, self.start_month, 1), "YEAR_MONTH_FORMAT")


class TeamChange(models.Model):
    """A team entering or leaving the Copa Perú around a season (the article's "Team changes" table)."""

    class Direction(models.TextChoices):
        PROMOTED = "promoted", _("Promoted to")
        RELEGATED = "relegated", _("Relegated from")

    class Division(models.TextChoices):
        PRIMERA = "primera", _("Primera División")
        SEGUNDA = "segunda", _("Segunda División")

    season = models.ForeignKey(Season, on_delete=models.CASCADE, related_name="team_changes", verbose_name=_("season"))
    team = models.ForeignKey("Team", on_delete=models.PROTECT, related_name="changes", verbose_name=_("team"))
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    division = models.CharField(_("division"), max_length=10, choices=Division.choices)
    division_year = models.PositiveSmallIntegerField(
        _("division season"), help_text=_('The year in the column heading: "Relegated from 1997 Primera División".')
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["season", "direction", "division", "order", "pk"]
        verbose_name = _("team change")
        verbose_name_plural = _("team changes")
        constraints = [
            models.UniqueConstraint(
                fields=["season", "team", "direction"],
                name="team_change_once",
                violation_error_message=_("This team change is already recorded for the season."),
            ),
        ]

    def __str__(self):
        return f"{self.team}: {self.heading}"

    @property
    def heading(self):
        """ "Promoted to 2009 Primera División": one whole sentence per direction, so that a translation may put the
        year after the division ("Ascendió a la Primera División 2009")."""
        words = {"year": self.division_year, "division": self.get_division_display()}
        if self.direction == self.Direction.RELEGATED:
            return _("Relegated from %(year)s %(division)s") % words
        return _("Promoted to %(year)s %(division)s") % words


class Region(models.Model):
    """A region of the regional stage. Which departments form it changes from season to season."""

    class Format(models.TextChoices):
        GROUPS = "groups", _("Round-robin groups")
        KNOCKOUT = "knockout", _("Knockout cup")

    season = models.ForeignKey(Season, on_delete=models.CASCADE, related_name="regions", verbose_name=_("season"))
    number = models.PositiveSmallIntegerField(
        _("number"),
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("The region's numeral as a number: 4 for Region IV."),
    )
    format = models.CharField(_("format"), max_length=10, choices=Format.choices, default=Format.GROUPS)
    departments = models.ManyToManyField(
        "Department", through="RegionDepartment", related_name="regions", verbose_name=_("departments")
    )
    places_advancing = models.PositiveSmallIntegerField(
        _("teams going on"), null=True, blank=True, help_text=_("How many teams the region sends on, e.g. 2.")
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["season", "number"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [
            models.UniqueConstraint(
                fields=["season", "number"],
                name="region_numeral_unique_in_season",
                violation_error_message=_("This season already has a region with that numeral."),
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=20),
                name="region_number_range",
                violation_error_message=_("A region's number must be between 1 and 20."),
            ),
        ]

    def __str__(self):
        return gettext("Region {numeral} ({year})").format(numeral=self.numeral, year=self.season.year)

    def get_absolute_url(self):
        return reverse("tournaments:region-detail", args=[self.season.year, self.numeral.lower()])

    def clean(self):
        if reason := not_held_error(self):
            raise ValidationError(reason)

    @property
    def numeral(self):
        return to_roman(self.number)


class RegionDepartment(models.Model):
    """A department's place in a region for one season; a department belongs to one region a season."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("region"))
    department = models.ForeignKey(
        "Department", on_delete=models.PROTECT, related_name="region_memberships", verbose_name=_("department")
    )
    # Copied from the region so the database itself can refuse a department in two regions of one season.
    season = models.ForeignKey(
        Season, on_delete=models.CASCADE, related_name="+", editable=False, verbose_name=_("season")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["region", "order", "pk"]
        verbose_name = _("region department")
        verbose_name_plural = _("region departments")
        constraints = [
            models.UniqueConstraint(
                fields=["season", "department"],
                name="department_in_one_region_per_season",
                violation_error_message=_("This department is already in a region this season."),
            ),
        ]

    def __str__(self):
        return f"{self.department} in {self.region}"

    def save(self, *args, **kwargs):
        self.season_id = self.region.season_id
        super().save(*args, **kwargs)

    def clean(self):
        # The season is not on the form: the unique (season, department) constraint is checked here instead.
        if not (self.region_id and self.department_id):
            return
        self.season_id = self.region.season_id
        other = (
            RegionDepartment.objects.filter(season_id=self.season_id, department_id=self.department_id)
            .exclude(pk=self.pk)
            .select_related("region")
            .first()
        )
        if other is not None and self.season_id:
            raise ValidationError(
                {
                    "department": _("%(department)s is already in Region %(numeral)s this season.")
                    % {"department": self.department, "numeral": other.region.numeral}
                }
            )


class QualifierQuerySet(models.QuerySet):
    def for_table(self):
        return self.select_related("season", "department", "team")


class Qualifier(models.Model):
    """A team that came through its department into the regional stage."""

    season = models.ForeignKey(Season, on_delete=models.CASCADE, related_name="qualifiers", verbose_name=_("season"))
    department = models.ForeignKey(
        "Department", on_delete=models.PROTECT, related_name="qualifiers", verbose_name=_("department")
    )
    team = models.ForeignKey("Team", on_delete=models.PROTECT, related_name="qualifiers", verbose_name=_("team"))
    location = models.CharField(
        _("location"), max_length=100, blank=True, help_text=_("The team's town, e.g. Huaral; empty when unknown.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Position in the season's table."))

    objects = QualifierQuerySet.as_manager()

    class Meta:
        ordering = ["season", "order", "pk"]
        verbose_name = _("departmental qualifier")
        verbose_name_plural = _("departmental qualifiers")
        constraints = [
            models.UniqueConstraint(
                fields=["season", "team"],
                name="team_qualifies_once_per_season",
                violation_error_message=_("This team has already qualified this season."),
            ),
        ]

    def __str__(self):
        return f"{self.team} ({self.department}, {self.season.year})"

    def get_absolute_url(self):
        return reverse("tournaments:season-departmental", args=[self.season.year]) + "#qualifiers"

    def clean(self):
        if reason := not_held_error(self):
            raise ValidationError(reason)
        if not (self.season_id and self.team_id):
            return
        if Qualifier.objects.filter(season_id=self.season_id, team_id=self.team_id).exclude(pk=self.pk).exists():
            raise ValidationError(
                {
                    "team": _("%(team)s has already qualified in %(year)s.")
                    % {"team": self.team, "year": self.season.year}
                }
            )
