"""Tests of pipeline/markdown.py: a listing or news item saved as Markdown -> the text layout records.py reads."""

from __future__ import annotations

from pathlib import Path

from pipeline.documents import is_large, read_document
from pipeline.markdown import is_markdown, md_to_text, md_page
from pipeline.split import split_document

NEWS = """*News · 14 March 2025*

![SINPF staff at the kick-off meeting](img/sinpf-kickoff.jpg)
*Participants at the kick-off meeting in Honiara. Photo: SINPF*

# Solomon Islands National Provident Fund starts work on a savings scheme

Honiara – The **Solomon Islands National Provident Fund** (SINPF) and [SOCIEUX+](https://socieux.eu)
opened their cooperation on 4 March 2025 with a kick-off meeting held by videoconference.

Two experts have been mobilised, from Samoa and from `Portugal`.

SOCIEUX+ 2025-07 SOLOMON ISLANDS, ACT. 1 (04.03.2025)

*Tags: Pacific · Pensions · Informal economy*

[Share on LinkedIn](#) · [Share on X](#)
"""

LISTING = """# Actions in Central and West Africa

This page lists the SOCIEUX+ actions in Central and West Africa.

- Support to the extension of health insurance to rural workers
  Ministère du Travail et de la Sécurité Sociale du Cameroun (MINTSS)
  Policy development, Institutional capacity building
  Experts from *Belgium* carried out a feasibility assessment. Two missions to Yaoundé took place in 2019.
- Training of labour inspectors in Guinea
  Ministère du Travail
  Individual capacity building (human resources development)
  Three training sessions were held in Conakry in November 2022 by French labour inspectors.

| Region | Actions |
|---|---|
| West Africa | 2 |
"""


def test_markup_is_not_content():
    text = md_to_text(NEWS)
    assert "*" not in text and "#" not in text and "](" not in text
    assert "kick-off.jpg" not in text and "staff at the kick-off meeting" not in text  # an image and its alt text
    assert "Photo: SINPF" not in text  # the emphasised caption under it
    assert "Honiara – The Solomon Islands National Provident Fund (SINPF) and SOCIEUX+\nopened" in text  # lines stay
    assert "from Samoa and from Portugal." in text


def test_a_markdown_news_item_reads_as_one(tmp_path: Path):
    path = tmp_path / "news.md"
    path.write_text(NEWS, encoding="utf-8")
    doc = read_document(path)
    assert doc.kind == "news"
    (rec,) = split_document(doc)
    assert rec.title == "Solomon Islands National Provident Fund starts work on a savings scheme"
    assert rec.year == 2025  # "*News · 14 March 2025*" is the date line
    assert rec.description.startswith("Honiara – The Solomon Islands")
    assert rec.description.endswith("SOCIEUX+ 2025-07 SOLOMON ISLANDS, ACT. 1 (04.03.2025)")  # tags, share links cut
    assert doc.text[rec.start + rec.fields["description"][0]:].startswith("Honiara")  # offsets into the converted text


def test_a_markdown_listing_keeps_one_line_per_field(tmp_path: Path):
    path = tmp_path / "listing.md"
    path.write_text(LISTING, encoding="utf-8")
    doc = read_document(path)
    assert doc.kind == "listing"
    first, second = split_document(doc)
    assert first.title == "Support to the extension of health insurance to rural workers"
    assert first.partner_institution == "Ministère du Travail et de la Sécurité Sociale du Cameroun (MINTSS)"
    assert first.assistance_types == ["Policy development", "Institutional capacity building"]
    assert first.description.startswith("Experts from Belgium carried out")
    assert doc.text.startswith("Actions in Central and West Africa\n")
    assert second.title == "Training of labour inspectors in Guinea"
    assert "West Africa | 2" in doc.text  # a table row is a line of cells, its rule goes
    assert "---" not in doc.text


def test_only_markdown_files_are_converted_and_never_streamed(tmp_path: Path):
    assert is_markdown("a.md") and is_markdown("B.MARKDOWN") and not is_markdown("a.txt")
    path = tmp_path / "big.md"
    path.write_text(LISTING * 50, encoding="utf-8")
    assert not is_large(path, threshold=10)  # parts of a Markdown file would not be text
    txt = tmp_path / "plain.txt"
    txt.write_text("- *not emphasis to strip*\n  Ministry\n", encoding="utf-8")
    assert "*not emphasis" in read_document(txt).text


