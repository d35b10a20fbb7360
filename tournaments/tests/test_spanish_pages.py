"""No English words of ours on a Spanish page: every Spanish address in /sitemap.xml (the shipped seasons), its
title, meta description, headings, tables, sentences and labels, and the Spanish 404 page.

What stays in its own words is left out before looking: quoted source text (a note's words, its source, a ruling's
decision), the editors' prose kept as the source wrote it (season summaries, stage and region descriptions, points
deductions' reasons, the source's words for a progression, citation details), team, department and publication
names, addresses (a citation's URL), and the switch link to the English page (lang="en").

Until the catalogue is complete the walk fails on every catalogue message; with a catalogue whose every message is
translated, what it finds are words that never reach the catalogue (unmarked strings, names built in code).
"""

import re
from html import unescape
from html.parser import HTMLParser

import pytest

from tournaments.models import (
    Citation,
    Department,
    FactVersion,
    Note,
    PointsAdjustment,
    Progression,
    Qualifier,
    Region,
    Season,
    Source,
    Stage,
    Team,
    TeamAlias,
)

from .test_languages import sitemap_entries

pytestmark = pytest.mark.usefixtures("shipped_seasons")

# The site's English UI words and phrases (whole words, case as written), as a fan would spot them.
ENGLISH_UI_WORDS = [
    "Season",
    "Seasons",
    "season",
    "Standings",
    "standings",
    "Champion",
    "Champions",
    "champions",
    "Runner-up",
    "Not recorded",
    "not recorded",
    "Source",
    "Sources",
    "Group",
    "Region",
    "Regions",
    "National Stage",
    "National stage",
    "Regional Stage",
    "Regional stage",
    "Departmental Stage",
    "Departmental stage",
    "Final group stage",
    "Results",
    "results",
    "Promoted",
    "promoted",
    "Derived",
    "derived",
    "Inferred",
    "inferred",
    "Download",
    "Cite",
    "Link to this",
    "Home",
    "Away",
    "Date",
    "Team",
    "Teams",
    "Department",
    "Departments",
    "Qualifiers",
    "qualifiers",
    "Qualifier",
    "penalties",
    "on aggregate",
    "aggregate",
    "leg",
    "First leg",
    "Second leg",
    "extra time",
    "walkover",
    "Walkover",
    "Confidence",
    "disputed",
    "Disputed",
    "confirmed",
    "not held",
    "Search",
    "Next season",
    "Previous season",
    "Quarterfinals",
    "Semifinals",
    "Tiebreaker",
    "Tiebreakers",
    "Playoff",
    "Round",
    "round",
    "won",
    "lost",
    "drawn",
    "went through",
    "went on",
    "by ruling",
    "Note",
    "Ruling",
    "Decision",
    "Suspended",
    "Abandoned",
    "Awarded",
    "Not played",
    "Withdrawn",
    "withdrew",
    "Played",
    "Won",
    "Drawn",
    "Lost",
    "Goals for",
    "Goal difference",
    "Points",
    "Position",
    "Match",
    "Matches",
    "matches",
    "Venue",
    "Skip to",
    "Page not found",
    "See also",
    "Every",
    "All",
    "the",
    "and",
    "of",
    "in",
    "by",
    "with",
    "from",
    # The standings' column heads and qualification letters that differ in Spanish (PJ G E P GF GC DG Pts).
    "W",
    "D",
    "L",
    "GA",
    "GD",
    "Q",
    # "Unión Huaral v Íntimo Cable Visión": the press writes "vs.".
    "v",
]
WORD = re.compile(
    "|".join(rf"(?<![\w-]){re.escape(word)}(?![\w-])" for word in ENGLISH_UI_WORDS)
    + r"|\b\d+(?:st|nd|rd|th)\b"  # English ordinals: "2nd in Group A"
)
ADDRESS = re.compile(r"\S+://\S+")
# Elements whose words are not ours to translate: quoted source text, the teams' initials (A-Z jump), and
# anything marked as another language.
KEPT_CLASSES = {"note-text", "source-title", "prose", "az-jump"}
SHOWN_ATTRIBUTES = {"title", "aria-label", "alt", "placeholder"}
META_NAMES = {"description", "og:title", "og:description", "og:site_name"}


