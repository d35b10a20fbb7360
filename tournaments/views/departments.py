"""The departments index."""

from django.views.generic import TemplateView

from ..presentation import pages
from ..selectors.departments import departments_for_index
from ..tables import DepartmentIndexTable
from .base import PageMixin, PageTable


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
        table = DepartmentIndexTable(rows, caption=pages.department_list().caption)
        return super().get_context_data(departments_table=table, **kwargs)

    def get_page_words(self, context):
        return pages.department_list()

    def get_page_tables(self, context):
        words = pages.department_list()
        return [PageTable("departments", words.table_title, context["departments_table"], words.citation)]

    def export_name(self, context):
        return "copa-peru-departments"
