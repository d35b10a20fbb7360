"""Load benchmark of the site as deployed: gunicorn (gunicorn.conf.py) in production mode, driven by wrk.

Run from the repository root after ./scripts/serve or ./scripts/test has created .venv/:

    .venv/bin/python bench/load_bench.py                 # 2 and 60 seasons, 10 s per page
    .venv/bin/python bench/load_bench.py --duration 5 --scales 2
    .venv/bin/python bench/load_bench.py --ci --allow-missing   # CI: short, fails on any error response

For each scale it builds its own SQLite database in a temporary folder (migrate, the shipped 1998 and 2008
seasons, and for 60 seasons `generate_history --seasons 58`), starts gunicorn on a free loopback port, and runs
wrk at 20 connections against each page and one static file. It prints requests per second, p50 and p99 latency,
each page's ratio to the static file and the error responses; then each season page's uncached render time and
query count, measured in-process, at every scale. Pages that answer 404 on this branch are reported as such.
Traffic goes only to 127.0.0.1. Needs Debian's wrk (`apt-get install wrk`).
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
PAGES = [
    ("home", "/"),
    ("season", "/seasons/2008/"),
    ("region", "/seasons/2008/regional/iv/"),
    ("national", "/seasons/2008/national/"),
    ("team", "/teams/sport-huancayo/"),
]
# The pages whose speed the targets are about, and whose render cost must not grow with the archive.
TARGET_PAGES = ["season", "region", "national"]
SEASON_PAGES = ["/seasons/2008/", "/seasons/2008/regional/iv/", "/seasons/2008/national/", "/"]
CONNECTIONS = 20
P99_LIMIT_MS = 100
# wrk sends this as nginx would: TLS ended at the proxy, so the production settings do not redirect to https.
PROXY_HEADER = "X-Forwarded-Proto: https"

MEASURE = """
import json, statistics, time, sys
import django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client()
out = {}
for url in json.loads(sys.argv[1]):
    timings, queries, status = [], None, None
    for _ in range(15):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        status, queries = response.status_code, len(captured)
    out[url] = {"status": status, "ms": statistics.median(timings[3:]), "queries": queries}
