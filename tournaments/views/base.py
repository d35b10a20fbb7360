"""What every public page shares: its title, description and breadcrumbs, its tables, and their CSV exports."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse

from ..exports import SafeTableExport
from ..models import Season
from ..presentation import pages


@dataclass
class PageTable:
    """A table as a journalist quotes it: an anchor, a heading, the table and the words of its citation."""

    anchor: str
    title: str
    table: object
    citation: str
    query: str = ""  # the filter a reader chose ("region=iv"), kept by the link, the citation and the file name


def active_filters(filterset):
    """[(field name, value, label)] a reader chose on a django-filter filter set, in the form's order.

    Empty when there is no filter set, nothing was chosen, or the choice is invalid (the form shows why).
    """
    if filterset is None or not filterset.is_bound or not filterset.is_valid():
        return []
    chosen = []
    for name, field in filterset.form.fields.items():
        value = filterset.form.cleaned_data.get(name)
        if value not in (None, ""):
            chosen.append((name, value, dict(getattr(field, "choices", ())).get(value, value)))
    return chosen


def check_year(year):
    """Out-of-range years 404 before reaching the database (SQLite cannot even bind a 30-digit number)."""
    if not 1900 <= year <= 2100:
        raise Http404(pages.no_season(year))


def season_or_404(year, fetch=None):
    """``fetch(year)`` (a selector, or a plain season get), turning a missing season into a 404."""
    check_year(year)
    try:
        return fetch(year) if fetch else Season.objects.get(year=year)
    except Season.DoesNotExist:
        raise Http404(pages.no_season(year)) from None


def canonical_redirect(request, url_name, *args):
    """A permanent (301) redirect to the canonical address of ``url_name`` with ``args``, keeping the query string,
    so that /seasons/2008/regional/IV/ and its links and bookmarks land on /seasons/2008/regional/iv/."""
    url = reverse(url_name, args=args)
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)


class PageMixin:
    """Fills the title, meta description and breadcrumbs that templates/base.html renders on every page.

    ``page_tables`` (a list of PageTable) makes each table exportable as ``?_export=csv&table=<anchor>`` (or
    ``_export=xlsx``); without ``table`` the page's first table is exported. On a filtered page (django-filter's
    ``filter`` in the context) every table's link, citation and file name say what was filtered.
    """

    max_per_page = 200
    # The query parameters the page reads; the public-page cache keys on these alone and drops the rest (caching.py).
    query_parameters = ("_export", "table")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # django-tables2 trusts ?per_page=; a zero, negative or huge value would break or overload the paginator.
        per_page = request.GET.get("per_page")
        if per_page is not None and not (per_page.isdigit() and 1 <= int(per_page) <= self.max_per_page):
            query = request.GET.copy()
            del query["per_page"]
            request.GET = query

    def get_page_words(self, context):
        """The page's PageWords (presentation/pages.py): title, description, breadcrumbs after Home."""
        raise NotImplementedError

    # (anchor, context key) of the page's one table, headed and cited by its PageWords; None: see get_page_tables.
    export_table = None

    def get_page_tables(self, context, words):
        """[PageTable] the page offers for export, in the page's order."""
        if self.export_table is None:
            return []
        anchor, key = self.export_table
        return [PageTable(anchor, words.table_title, context[key], words.citation)]

    def render_to_response(self, context, **kwargs):
        # Here rather than in get_context_data, so that the subclasses' whole context is there to describe.
        words = self.get_page_words(context)
        context.update(page_title=words.title, page_description=words.description, breadcrumbs=words.crumbs)
        context["page_tables"] = {table.anchor: table for table in self.get_page_tables(context, words)}
        filters = active_filters(context.get("filter"))
        if filters:
            for page_table in context["page_tables"].values():
                self.keep_filters(page_table, filters)
        export_format = self.request.GET.get("_export")
        if export_format is None:
            return super().render_to_response(context, **kwargs)
        tables = context["page_tables"]
        anchor = self.request.GET.get("table") or next(iter(tables), None)
        if export_format not in SafeTableExport.PAGE_FORMATS or anchor not in tables:
            raise Http404(pages.no_export())
        page_table = tables[anchor]
        sources = context.get("sources")
        exporter = SafeTableExport(
            export_format,
            page_table.table,
            dataset_kwargs={"title": str(page_table.title)},
            sources=sources.entries if sources else (),
        )
        filtered = "".join(f"-{name}-{value}" for name, value, _label in filters)
        return exporter.response(filename=f"{self.export_name(context)}-{anchor}{filtered}.{export_format}")

    @staticmethod
    def keep_filters(page_table, filters):
        page_table.query = urlencode([(name, value) for name, value, _label in filters])
        labels = [label for _name, _value, label in filters]
        page_table.citation = pages.filtered_citation(page_table.citation, labels)

    def export_name(self, context):
        return "copa-peru"
