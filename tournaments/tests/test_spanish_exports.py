"""The CSV and .xlsx downloads of a Spanish page are in Spanish (column heads, the words in cells, sheet names);
those of the English page are exactly as before."""

import io

import openpyxl
import pytest

from .page_helpers import csv_rows

pytestmark = pytest.mark.usefixtures("shipped_seasons")

# (English address, Spanish address) of a download, and the English header row it has always had.
DOWNLOADS = {
    "qualifiers": (
        "/seasons/2008/departmental/?_export={format}",
        "/es/temporadas/2008/departamental/?_export={format}&table=qualifiers",
        ["Department", "Team", "Location", "Region", "Sources"],
    ),
    "standings": (
        "/seasons/2008/national/?_export={format}&table=final-group-stage",
        "/es/temporadas/2008/nacional/?_export={format}&table=final-group-stage",
        ["#", "Team", "P", "W", "D", "L", "GF", "GA", "GD", "Pts", "Qualification", "Sources"],
    ),
    "regions": (
        "/seasons/2008/regional/?_export={format}&table=regions",
        "/es/temporadas/2008/regional/?_export={format}&table=regions",
        ["Region", "Departments", "Went through (as recorded)", "Teams going on", "Sources"],
    ),
    "champions": (
        "/?_export={format}&table=champions",
        "/es/?_export={format}&table=champions",
        ["Season", "Champion", "Runner-up", "Confidence", "Status", "Runner-up basis", "Sources"],
    ),
}
# Heads written the same in both languages.
SAME_IN_SPANISH = {"#", "GF", "Pts"}


def xlsx_rows(response):
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return sheet.title, [["" if cell.value is None else str(cell.value) for cell in row] for row in sheet.iter_rows()]


@pytest.mark.parametrize("name", DOWNLOADS)
def test_english_downloads_keep_their_english_heads(client, name):
    english, _spanish, heads = DOWNLOADS[name]
    assert csv_rows(client.get(english.format(format="csv")))[0] == heads
    assert xlsx_rows(client.get(english.format(format="xlsx")))[1][0] == heads


@pytest.mark.parametrize("name", DOWNLOADS)
@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_spanish_downloads_have_spanish_heads(client, name, export_format):
    _english, spanish, english_heads = DOWNLOADS[name]
    response = client.get(spanish.format(format=export_format))
    heads = csv_rows(response)[0] if export_format == "csv" else xlsx_rows(response)[1][0]
    assert len(heads) == len(english_heads)
    still_english = [head for head, english in zip(heads, english_heads, strict=True) if head == english]
    assert set(still_english) <= SAME_IN_SPANISH, still_english


def test_the_spanish_standings_download_reads_as_the_peruvian_press_writes_a_table(client):
    url = "/es/temporadas/2008/nacional/?_export={format}&table=final-group-stage"
    rows = csv_rows(client.get(url.format(format="csv")))
    assert rows[0][:10] == ["#", "Equipo", "PJ", "G", "E", "P", "GF", "GC", "DG", "Pts"]
    assert rows[0][-1] == "Fuentes"
    huancayo = next(row for row in rows if row[1] == "Sport Huancayo")
    assert huancayo[10] not in ("", "Promoted")  # the qualification mark's words, in Spanish
    title, sheet = xlsx_rows(client.get(url.format(format="xlsx")))
    assert sheet[0] == rows[0]
    assert title == "Cuadrangular final"


def test_the_spanish_qualifiers_download_has_the_glossarys_heads(client):
    rows = csv_rows(client.get("/es/temporadas/2008/departamental/?_export=csv"))
    assert rows[0] == ["Departamento", "Equipo", "Lugar", "Región", "Fuentes"]
    assert ["Amazonas", "Agricobank San Lorenzo", "Bagua", "I", ""] in rows