print(json.dumps(out))
"""


def run(args, env, **kwargs):
    return subprocess.run(args, cwd=ROOT, env=env, check=True, capture_output=True, text=True, **kwargs)


def build_database(folder, seasons):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
        "CACHE_URL": f"file://{folder / 'cache'}",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
    }
    env.pop("DJANGO_ENV", None)
    run([PYTHON, "manage.py", "migrate", "--no-input", "-v0"], env)
    run([PYTHON, "manage.py", "load_shipped_seasons"], env)
    if seasons > 2:
        run([PYTHON, "manage.py", "generate_history", "--seasons", str(seasons - 2)], env)
    run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"], env)
    return env


def measure_render(env):
    """Median uncached render time and query count per page, in-process (no cache: every request renders)."""
    measure_env = {**env, "CACHE_URL": "dummy://", "DJANGO_SETTINGS_MODULE": "copaperu_site.settings"}
    output = run([PYTHON, "-c", MEASURE, json.dumps(SEASON_PAGES)], measure_env).stdout
    return json.loads(output.strip().splitlines()[-1])


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(env, port):
    server_env = {
        **env,
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    }
    log = open(Path(env["DJANGO_MEDIA_ROOT"]).parent / "gunicorn.log", "w")  # noqa: SIM115 - closed with the server
    server = subprocess.Popen(
        [GUNICORN, "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "--access-logfile", "/dev/null"],
        cwd=ROOT,
        env=server_env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    for _ in range(100):
        if status_of(f"http://127.0.0.1:{port}/") is not None:
            return server
        time.sleep(0.1)
    stop(server)
    raise SystemExit(f"gunicorn did not start; see {log.name}")


def stop(server):
    # The server was started in its own session: end exactly that process group, nothing else.
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def status_of(url):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def to_ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url, duration):
    output = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{duration}s", "--latency", "-H", PROXY_HEADER, url],
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 30,
    ).stdout
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", output, re.MULTILINE))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": to_ms(percentiles["50"]),
        "p99": to_ms(percentiles["99"]),
        "errors": (int(non_2xx.group(1)) if non_2xx else 0) + (sum(map(int, sockets.groups())) if sockets else 0),
    }


def bench_scale(seasons, duration):
    folder = Path(tempfile.mkdtemp(prefix=f"copaperu-bench-{seasons}-"))
    try:
        env = build_database(folder, seasons)
        renders = measure_render(env)
        manifest = json.loads((ROOT / "staticfiles" / "staticfiles.json").read_text())["paths"]
        port = free_port()
        server = start_gunicorn(env, port)
        results = {}
        try:
            for name, path in [*PAGES, ("static", f"/static/{manifest['css/site.css']}")]:
                url = f"http://127.0.0.1:{port}{path}"
                status = status_of(url)
                results[name] = {"path": path, "status": status}
                if status == 200:
                    wrk(url, 1)  # warm-up: every worker loads its templates and opens its connections
                    results[name].update(wrk(url, duration))
        finally:
            stop(server)
        return results, renders
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def report(seasons, results, renders):
    static_rps = results["static"].get("rps") or 0
    print(f"\n== {seasons} seasons: wrk, {CONNECTIONS} connections")
    print(f"{'page':<9} {'path':<42} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'ratio':>6} {'errors':>6}")
    for name, row in results.items():
        if "rps" not in row:
            print(f"{name:<9} {row['path']:<42} {'HTTP ' + str(row['status']) + ' (page not on this branch)':>40}")
            continue
        ratio = row["rps"] / static_rps if static_rps else 0
        print(
            f"{name:<9} {row['path']:<42} {row['rps']:>8.0f} {row['p50']:>7.2f} {row['p99']:>7.2f} {ratio:>6.2f} "
            f"{row['errors']:>6}"
        )
    print(f"-- uncached render, in-process (median of 12), {seasons} seasons")
    for path, render in renders.items():
        print(f"{path:<42} HTTP {render['status']}  {render['ms']:6.1f} ms  {render['queries']:3d} queries")


def verdicts(by_scale, allow_missing, ci):
    failures = []
    for seasons, (results, _renders) in by_scale.items():
        static_rps = results["static"].get("rps") or 0
        for name, row in results.items():
            if "rps" not in row:
                if row["status"] != 404 or not allow_missing:
                    failures.append(f"{seasons} seasons: {row['path']} answered {row['status']}")
                continue
            if row["errors"]:
                failures.append(f"{seasons} seasons: {row['errors']} error responses on {row['path']}")
            if ci or name not in TARGET_PAGES:
                continue
            if row["rps"] < static_rps / 2:
                failures.append(f"{seasons} seasons: {name} below half the static file's requests per second")
            if row["p99"] >= P99_LIMIT_MS:
                failures.append(f"{seasons} seasons: {name} p99 {row['p99']:.1f} ms")
    scales = sorted(by_scale)
    if len(scales) > 1 and not ci:
        small, large = by_scale[scales[0]][1], by_scale[scales[-1]][1]
        for path in SEASON_PAGES[:-1]:
            if small[path]["status"] == 200 and small[path]["queries"] != large[path]["queries"]:
                failures.append(
                    f"{path}: {small[path]['queries']} queries at {scales[0]} seasons, "
                    f"{large[path]['queries']} at {scales[-1]}"
                )
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[2, 60], help="archive sizes in seasons")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--ci", action="store_true", help="2 seasons, 3 s a page, judge error responses only")
    parser.add_argument("--allow-missing", action="store_true", help="a page that 404s is reported, not failed")
    options = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")
    if options.ci:
        options.scales, options.duration = [2], 3
    by_scale = {}
    for seasons in options.scales:
        by_scale[seasons] = bench_scale(seasons, options.duration)
        report(seasons, *by_scale[seasons])
    failures = verdicts(by_scale, options.allow_missing, options.ci)
    print("\n" + ("\n".join(f"MISSED: {failure}" for failure in failures) if failures else "All targets met."))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
