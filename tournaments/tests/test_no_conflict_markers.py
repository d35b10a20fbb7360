"""No file of the project keeps a merge's conflict markers: one once sat for weeks in a docstring, where Python
reads it without complaint, so nothing else would have caught it."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIPPED = {".venv", ".git", "staticfiles", "test-artifacts", "db", "media", "__pycache__", ".ruff_cache"}
TEXT_SUFFIXES = {".py", ".html", ".txt", ".md", ".css", ".js", ".po", ".toml", ".cfg", ".json", ".csv", ".sh", ""}
MARKER = re.compile(r"^(<{7} |={7}$|>{7} )", re.MULTILINE)


def project_files():
    for path in ROOT.rglob("*"):
        if SKIPPED.intersection(path.relative_to(ROOT).parts) or not path.is_file():
            continue
        if path.suffix in TEXT_SUFFIXES:
            yield path


def test_no_file_keeps_conflict_markers():
    marked = [
        str(path.relative_to(ROOT))
        for path in project_files()
        if MARKER.search(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert marked == []


def test_the_check_finds_a_marker():
    assert MARKER.search('"""Doc.\n<<<<<<< HEAD\nold\n=======\nnew\n>>>>>>> importer\n"""')
