"""Search: seasons, teams, departments and towns, grouped by kind."""

from django.core.paginator import Paginator
from django.views.generic import TemplateView

from ..presentation import pages
from ..selectors.search import SEARCH_MAX_LENGTH, clean_query, search
from .base import PageMixin


class SearchView(PageMixin, TemplateView):
    template_name = "tournaments/search.html"
    query_parameters = (*PageMixin.query_parameters, "q", "page")
    paginate_by = 50

    def get_context_data(self, **kwargs):
        typed = self.request.GET.get("q", "")
        query = clean_query(typed)
        context = {"query": query, "cut": len(typed.strip()) > SEARCH_MAX_LENGTH, "max_length": SEARCH_MAX_LENGTH}
        if query:
            results = search(query)
            context["results"] = results
            context["page_obj"] = Paginator(results.teams, self.paginate_by).get_page(self.request.GET.get("page"))
        return super().get_context_data(**context, **kwargs)

    def get_page_words(self, context):
        return pages.search(context["query"])
