"""Match statuses, shared by the model, the admin and the rules engine."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MatchStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    PLAYED = "played", pgettext_lazy("match status", "Played")
    SUSPENDED = "suspended", _("Suspended")
    ABANDONED = "abandoned", _("Abandoned")
    AWARDED = "awarded", _("Awarded")
    NOT_PLAYED = "not_played", _("Not played")
