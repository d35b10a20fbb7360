"""The steps of the backup concurrency test, run in `manage.py shell` against a real SQLite file (see
test_backup_consistency.py): an editor writing while backup_archive runs, and the pages of a database.

Each write is one transaction that adds a club and its qualification together ("Racer 7" for Lima, 2008), so a
consistent snapshot holds racers 1..k for some k with every qualifier's team, and the source database rewound
to k must show exactly the restored pages.
"""

import hashlib
import json
import threading
import time
import xml.etree.ElementTree as ElementTree

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings

from tournaments.models import Department, Qualifier, Season, Team

RACER = "Racer"


def write_one(number, season, lima):
    with transaction.atomic():
        team = Team.objects.create(name=f"{RACER} {number}")
        Qualifier.objects.create(season=season, department=lima, team=team, location=f"Step {number}", order=900)


def race(backup_path, warm_up=0.3):
    """Write racers in a second thread while backup_archive runs in this one; print how many were written."""
    season, lima = Season.objects.get(year=2008), Department.objects.get(name="Lima")
    stop, written = threading.Event(), []

    def editor():
        try:
            while not stop.is_set():
                write_one(len(written) + 1, season, lima)
                written.append(1)
        finally:
            connection.close()

    thread = threading.Thread(target=editor)
    thread.start()
    time.sleep(warm_up)
    try:
        call_command("backup_archive", backup_path)
    finally:
        time.sleep(warm_up)
        stop.set()
        thread.join()
    print(json.dumps({"written": len(written)}))


def racers():
    """How many racers the database holds, checking they are 1..k with their qualifiers (a consistent state)."""
    numbers = sorted(
        int(name.split()[-1]) for name in Team.objects.filter(name__startswith=RACER).values_list("name", flat=True)
    )
    assert numbers == list(range(1, len(numbers) + 1)), numbers
    assert Qualifier.objects.filter(team__name__startswith=RACER).count() == len(numbers)
    print(json.dumps({"racers": len(numbers)}))


def rewind(count):
    """Remove the racers after the first `count`, as they were written after that point."""
    later = Team.objects.filter(name__startswith=RACER).exclude(
        name__in=[f"{RACER} {number}" for number in range(1, count + 1)]
    )
    Qualifier.objects.filter(team__in=later).delete()
    later.delete()


def pages():
    """Every page the sitemap lists, plus the search for the racers: {path: sha256 of the body}."""
    # The manifest storage needs `collectstatic` first; as in the tests, render with plain static storage.
    plain = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    with override_settings(STORAGES=plain):
        _pages()


def _pages():
    client = Client(HTTP_HOST="localhost")
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    paths = [
        location.text.split("localhost", 1)[1]
        for location in ElementTree.fromstring(sitemap.content).findall("s:url/s:loc", namespace)
    ]
    paths += ["/sitemap.xml", "/search/?q=racer", "/seasons/2008/departmental/?department=lima"]
    bodies = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        bodies[path] = hashlib.sha256(response.content).hexdigest()
    print(json.dumps(bodies))
