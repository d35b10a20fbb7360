"""The editors' admin pages on a full archive: queries and render time per page.

Run from the repository root:

    .venv/bin/python bench/admin_bench.py                  # 60 seasons (2 shipped + generate_history --seasons 58)
    .venv/bin/python bench/admin_bench.py --seasons 2      # the shipped seasons only
    .venv/bin/python bench/admin_bench.py --database /tmp/admin-bench.sqlite3   # build once, reuse next time

It builds a throwaway SQLite database (migrate, the shipped 1998 and 2008 seasons, the synthetic seasons), logs in
as an editor with Django's test client and, for every admin page an editor uses (changelists and change pages of
season, region, group, round, tie, match, note, qualifier, team; the source and citation lists, the most cited
source; the results grid), prints the query count and the median render time of several requests (the first two
are warm-up), as wall-clock time and as the process's CPU time (which a busy shared machine inflates far less).
The public-page cache is off (dummy://).
The goal of issue 11: at most 25 queries and under 150 ms per page at 60 seasons.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERY_LIMIT = 25
MS_LIMIT = 150


def setup(database, seasons):
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["CACHE_URL"] = "dummy://"
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
    os.environ.pop("DJANGO_ENV", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "copaperu_site.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    # Rendered without collectstatic, as the tests do: the manifest storage would need collected files.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }

    from tournaments.models import Season

    call_command("migrate", verbosity=0, interactive=False)
    if not Season.objects.filter(year=2008).exists():
        call_command("load_shipped_seasons", verbosity=0)
    synthetic = Season.objects.exclude(year__in=[1998, 2008]).count()
    if seasons > 2 and synthetic != seasons - 2:
        started = time.perf_counter()
        call_command("generate_history", seasons=seasons - 2, verbosity=0)
        print(f"built {seasons - 2} synthetic seasons in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def pages():
    """(name, url) for each page, on the 2008 season's rows (the real, fullest ones) and the largest season."""
    from django.db.models import Count
    from django.urls import NoReverseMatch, reverse

    from tournaments import models

    def change(model, obj):
        return reverse(f"admin:tournaments_{model._meta.model_name}_change", args=[obj.pk])

    def changelist(model):
        return reverse(f"admin:tournaments_{model._meta.model_name}_changelist")

    biggest = models.Season.objects.annotate(size=Count("matches")).order_by("-size").first()
    group = models.Group.objects.annotate(size=Count("matches")).filter(season=biggest).order_by("-size").first()
    knockout = models.KnockoutRound.objects.annotate(size=Count("ties")).filter(season=biggest).order_by("-size")[0]
    tie = models.Tie.objects.filter(round=knockout).first()
    match = models.Match.objects.filter(group=group).first()
    note = models.Note.objects.filter(season__year=2008).first() or models.Note.objects.first()
    qualifier = models.Qualifier.objects.filter(season=biggest).first()
    region = models.Region.objects.filter(season=biggest).annotate(size=Count("memberships")).order_by("-size")[0]
    team = models.Team.objects.annotate(size=Count("home_matches")).order_by("-size").first()
    rows = [
        ("season list", changelist(models.Season)),
        (f"season {biggest.year}", change(models.Season, biggest)),
        ("region list", changelist(models.Region)),
        (f"region {region}", change(models.Region, region)),
        ("group list", changelist(models.Group)),
        (f"group ({group.matches.count()} matches)", change(models.Group, group)),
        ("round list", changelist(models.KnockoutRound)),
        (f"round ({knockout.ties.count()} ties)", change(models.KnockoutRound, knockout)),
        ("tie list", changelist(models.Tie)),
        ("tie", change(models.Tie, tie)),
        ("match list", changelist(models.Match)),
        ("match", change(models.Match, match)),
        ("note list", changelist(models.Note)),
        ("note", change(models.Note, note)),
        ("qualifier list", changelist(models.Qualifier)),
        ("qualifier", change(models.Qualifier, qualifier)),
        ("team list", changelist(models.Team)),
        ("team", change(models.Team, team)),
        ("source list", changelist(models.Source)),
        ("citation list", changelist(models.Citation)),
    ]
    if source := models.Source.objects.annotate(size=Count("citations")).order_by("-size").first():
        rows.append(("source", change(models.Source, source)))
    for name, obj in (("group", group), ("knockoutround", knockout)):
        try:
            rows.append((f"results grid ({name})", reverse(f"admin:tournaments_{name}_results", args=[obj.pk])))
        except NoReverseMatch:
            rows.append((f"results grid ({name})", None))
    return rows


def measure(client, url, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    queries = len(captured)  # now: the next request empties the connection's log
    timings, cpu = [], []
    for _ in range(repeat + 2):
        started, cpu_started = time.perf_counter(), time.process_time()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    return response.status_code, queries, statistics.median(timings[2:]), statistics.median(cpu[2:])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seasons", type=int, default=60, help="Seasons in the archive (2 shipped + synthetic).")
    parser.add_argument("--repeat", type=int, default=7, help="Timed requests per page (the median is printed).")
    parser.add_argument("--database", help="Keep the SQLite database here and reuse it next time.")
    args = parser.parse_args()
    folder = None if args.database else tempfile.TemporaryDirectory(prefix="admin-bench-")
    database = Path(args.database) if args.database else Path(folder.name) / "bench.sqlite3"
    setup(database, args.seasons)

    from django.contrib.auth.models import Group, User
    from django.test import Client

    editor, created = User.objects.get_or_create(username="bench-editor", defaults={"is_staff": True})
    if created:
        editor.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(editor)

    from tournaments.models import Season

    print(f"{Season.objects.count()} seasons; goal: at most {QUERY_LIMIT} queries and under {MS_LIMIT} ms per page")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: on a busy machine read the CPU column")
    print(f"{'page':<32} {'status':>6} {'queries':>8} {'ms':>8} {'cpu ms':>8}")
    over = 0
    for name, url in pages():
        if url is None:
            print(f"{name:<32} {'none':>6}")
            continue
        status, queries, ms, cpu = measure(client, url, args.repeat)
        flag = "" if status == 200 and queries <= QUERY_LIMIT and ms < MS_LIMIT else "  <- over"
        over += bool(flag)
        print(f"{name:<32} {status:>6} {queries:>8} {ms:>8.1f} {cpu:>8.1f}{flag}")
    print(f"{over} page(s) over the goal")
    if folder is not None:
        folder.cleanup()


if __name__ == "__main__":
    main()
