"""pipeline/known_institutions.py: member states' institutions named without a country word."""

from pipeline.eu import load_membership
from pipeline.known_institutions import known_institutions


def test_names_and_acronyms_of_member_states_institutions() -> None:
    table = known_institutions()
    assert table["Pôle emploi"] == "FR" and table["ZUS"] == "PL" and table["Kela"] == "FI" and table["SEPE"] == "ES"


def test_every_institution_is_of_a_member_state() -> None:
    assert set(known_institutions().values()) <= set(load_membership())


def test_acronyms_other_countries_share_are_left_out() -> None:
    table = known_institutions()
    for shared in ("INPS", "INSS", "CNSS", "CNAM", "ANOFM", "ISS", "ACT", "IGSS", "CCSS", "GIZ"):
        assert shared not in table