FRONT_MATTER = ('---\ntitle: "Ghana trains its labour inspectors"\nsource: "https://example.org/news/ghana/"\n'
                'author:\n  - "[[SOCIEUX+]]"\npublished: 2024-03-12\ncreated: 2025-06-02\ntags:\n  - "clippings"\n---\n')
NEWS_BODY = ("The Ministry of Labour asked SOCIEUX+ for support. Two experts reviewed the procedures in Accra.\n\n"
             "A second paragraph says what happened next, in a sentence of its own.\n")


def test_front_matter_is_no_content_when_the_body_has_its_headline(tmp_path: Path):
    path = tmp_path / "clip.md"
    path.write_text(FRONT_MATTER + "Home / News / West Africa\n\n12 March 2024 · West Africa\n\n"
                    "# Ghana trains its labour inspectors\n\n" + NEWS_BODY, encoding="utf-8")
    rec, = split_document(read_document(path))
    assert rec.title == "Ghana trains its labour inspectors"
    assert rec.description.startswith("The Ministry of Labour asked")
    assert "2025" not in read_document(path).text  # the clipping date is the clipper's, not the page's


def test_front_matter_date_dates_a_body_with_its_own_headline(tmp_path: Path):
    """A blog's front matter `date:` is the page's date line: "from 8 to 12 April" takes its year."""
    path = tmp_path / "blog.md"
    path.write_text('---\ntitle: "Notes from Ulaanbaatar"\ndate: 2024-05-02\n---\n\n# Notes from Ulaanbaatar\n\n'
                    "The mission ran from 8 to 12 April. Two experts reviewed the guidance tools of the office.\n\n"
                    "A second paragraph says what happened next, in a sentence of its own.\n", encoding="utf-8")
    rec, = split_document(read_document(path))
    assert rec.title == "Notes from Ulaanbaatar" and rec.year == 2024
    assert rec.description.startswith("The mission ran")


def test_front_matter_gives_headline_and_date_line_to_a_body_without_heading(tmp_path: Path):
    path = tmp_path / "clip.md"
    path.write_text(FRONT_MATTER + NEWS_BODY, encoding="utf-8")
    rec, = split_document(read_document(path))
    assert rec.title == "Ghana trains its labour inspectors" and rec.year == 2024
    assert rec.description.startswith("The Ministry of Labour asked")


def test_a_rule_at_the_top_is_not_front_matter():
    text = "---\n\n# Headline\n\nBody text: here it is.\n"
    assert md_to_text(text).split("\n")[2] == "Headline"


def test_the_only_level_one_heading_is_the_headline(tmp_path: Path) -> None:
    """Whatever page text stands above the "# " heading (a skip link, a language switcher, a trail), the item
    starts there; a date line above it stays the item's."""
    page = ("[Ga naar de inhoud](#inhoud)\n\n[Papiamentu](/pap/) · [Nederlands](/nl/) · **English**\n\n"
            "[Home](/) › [Nieuws](/nieuws/)\n\nGepubliceerd op 12 september 2023\n\n"
            "# Curaçao studies an unemployment insurance\n\n[Mette Holm](#) · [Follow](#)\n\n"
            "WILLEMSTAD – The Ministry of Social Development has presented to the social partners a first design of "
            "an unemployment insurance for workers in the private sector.\n\nThe design was discussed at a forum with "
            "the employers and the trade unions on 30 August, and it will be tested in the coming months.\n")
    assert md_page(page)[1] == "Curaçao studies an unemployment insurance"
    assert md_page("# One\n\ntext\n\n# Two\n")[1] is None  # two level-1 headings: no guess
    path = tmp_path / "news.md"
    path.write_text(page, encoding="utf-8")
    (rec,) = split_document(read_document(path))
    assert rec.title == "Curaçao studies an unemployment insurance" and rec.year == 2023
    assert rec.description.startswith("WILLEMSTAD – The Ministry")


