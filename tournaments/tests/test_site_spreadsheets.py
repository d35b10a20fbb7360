"""Downloads a journalist opens in Excel or LibreOffice, and filtered tables that stay filtered when cited."""

import io

import openpyxl
import pytest

from tournaments.models import Department, Qualifier, Season, Team

from .page_helpers import page, section, text

pytestmark = pytest.mark.usefixtures("shipped_seasons")

BOM = "\ufeff".encode()


def test_csv_starts_with_a_byte_order_mark_and_keeps_accents(client):
    response = client.get("/seasons/2008/national/?_export=csv&table=final-group-stage")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(BOM)
    assert not response.content.startswith(BOM + BOM)
    assert "Atlético Torino" in response.content[len(BOM) :].decode("utf-8")


def workbook(response):
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return openpyxl.load_workbook(io.BytesIO(response.content)).active


def test_every_table_downloads_as_xlsx_with_accents_and_numbers_intact(client):
    sheet = workbook(client.get("/seasons/2008/national/?_export=xlsx&table=final-group-stage"))
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:3] == ["#", "Team", "P"]
    torino = next(row for row in rows if row[1] == "Atlético Torino")
    assert torino[2] == 3 and isinstance(torino[rows[0].index("Pts")], int)
    assert sheet.title == "Final group stage"


@pytest.mark.parametrize(
    "url",
    [
        "/?_export=xlsx",
        "/seasons/?_export=xlsx",
        "/seasons/2008/departmental/?_export=xlsx",
        "/seasons/2008/regional/?_export=xlsx",
        "/teams/?_export=xlsx",
        "/teams/cni/?_export=xlsx",
        "/departments/?_export=xlsx",
        "/departments/junin/?_export=xlsx",
    ],
)
def test_each_page_table_has_an_xlsx(client, url):
    sheet = workbook(client.get(url))
    assert sheet.max_row > 1


def test_a_formula_typed_as_a_team_name_stays_text_in_the_xlsx(client):
    hostile = Team.objects.create(name='=HYPERLINK("http://evil.example","Sport Huancayo")')
    Qualifier.objects.create(
        season=Season.objects.get(year=2008), team=hostile, department=Department.objects.get(slug="lima")
    )
    sheet = workbook(client.get("/seasons/2008/departmental/?_export=xlsx&department=lima"))
    cells = [cell for row in sheet.iter_rows() for cell in row if "HYPERLINK" in str(cell.value)]
    assert len(cells) == 1
    assert cells[0].data_type == "s" and cells[0].value.startswith("'=")


def test_the_file_name_says_what_was_filtered(client):
    response = client.get("/seasons/2008/departmental/?region=iv&department=&_export=csv")
    assert response["Content-Disposition"] == 'attachment; filename="copa-peru-2008-qualifiers-region-iv.csv"'
    response = client.get("/seasons/1998/departmental/?department=piura&region=i&_export=xlsx")
    assert 'filename="copa-peru-1998-qualifiers-department-piura-region-i.xlsx"' in response["Content-Disposition"]
    response = client.get("/seasons/2008/departmental/?_export=csv")
    assert response["Content-Disposition"] == 'attachment; filename="copa-peru-2008-qualifiers.csv"'


def test_a_filtered_table_is_cited_and_linked_with_its_filter(client):
    body = section(page(client, "/seasons/2008/departmental/?region=iv&department=&sort=team"), "qualifiers")
    assert '<a href="?region=iv#qualifiers">Link to this table</a>' in body
    citation = text(body.split('class="citation"', 1)[1])
    assert "Cite: Copa Perú 2008, Departmental Stage qualifiers (filtered: Region IV). Copa Perú archive" in citation
    assert "http://testserver/seasons/2008/departmental/?region=iv#qualifiers" in citation


def test_an_unfiltered_table_is_cited_without_a_query(client):
    body = section(page(client, "/seasons/2008/departmental/"), "qualifiers")
    assert '<a href="?#qualifiers">Link to this table</a>' in body or '<a href="#qualifiers">' in body
    assert "filtered" not in text(body)
    assert "http://testserver/seasons/2008/departmental/#qualifiers" in text(body)
