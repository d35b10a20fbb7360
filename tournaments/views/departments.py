"""The departments index."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from ..selectors.departments import departments_for_index
from ..tables import DepartmentIndexTable
from .base import PageMixin, PageTable

DEPARTMENTS_CRUMB = (_("Departments"), reverse_lazy("tournaments:department-list"))


class DepartmentListView(PageMixin, TemplateView):
    template_name = "tournaments/department_list.html"

    def get_context_data(self, **kwargs):
        rows = [
            {
                "department": department,
                "qualifiers": department.qualifier_count,
                "regions": [membership.region for membership in department.region_memberships.all()],
            }
            for department in departments_for_index()
        ]
        table = DepartmentIndexTable(rows, caption=_("Peru's departments in the Copa Perú archive"))
        return super().get_context_data(departments_table=table, **kwargs)

    def get_page_meta(self, context):
        description = _(
            "Peru's 25 departments, Callao included: how many teams each sent on and the regions it played in."
        )
        return _("Copa Perú departments"), description, [DEPARTMENTS_CRUMB]

    def get_page_tables(self, context):
        return [PageTable("departments", _("Departments"), context["departments_table"], _("Copa Perú, departments"))]

    def export_name(self, context):
        return "copa-peru-departments"
