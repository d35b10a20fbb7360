"""Time the article importer on synthetic articles, and the parser on hostile lines.

Run from the repository root:

    .venv/bin/python bench/import_bench.py                  # a full season (448 matches) and 10,080 match lines
    .venv/bin/python bench/import_bench.py --sizes 448      # only the full season
    .venv/bin/python bench/import_bench.py --hostile-only   # only the parser on hostile lines

It builds its own SQLite database in a temporary folder (migrate; the cache is in memory) and writes synthetic
articles in the seed format there (seeds/README.md): 8 regions whose departments each send their clubs, every
region's clubs in groups playing a double round robin, one date line per match. Nothing here is history: the
season is 1950 and the clubs are invented. For each size it prints the seconds and milliseconds per match line of

- a dry run on an empty archive (what the admin's preview costs),
- the import itself,
- a dry run of the same article again (nothing to change),
- the import of the article with one score changed.

Then it times the parser on hostile lines (a heading of 2,500 "=" and one letter, 200 KB of digits, ...): each must
take time linear in the line, so the 10x longer line takes about 10x as long, never 100x.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = [
    "Alfa", "Bravo", "Condor", "Delta", "Estrella", "Fénix", "Gaviota", "Halcón", "Inca", "Jaguar", "Kantu",
    "Lucero", "Minero", "Nevado", "Oriente", "Puma", "Quilla", "Rayo", "Sol", "Tigre", "Urubamba", "Vicuña",
    "Wayra", "Yawar", "Zorro", "Andino",
]  # fmt: skip
PREFIXES = ["Deportivo", "Atlético", "Sport", "Unión", "Juventud", "Defensor", "Social", "Alianza"]
YEAR = 1950


def club_names(count):
    names = []
    for prefix in PREFIXES:
        for first in WORDS:
            for second in WORDS:
                if first != second:
                    names.append(f"{prefix} {first} {second}")
                    if len(names) == count:
                        return names
    raise ValueError(f"at most {len(names)} clubs")


def synthetic_article(groups_per_region, teams_per_group, year=YEAR):
    """An article with 8 regions, each of `groups_per_region` double round-robin groups; returns (text, matches)."""
    from tournaments.departments import DEPARTMENT_NAMES
    from tournaments.text import to_roman

    regions = [DEPARTMENT_NAMES[i::8] for i in range(8)]
    clubs = iter(club_names(8 * groups_per_region * teams_per_group))
    qualifiers, sections, matches = [], [], 0
    for number, departments in enumerate(regions, start=1):
        sentence = ", ".join(departments[:-1]) + f" and {departments[-1]}"
        sections += ["", f"==={'Region ' + to_roman(number)}===", f"Region {to_roman(number)} includes qualified "
                     f"teams from {sentence} region. Two teams qualified from this stage."]  # fmt: skip
        for group in range(1, groups_per_region + 1):
            teams = [next(clubs) for _ in range(teams_per_group)]
            for index, team in enumerate(teams):
                qualifiers.append((departments[index % len(departments)], team))
            sections += ["", f"====Group {group}===="]
            day = 0
            for home in teams:
                for away in teams:
                    if home != away:
                        day += 1
                        date = f"{year}-{2 + day // 28:02d}-{1 + day % 28:02d}"
                        sections += [date, f"{home} {(day * 7) % 4}-{(day * 3) % 3} {away}"]
                        matches += 1
    rows, last = [], None
    for department, team in sorted(qualifiers):
        rows.append(f"| {team} | Town | |" if department == last else f"| {department} | {team} | Town |")
        last = department
    head = [
        f"= {year} Copa Perú =", "", "Infobox", "- Competition: Copa Perú", f"- Season: {year}",
        f"- Prevseason: {year - 1}", f"- Nextseason: {year + 1}", "",
        f"The {year} Copa Perú (synthetic, for the import benchmark). The Regional Stage started on February 2.",
        "", "==Departmental Stage==", "| Department | Team | Location |", *rows, "", "==Regional Stage==",
    ]  # fmt: skip
    return "\n".join(head + sections) + "\n", matches


def setup_django(folder):
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["CACHE_URL"] = "locmem://"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "copaperu_site.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def timed(function, *args, **kwargs):
    """(wall seconds, CPU seconds of this process, result): on a shared machine the CPU time is the steadier one."""
    start, cpu = time.perf_counter(), time.process_time()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, time.process_time() - cpu, result


def bench_size(folder, groups_per_region, teams_per_group):
    from tournaments.models import Season
    from tournaments.services.season_import import import_season

    text, matches = synthetic_article(groups_per_region, teams_per_group)
    path = folder / f"synthetic_{matches}.txt"
    path.write_text(text, encoding="utf-8")
    load = os.getloadavg()[0]
    size = f"{len(text.splitlines())} lines, {len(text.encode()) / 1024:.0f} KB"
    print(f"\n{matches} match lines ({size}): {path.name}, load average {load:.1f} on {os.cpu_count()} cores")
    first = text.split("\n")
    score_line = next(i for i, line in enumerate(first) if " 0-0 " in line or " 1-0 " in line)
    changed = "\n".join(first[:score_line] + [first[score_line].replace("-0 ", "-5 ", 1)] + first[score_line + 1 :])
    steps = [
        ("dry run, empty archive", text, True),
        ("import", text, False),
        ("dry run, nothing to change", text, True),
        ("import with one score changed", changed, False),
    ]
    for label, article, dry_run in steps:
        seconds, cpu, _ = timed(import_season, article, str(path), dry_run=dry_run, **_write_options(dry_run))
        print(f"  {label:32} {seconds:7.2f} s  {seconds * 1000 / matches:6.2f} ms per match line  (CPU {cpu:6.2f} s)")
    Season.objects.filter(year=YEAR).delete()


def _write_options(dry_run):
    """The importer's newer keyword arguments, when this branch has them (the bench also runs on older code)."""
    import inspect

    from tournaments.services.season_import import import_season

    accepted = inspect.signature(import_season).parameters
    return {"allow_removals": True} if "allow_removals" in accepted and not dry_run else {}


