"""The departments index: every department with how many qualifiers it sent and the regions it played in."""

from django.db.models import Count, Prefetch

from ..models import Department, RegionDepartment


def departments_for_index():
    """Departments by name, each with ``qualifier_count`` and ``region_memberships`` (latest season first).

    Two queries, whatever the number of seasons.
    """
    memberships = RegionDepartment.objects.select_related("region__season").order_by("-region__season__year")
    return Department.objects.annotate(qualifier_count=Count("qualifiers")).prefetch_related(
        Prefetch("region_memberships", queryset=memberships)
    )
