"""What a cached page costs in each language: English, English with the notice offering Spanish, and Spanish.

    .venv/bin/python bench/language_cache_bench.py [--requests 2000]

Builds its own SQLite database in a temporary folder (migrate, the shipped 1998 and 2008 seasons), then, in one
process with the test client and a process-memory cache as an anonymous visitor, fetches each page once (stored)
and then ``--requests`` times more (cached hits), three runs each, and prints the best run's cached hits per
CPU-second (CPU time, so that other work on a shared machine weighs less). A Spanish page or the notice variant
should cost what the English page costs: the key and ETag only add the page's language and notice to it.
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

from scratch_archive import shipped_archive_env

ROOT = Path(__file__).resolve().parent.parent
SPANISH_BROWSER = "es-PE,es;q=0.9,en;q=0.8"
CASES = [
    ("/seasons/2008/", "en"),
    ("/seasons/2008/", SPANISH_BROWSER),
    ("/es/temporadas/2008/", SPANISH_BROWSER),
    ("/seasons/2008/national/", "en"),
    ("/seasons/2008/national/", SPANISH_BROWSER),
    ("/es/temporadas/2008/nacional/", SPANISH_BROWSER),
]

MEASURE = """
import json, sys, time
import django
django.setup()
from django.conf import settings
settings.STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
from django.test import Client
client = Client(HTTP_HOST="localhost")
count = int(sys.argv[1])
for path, accept in json.loads(sys.argv[2]):
    headers = {"accept-language": accept}
    first = client.get(path, headers=headers)
    assert first.status_code == 200, (path, first.status_code)
    best = 0
    for _run in range(3):
        start = time.process_time()
        for _ in range(count):
            client.get(path, headers=headers)
        best = max(best, count / (time.process_time() - start))
    notice = "notice" if b"language-notice" in first.content else "no notice"
    print(f"{path} (Accept-Language {accept}; {notice}): {best:.0f} cached hits per CPU-second")
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    args = parser.parse_args()
    with shipped_archive_env() as env:
        command = [sys.executable, "-c", MEASURE, str(args.requests), json.dumps(CASES)]
        result = subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    print(result.stdout.strip())


if __name__ == "__main__":
    main()