class _OurText(HTMLParser):
    """The words a reader sees or hears on a page (text, titles, labels, meta descriptions), without kept elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skipping = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.skipping:
            if tag not in VOID:
                self.skipping.append(tag)
            return
        lang = attrs.get("lang")
        classes = set((attrs.get("class") or "").split())
        if tag in ("script", "style") or (lang and not lang.startswith("es")) or classes & KEPT_CLASSES:
            if tag not in VOID:
                self.skipping.append(tag)
            return
        if tag == "meta" and (attrs.get("name") or attrs.get("property")) in META_NAMES:
            self.parts.append(attrs.get("content") or "")
        self.parts.extend(value or "" for name, value in attrs.items() if name in SHOWN_ATTRIBUTES)

    def handle_endtag(self, tag):
        if self.skipping and tag not in VOID:
            self.skipping.pop()

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


VOID = {"area", "br", "col", "img", "input", "meta", "link", "hr", "source", "wbr"}


def kept_words():
    """The archive's own words, longest first: names and the source's or editors' texts, which stay as written."""
    texts = [
        *Team.objects.values_list("name", flat=True),
        *TeamAlias.objects.values_list("name", flat=True),
        *FactVersion.objects.values_list("name", flat=True),
        *FactVersion.objects.values_list("detail", flat=True),
        *Department.objects.values_list("name", flat=True),
        *Source.objects.values_list("title", flat=True),
        *Source.objects.values_list("publisher", flat=True),
        *Note.objects.values_list("text", flat=True),
        *Note.objects.values_list("decision", flat=True),
        *Note.objects.values_list("source", flat=True),
        *Note.objects.values_list("decided_by", flat=True),
        *Season.objects.values_list("summary", flat=True),
        *Season.objects.values_list("see_also", flat=True),
        *Stage.objects.values_list("description", flat=True),
        *Region.objects.values_list("description", flat=True),
        *PointsAdjustment.objects.values_list("reason", flat=True),
        *Progression.objects.values_list("source_words", flat=True),
        *Citation.objects.values_list("detail", flat=True),
        *Qualifier.objects.values_list("location", flat=True),
    ]
    lines = {line.strip() for text in texts for line in (text or "").splitlines() if line.strip()}
    return sorted(lines, key=len, reverse=True)


def english_words(html, kept):
    """{english word: [its context]} left on a page once kept elements and the archive's own words are removed."""
    parser = _OurText()
    parser.feed(html)
    words = " ".join(" ".join(unescape(part).split()) for part in parser.parts if part.strip())
    for name in kept:
        words = words.replace(name, " ")
    words = ADDRESS.sub(" ", words)  # a citation's address: /es/#champions
    found = {}
    for match in WORD.finditer(words):
        found.setdefault(match.group(), []).append(words[max(0, match.start() - 40) : match.end() + 40])
    return found


def spanish_addresses(client):
    return [location.removeprefix("http://testserver") for location, _ in sitemap_entries(client) if "/es/" in location]


def test_no_english_words_of_ours_on_any_spanish_page_of_the_sitemap(client):
    kept = kept_words()
    addresses = spanish_addresses(client)
    assert len(addresses) > 100
    leaks = {}
    for address in [*addresses, "/es/temporadas/2008/regional/ix/"]:
        response = client.get(address)
        assert response.status_code in (200, 404), address
        found = english_words(response.content.decode(), kept)
        if found:
            leaks[address] = found
    report = "\n".join(
        f"{address}: " + "; ".join(f"{word!r} in …{contexts[0]}…" for word, contexts in sorted(found.items()))
        for address, found in leaks.items()
    )
    assert not leaks, f"English words on {len(leaks)} Spanish pages:\n{report}"


def test_the_check_sees_english_words_and_leaves_kept_text_alone():
    page = (
        '<html lang="es"><head><title>Temporada 2008</title><meta name="description" content="Standings of 2008">'
        '</head><body><nav><a href="/" lang="en">English</a></nav><q class="note-text">The Group was replayed.</q>'
        '<p title="Home">Sport Huancayo ganó 5-3 en la tanda de penales</p></body></html>'
    )
    found = english_words(page, ["Sport Huancayo"])
    assert sorted(found) == ["Home", "Standings", "of"]
