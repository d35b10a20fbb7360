"""Cache-busting query strings: how many pages a stream of junk parameters renders and stores, and at what rate.

    .venv/bin/python bench/cache_busting_bench.py [--requests 300]

Builds its own SQLite database in a temporary folder (migrate, the shipped 1998 and 2008 seasons), then, in one
process with the test client and a process-memory cache as an anonymous visitor, requests `/seasons/2008/?x=N`
for N = 1..requests and prints requests per second, how many pages were stored in the cache, and how many
distinct bodies came back. Before the page cache keyed pages by the parameters their views read, every N was a
new render and a new cache entry.
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

from scratch_archive import shipped_archive_env

ROOT = Path(__file__).resolve().parent.parent

MEASURE = """
import hashlib, json, sys, time
import django
django.setup()
from django.core.cache import cache
from django.test import Client
client = Client(HTTP_HOST="localhost")
count = int(sys.argv[1])
client.get("/seasons/2008/")
start = time.perf_counter()
bodies = set()
for number in range(1, count + 1):
    response = client.get(f"/seasons/2008/?x={number}")
    assert response.status_code == 200, response.status_code
    bodies.add(hashlib.sha256(response.content).hexdigest())
elapsed = time.perf_counter() - start
stored = [key for key in cache._cache if "copaperu:page" in key]
print(json.dumps({"requests": count, "per_second": round(count / elapsed), "stored_pages": len(stored),
                  "distinct_bodies": len(bodies)}))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    with shipped_archive_env() as env:
        # Plain static storage: the manifest one needs collectstatic first.
        setup = "from django.conf import settings; settings.STORAGES['staticfiles'] = "
        setup += "{'BACKEND': 'django.contrib.staticfiles.storage.StaticFilesStorage'}\n"
        code = MEASURE.replace("django.setup()\n", "django.setup()\n" + setup)
        command = [sys.executable, "-c", code, str(args.requests)]
        result = subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, text=True)
        figures = json.loads(result.stdout.strip().splitlines()[-1])
    print(
        f"/seasons/2008/?x=1..{figures['requests']}: {figures['per_second']} req/s, "
        f"{figures['stored_pages']} page(s) stored in the cache, {figures['distinct_bodies']} distinct body(ies)"
    )


if __name__ == "__main__":
    main()
