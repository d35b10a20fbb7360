"""A club's other names (TeamAlias) on its page, each with the source that writes it so, or said plainly to be the
archive's editors' identification when no source is recorded; on the shipped seasons."""

import pytest

from .page_helpers import page, section, text

pytestmark = pytest.mark.usefixtures("shipped_seasons")


def test_a_team_page_lists_another_name_with_the_source_that_writes_it(client):
    html = section(page(client, "/teams/hungaritos-agustinos/"), "other-names")
    assert "Also written as" in text(html)
    assert "Hungaritos Agostinos, as trainer-baade.de writes it in" in text(html)
    assert (
        '“<a href="https://www.trainer-baade.de/alle-peruanischen-pokalsieger/">Alle peruanischen Pokalsieger</a>”'
        in html
    )


def test_another_name_no_source_gives_is_labelled_the_editors_inference(client):
    words = text(section(page(client, "/teams/deportivo-upao/"), "other-names"))
    assert "U.P.A.O.: identified as this club by the archive's editors (an inference: no source is recorded)." in words


def test_a_team_with_no_other_name_has_no_such_section(client):
    assert 'id="other-names"' not in page(client, "/teams/atletico-torino/")
