"""Public pages. Views stay thin: reads live in selectors, football rules in the engine."""

from django.http import Http404
from django.views.generic import ListView, TemplateView

from . import selectors
from .models import Season


class HomeView(ListView):
    template_name = "tournaments/home.html"
    context_object_name = "seasons"

    def get_queryset(self):
        return selectors.seasons_for_list()


class SeasonDetailView(TemplateView):
    template_name = "tournaments/season_detail.html"

    def get_context_data(self, **kwargs):
        try:
            season = selectors.season_overview(self.kwargs["year"])
        except Season.DoesNotExist:
            raise Http404(f"No Copa Perú season {self.kwargs['year']} in the archive.") from None
        stages = sorted(season.stages.all(), key=lambda stage: stage.sort_key)
        return super().get_context_data(season=season, stages=stages, **kwargs)
