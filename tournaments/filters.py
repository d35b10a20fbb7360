"""django-filter filter sets for the qualifiers table and the team directory.

Values in the URL are slugs and lower-case numerals (``?department=lima&region=iv``) so a filtered table can be
linked to; a value that does not exist is a form error shown beside the field, never a 500.
"""

import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Department, Qualifier, Team
from .presentation.stages import region_label
from .text import from_roman


def _department_choices():
    return [(department.slug, department.name) for department in Department.objects.all()]


class QualifierFilter(django_filters.FilterSet):
    department = django_filters.ChoiceFilter(
        label=_("Department"), empty_label=_("All departments"), method="filter_department"
    )
    region = django_filters.ChoiceFilter(label=_("Region"), empty_label=_("All regions"), method="filter_region")

    class Meta:
        model = Qualifier
        fields = []

    def __init__(self, *args, season, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["department"].extra["choices"] = _department_choices()
        self.filters["region"].extra["choices"] = [
            (region.numeral.lower(), region_label(region.numeral)) for region in season.regions.all()
        ]

    def filter_department(self, queryset, name, value):
        return queryset.filter(department__slug=value)

    def filter_region(self, queryset, name, value):
        return queryset.filter(region_number=from_roman(value))


class TeamFilter(django_filters.FilterSet):
    department = django_filters.ChoiceFilter(
        label=_("Qualified from"), empty_label=_("All departments"), method="filter_department"
    )

    class Meta:
        model = Team
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["department"].extra["choices"] = _department_choices()

    def filter_department(self, queryset, name, value):
        return queryset.filter(pk__in=Qualifier.objects.filter(department__slug=value).values("team"))
