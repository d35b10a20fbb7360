"""The editors' admin, split by what an editor enters.

- base: what every admin page shares (audit trail and restore, accent-insensitive search, stale-edit handling);
- seasons: seasons with their stages, team changes and qualifiers; regions; departments and teams;
- competition: groups, knockout rounds, ties and matches, with quick score entry;
- rulings: notes and rulings, points adjustments;
- sources: the sources, citations (inline on each citable thing's page, and a list for stages and team changes),
  versions of disputed facts and teams' other names.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import competition, rulings, seasons, sources  # noqa: F401  (importing registers the admins)

admin.site.site_header = _("Copa Perú archive: editors")
admin.site.site_title = _("Copa Perú editors")
admin.site.index_title = _("Seasons, results and rulings")
