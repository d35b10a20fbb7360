"""Which parts of a season the archive records, so a season known only from the roll of champions says what is
missing and what an editor would add next."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef

from ..models import Group, KnockoutRound, Match, Qualifier, Region, Season, StageKind


@dataclass(frozen=True)
class RecordedParts:
    """True for each part of the season the archive holds: departmental qualifiers, regions, national-stage groups
    or rounds. ``group_results``: some group (at any stage) has a played match, so the season's points rule is a
    fact of the archive; a season known only from the roll of champions shows none (no source gives one)."""

    qualifiers: bool
    regions: bool
    national: bool
    group_results: bool = False

    @property
    def missing(self):
        """The codes of the parts not recorded, in the order a season is played: "qualifiers", "regions",
        "national"."""
        return [name for name in ("qualifiers", "regions", "national") if not getattr(self, name)]


def recorded_parts(season):
    """The RecordedParts of ``season``, in one query."""
    season_rows = {"season": OuterRef("pk")}
    national = {**season_rows, "stage": StageKind.NATIONAL}
    values = (
        Season.objects.filter(pk=season.pk)
        .annotate(
            has_qualifiers=Exists(Qualifier.objects.filter(**season_rows)),
            has_regions=Exists(Region.objects.filter(**season_rows)),
            has_groups=Exists(Group.objects.filter(**national)),
            has_rounds=Exists(KnockoutRound.objects.filter(**national)),
            has_group_results=Exists(
                Match.objects.filter(**season_rows, group__isnull=False, home_score__isnull=False)
            ),
        )
        .values("has_qualifiers", "has_regions", "has_groups", "has_rounds", "has_group_results")
        .get()
    )
    return RecordedParts(
        qualifiers=values["has_qualifiers"],
        regions=values["has_regions"],
        national=values["has_groups"] or values["has_rounds"],
        group_results=values["has_group_results"],
    )
