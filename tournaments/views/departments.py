"""The departments index."""

from django.views.generic import TemplateView

from ..presentation import pages
from ..selectors.departments import departments_for_index
from ..tables import DepartmentIndexTable
from .base import PageMixin


class DepartmentListView(PageMixin, TemplateView):
    template_name = "tournaments/department_list.html"
    export_table = ("departments", "departments_table")

    def get_context_data(self, **kwargs):
        rows = [
            {
                "department": department,
                "qualifiers": department.qualifier_count,
                "regions": [membership.region for membership in department.region_memberships.all()],
            }
            for department in departments_for_index()
        ]
        table = DepartmentIndexTable(rows, caption=pages.department_list().caption)
        return super().get_context_data(departments_table=table, **kwargs)

    def get_page_words(self, context):
        return pages.department_list()

    def export_name(self, context):
        return "copa-peru-departments"