LABEL_TABLE = """# Actions in the Pacific

The facility's actions in the Pacific.

| Title | Partner institution: | Country | Type of assistance | SDG | Description |
|---|---|:--|---|---|---|
| Pension reform in Samoa | Samoa National Provident Fund (SNPF) | Samoa | Policy development | 8 | Experts from **Portugal** reviewed the scheme. |
| Social protection floor in Tuvalu | Department of Community Affairs |  | Institutional capacity building | 1 | A French expert advised. |

*Published: 3 March 2025*
"""


def test_a_table_of_field_labels_becomes_one_block_of_labelled_lines_a_row(tmp_path: Path) -> None:
    text = md_to_text(LABEL_TABLE)
    assert "Title: Pension reform in Samoa\nPartner institution: Samoa National Provident Fund (SNPF)\nCountry: Samoa\n" in text
    assert "Country:\n" in text  # an empty cell: a missing value
    assert "Title | Partner" not in text  # the header's labels are on the rows' lines
    path = tmp_path / "pacific.md"
    path.write_text(LABEL_TABLE, encoding="utf-8")
    doc = read_document(path)
    assert doc.kind == "listing"
    first, second = split_document(doc)
    assert (first.title, first.partner_institution, first.values) == (
        "Pension reform in Samoa", "Samoa National Provident Fund (SNPF)", {"country": "Samoa"})
    assert first.description == "Experts from Portugal reviewed the scheme."
    assert (second.title, second.values, second.assistance_types) == (
        "Social protection floor in Tuvalu", {}, ["Institutional capacity building"])
    s, e = second.fields["partner_institution"]
    assert doc.text[second.start + s : second.start + e] == "Department of Community Affairs"


KB_EXPORT = """# Knowledge base – action sheets

---
title: "Strengthening the actuarial capacity of the Social Security Institute"
partner: "Social Security Institute [Instituto de Previsión Social] (IPS)"
assistance_types:
  - Institutional capacity building
  - Financial management (incl. budgeting)
start: 2021-04-12
code: "2021-05"
---
Actuaries from Spain and Chile reviewed the IPS actuarial model and trained the unit in long-term projection techniques.

---
title: Care system diagnosis
partner: Ministry of Social Development and Family
assistance_types: []
---
Two Spanish experts carried out the diagnosis of the care services offered by the municipalities of three regions.

## Occupational safety in artisanal gold mining

| Field | Value |
|---|---|
| Partner institution | Ministry of Mines and Geology |
| Type of assistance | Legislative & regulatory framework development; Policy development |
| Code | 2019-08 |
| Description | Senegalese and French experts trained 30 mining inspectors. |
"""


def test_yaml_blocks_and_tables_of_labels_in_their_first_column_are_records(tmp_path: Path) -> None:
    # a knowledge base's sheets: YAML blocks of fields between "---" lines (quotes go, a list is one value, an
    # empty one none), and a heading over a "| Field | Value |" table of labels
    path = tmp_path / "kb.md"
    path.write_text(KB_EXPORT, encoding="utf-8")
    first, second, third = split_document(read_document(path))
    assert (first.title, first.partner_institution) == (
        "Strengthening the actuarial capacity of the Social Security Institute",
        "Social Security Institute [Instituto de Previsión Social] (IPS)")
    assert first.assistance_types == ["Institutional capacity building", "Financial management (incl. budgeting)"]
    assert (first.values["code"], first.description) == (
        "2021-05", "Actuaries from Spain and Chile reviewed the IPS actuarial model and trained the unit in long-term "
                   "projection techniques.")
    assert second.assistance_types == [] and second.description.startswith("Two Spanish experts carried out")
    assert (third.title, third.partner_institution, third.values["code"]) == (
        "Occupational safety in artisanal gold mining", "Ministry of Mines and Geology", "2019-08")
    assert third.description == "Senegalese and French experts trained 30 mining inspectors."


def test_a_table_without_field_labels_keeps_its_rows() -> None:
    assert md_to_text("| Region | Actions |\n|---|---|\n| West Africa | 2 |\n").splitlines() == [
        "Region | Actions", "", "West Africa | 2"]


