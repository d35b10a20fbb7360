"""What every public page shares: its title, description and breadcrumbs, its tables, and their CSV exports."""

from dataclasses import dataclass

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..exports import SafeTableExport
from ..models import Season


@dataclass
class PageTable:
    """A table as a journalist quotes it: an anchor, a heading, the table and the words of its citation."""

    anchor: str
    title: str
    table: object
    citation: str


def check_year(year):
    """Out-of-range years 404 before reaching the database (SQLite cannot even bind a 30-digit number)."""
    if not 1900 <= year <= 2100:
        raise Http404(_("No Copa Perú season {year} in the archive.").format(year=year))


def season_or_404(year, fetch=None):
    """``fetch(year)`` (a selector, or a plain season get), turning a missing season into a 404."""
    check_year(year)
    try:
        return fetch(year) if fetch else Season.objects.get(year=year)
    except Season.DoesNotExist:
        raise Http404(_("No Copa Perú season {year} in the archive.").format(year=year)) from None


def canonical_redirect(request, url_name, *args):
    """A permanent (301) redirect to the canonical address of ``url_name`` with ``args``, keeping the query string,
    so that /seasons/2008/regional/IV/ and its links and bookmarks land on /seasons/2008/regional/iv/."""
    url = reverse(url_name, args=args)
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)


class PageMixin:
    """Fills the title, meta description and breadcrumbs that templates/base.html renders on every page.

    ``page_tables`` (a list of PageTable) makes each table exportable as ``?_export=csv&table=<anchor>``;
    without ``table`` the page's first table is exported.
    """

    max_per_page = 200

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # django-tables2 trusts ?per_page=; a zero, negative or huge value would break or overload the paginator.
        per_page = request.GET.get("per_page")
        if per_page is not None and not (per_page.isdigit() and 1 <= int(per_page) <= self.max_per_page):
            query = request.GET.copy()
            del query["per_page"]
            request.GET = query

    def get_page_meta(self, context):
        """(title, description, [(label, url), ...] breadcrumbs after Home)."""
        raise NotImplementedError

    def get_page_tables(self, context):
        return []

    def render_to_response(self, context, **kwargs):
        # Here rather than in get_context_data, so that the subclasses' whole context is there to describe.
        title, description, breadcrumbs = self.get_page_meta(context)
        context.update(page_title=title, page_description=description, breadcrumbs=breadcrumbs)
        context["page_tables"] = {table.anchor: table for table in self.get_page_tables(context)}
        export_format = self.request.GET.get("_export")
        if export_format is None:
            return super().render_to_response(context, **kwargs)
        tables = context["page_tables"]
        anchor = self.request.GET.get("table") or next(iter(tables), None)
        if export_format != SafeTableExport.CSV or anchor not in tables:
            raise Http404(_("This page has no such table to export; try ?_export=csv."))
        page_table = tables[anchor]
        exporter = SafeTableExport(SafeTableExport.CSV, page_table.table, dataset_kwargs={"title": page_table.title})
        return exporter.response(filename=f"{self.export_name(context)}-{anchor}.csv")

    def export_name(self, context):
        return "copa-peru"
