"""Views fetch data and call presentation/pages.py; they never write a sentence themselves (issue 15).

A Spanish translation follows: a sentence written in a view escapes the one place translators and reviewers read.
"""

import re
from pathlib import Path

import pytest

from .page_helpers import page, text

VIEWS = Path(__file__).resolve().parents[1] / "views"
GETTEXT = re.compile(r"\bgettext|\bngettext|\bpgettext|(?<![\w.])_\(")


@pytest.mark.parametrize("module", sorted(VIEWS.glob("*.py")), ids=lambda path: path.name)
def test_views_write_no_sentences(module):
    found = [
        f"{module.name}:{number}: {line.strip()}"
        for number, line in enumerate(module.read_text(encoding="utf-8").splitlines(), start=1)
        if GETTEXT.search(line)
    ]
    assert not found, "a view writes a sentence; move it to tournaments/presentation/pages.py:\n" + "\n".join(found)


def test_the_scan_finds_a_gettext_call():
    assert GETTEXT.search('raise Http404(_("No team."))') and GETTEXT.search(
        "from django.utils.translation import gettext"
    )
    assert not GETTEXT.search("for name, value, _label in filters") and not GETTEXT.search("self.get_page_words(x)")


@pytest.mark.usefixtures("shipped_seasons")
@pytest.mark.parametrize(
    ("url", "sentence"),
    [
        ("/teams/no-such-team/", "No team with that address in the archive."),
        ("/departments/atlantis/", "No department with that address; Peru has 25, Callao included."),
        ("/seasons/1966/", "No Copa Perú season 1966 in the archive."),
        ("/seasons/2008/?_export=pdf", "This page has no such table to export; try ?_export=csv or ?_export=xlsx."),
    ],
)
def test_a_404_says_what_was_missing(client, url, sentence):
    assert sentence in text(page(client, url, status=404))