def test_a_newsletters_masthead_is_not_the_items_headline(tmp_path: Path):
    """"# SOCIEUX+ Newsletter · Issue 31 · January 2024" names the page: the item is the story under it."""
    path = tmp_path / "newsletter.md"
    path.write_text("# SOCIEUX+ Newsletter · Issue 31 · January 2024\n\n[View in your browser](https://e.org/31)\n\n"
                    "---\n\n## Field notes\n\n### Safer worksites in Fiji: labour inspectors trained on risk-based "
                    "inspection\n\nSuva – Between July and November 2023, action 2023-09 supported the Ministry of "
                    "Employment of Fiji in moving to risk-based inspection planning.\n\nTwo experts from Ireland "
                    "and New Zealand spent two weeks in Suva and Lautoka in July.\n", encoding="utf-8")
    assert md_page(path.read_text(encoding="utf-8"))[1] is None
    (rec,) = split_document(read_document(path))
    assert rec.title == "Safer worksites in Fiji: labour inspectors trained on risk-based inspection"
    assert rec.description.startswith("Suva – Between July")


def test_masthead_lines():
    from pipeline.chrome import is_masthead

    assert is_masthead("SOCIEUX+ Newsletter · Issue 31 · January 2024") and is_masthead("Boletín n.º 12")
    assert not is_masthead("Newsletter sign-up boosts outreach of Fiji's ministry.")
    assert not is_masthead("Safer worksites in Fiji: labour inspectors trained")


def test_a_markdown_table_saved_as_text_is_read_as_markdown(tmp_path: Path):
    """A page saved as .txt that is Markdown (a pipe table): one record a row, its Mode column the delivery field."""
    path = tmp_path / "overview.txt"
    path.write_text("# Actions by partner country\n\nThis page lists a selection of actions.\n\n"
                    "| Code | Country | Partner institution | Title | Dates | Experts | Mode |\n"
                    "|------|---------|---------------------|-------|-------|---------|------|\n"
                    "| 2022-09 | Fiji | Ministry of Employment (MEPIR) | OSH inspection toolkit | 05/2022 – 11/2022 | "
                    "Ireland, Malta | — |\n"
                    "| 2024-12 | Namibia | Social Security Commission (SSC) | Webinar series on maternity benefits | "
                    "Feb–Mar 2024 | Belgium, Sweden | Remote |\n", encoding="utf-8")
    first, second = split_document(read_document(path))
    assert (first.title, first.values["code"], first.values["country"], first.values["experts"]) == (
        "OSH inspection toolkit", "2022-09", "Fiji", "Ireland, Malta")
    assert second.values["delivery"] == "Remote" and "delivery" not in first.values  # "—" is no value
    assert "|" not in first.text


def test_plain_text_is_not_taken_for_markdown():
    from pipeline.markdown import looks_like_markdown

    assert looks_like_markdown("# Title\n\n## Section\n\ntext\n")
    assert not looks_like_markdown("  • Title\n    Partner Institution\n    Ministry of Labour\n    # of experts: 2\n")


def test_summaries_under_code_headings_describe_the_table_rows(tmp_path: Path):
    """A table of actions with a Code column and no description column, then "#### <code>" headings over each
    action's summary: the summary is that row's description."""
    page = ("# Labour and employment actions\n\n| Code | Country | Partner | Title | Type |\n|---|---|---|---|---|\n"
            "| 2023-31 | Kenya | National Social Security Fund (NSSF) | Social security for platform workers | "
            "Policy development |\n"
            "| 2024-02 | Guatemala | Ministry of Labour (MINTRAB) | Labour migration pathways | Capacity building |\n\n"
            "## Summaries\n\n#### 2024-02\n\nSpanish and Mexican experts facilitated a workshop in Guatemala City.\n\n"
            "#### 2023-31\n\nExperts from Estonia analysed the Fund's registration practices.\n\nA pilot is being "
            "drafted.\n\n---\n\n## Contact\n\ninfo@socieux.example\n")
    path = tmp_path / "actions.md"
    path.write_text(page, encoding="utf-8")
    records = split_document(read_document(path))
    assert [(r.title, r.values.get("code"), r.description) for r in records] == [
        ("Social security for platform workers", "2023-31",
         "Experts from Estonia analysed the Fund's registration practices. A pilot is being drafted."),
        ("Labour migration pathways", "2024-02",
         "Spanish and Mexican experts facilitated a workshop in Guatemala City.")]