HOSTILE = [
    ("heading: '=' * n + 'a'", lambda n: "=" * n + "a"),
    ("heading: '=' * n + 'a' + ' ' * n", lambda n: "=" * n + "a" + " " * n),
    ("digits * n under a group", lambda n: "1" * n),
    ("'1 ' * n under a group", lambda n: "1 " * n),
    ("'1-' * n under a group", lambda n: "1-" * n),
    ("'a ' + ' ' * n + 'v' under a group", lambda n: "a " + " " * n + "v"),
    ("region sentence with n spaces", lambda n: "Region I includes qualified teams from Lima" + " " * n + "x"),
    ("intro: 'regional stage ' * n", lambda n: "regional stage " * n),
    ("'A 1-0 B' + '[1]' * n under a group", lambda n: "A 1-0 B" + "[1]" * n),
    ("intro: '[' * n + ']'", lambda n: "[" * n + "]"),
    ("sources: '1. A: B <' + 'h' * n + '>'", lambda n: "==Sources==\n1. A: B <" + "h" * n + ">"),
]


def bench_hostile():
    from tournaments.services.article_parser import ArticleError, parse_article

    print("\nParser on hostile lines (seconds for a line of n units; linear means 10x n takes about 10x the time)")
    for label, make in HOSTILE:
        figures = []
        for n in (2_500, 25_000, 250_000):
            line = make(n)
            if "under a group" in label:
                text = f"= 1950 Copa Perú =\n==National Stage==\n===Group A===\n{line}\n"
            elif "region sentence" in label:
                text = f"= 1950 Copa Perú =\n==Regional Stage==\n===Region I===\n{line}\n"
            elif label.startswith("intro"):
                text = f"= 1950 Copa Perú =\n{line}\n"
            else:
                text = f"= 1950 Copa Perú =\n{line}\n"
            start = time.perf_counter()
            try:
                parse_article(text, "hostile.txt")
            except ArticleError:
                pass
            figures.append(time.perf_counter() - start)
            if figures[-1] > 20:
                break  # super-linear: the next size would take minutes
        sizes = (2_500, 25_000, 250_000)[: len(figures)]
        shown = "  ".join(f"n={n:>7,}: {seconds:8.4f} s" for n, seconds in zip(sizes, figures, strict=True))
        print(f"  {label:36} {shown}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="448,10080", help="match lines: 448 and/or 10080 (comma-separated)")
    parser.add_argument("--hostile-only", action="store_true")
    options = parser.parse_args()
    shapes = {448: (1, 8), 10080: (14, 10)}
    with tempfile.TemporaryDirectory(prefix="import-bench-") as name:
        folder = Path(name)
        setup_django(folder)
        if not options.hostile_only:
            for size in (int(part) for part in options.sizes.split(",")):
                bench_size(folder, *shapes[size])
        bench_hostile()


if __name__ == "__main__":
    main()
