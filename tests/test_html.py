"""Tests of pipeline/html.py: a page saved from the website -> the text layout records.py reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.documents import read_document
from pipeline.html import _chrome_class, html_page, html_to_text, looks_like_html
from pipeline.split import split_document

MENU = """<header><a href="/">SOCIEUX+</a><nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li>
<li><a href="/actions">Actions</a></li></ul></nav></header>"""
FOOTER = """<footer><ul><li><a href="/legal">Legal notice</a></li><li><a href="/privacy">Privacy</a></li></ul>
<p>SOCIEUX+ is co-funded by the European Union, France, Belgium and Spain.</p></footer>"""

LISTING = f"""<!DOCTYPE html><html><head><title>Actions</title><script>alert(1)</script></head><body>{MENU}
<main><h1>Social protection</h1><ul>
<li>Support to the National Social Security Fund of Cambodia<p>National Social Security Fund (NSSF)</p>
<p>Experts from Belgium and France reviewed the contribution scheme.</p></li>
<li>Pension reform in Togo<p>Caisse Nationale de Sécurité Sociale</p>
<p>A Spanish expert supported the fund.</p></li>
</ul><p>1 2 Next »</p></main>
<aside><ul><li><a href="/news">Latest news</a></li></ul></aside>{FOOTER}</body></html>"""

NEWS = f"""<!DOCTYPE html><html><body>{MENU}
<div role="navigation"><ul><li><a href="/news">News</a></li><li><a href="/events">Events</a></li></ul></div>
<article><p>12/05/2023</p><h1>Uzbekistan modernises its pension calculation</h1>
<p>The Pension Fund of Uzbekistan has worked with SOCIEUX+ on its pension rules. Experts from Latvia and
Estonia delivered two workshops in Tashkent in April 2023.</p>
<p>The cooperation continues with a study of the disability benefits.</p></article>{FOOTER}</body></html>"""


def test_menus_and_footers_are_not_records(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(LISTING, encoding="utf-8")
    doc = read_document(path)
    assert doc.kind == "listing"
    titles = [r.title for r in split_document(doc)]
    assert titles == ["Support to the National Social Security Fund of Cambodia", "Pension reform in Togo"]
    assert "Legal notice" not in doc.text and "About us" not in doc.text and "co-funded" not in doc.text
    assert "alert" not in doc.text


def test_news_article_is_read_without_the_site_around_it(tmp_path: Path) -> None:
    path = tmp_path / "news.html"
    path.write_text(NEWS, encoding="utf-8")
    doc = read_document(path)
    assert doc.kind == "news"  # the menu's list items no longer make it look like a listing
    (rec,) = split_document(doc)
    assert rec.title == "Uzbekistan modernises its pension calculation"
    assert rec.description.startswith("The Pension Fund of Uzbekistan") and "Events" not in rec.description


def test_page_without_landmarks_keeps_its_body() -> None:
    text = html_to_text("<html><body><ul><li>Support to ANPE<p>Ministry of Labour</p></li></ul></body></html>")
    assert text.splitlines() == ["  • Support to ANPE", "    Ministry of Labour"]
    assert looks_like_html("<!DOCTYPE html><html><body></body></html>")


NEWS_WITH_RELATED = """<!DOCTYPE html><html><body><article><p>14 March 2023</p>
<figure><img src="x.jpg"><figcaption>Participants of the workshop in Nairobi. © SOCIEUX+</figcaption></figure>
<h1>Kenya strengthens labour market information</h1>
<p>From 6 to 10 March 2023, SOCIEUX+ experts from Finland held a workshop with the State Department for Labour.</p>
<p>The dashboards will be presented to county governments in the coming months.</p>
<div class="share-buttons"><a>Facebook</a> <a>LinkedIn</a></div>
<h2>Related actions</h2><ul><li><a href="/a1">Labour market information dashboards for Kenya</a></li>
<li><a href="/a2">Skills anticipation in Uganda</a></li></ul></article></body></html>"""


def test_related_links_captions_and_share_widgets_are_not_content(tmp_path: Path) -> None:
    """A news page's "Related actions" list must not make it a listing; a caption is no headline."""
    path = tmp_path / "news.html"
    path.write_text(NEWS_WITH_RELATED, encoding="utf-8")
    doc = read_document(path)
    assert doc.kind == "news"
    (rec,) = split_document(doc)
    assert rec.title == "Kenya strengthens labour market information"
    assert rec.description.startswith("From 6 to 10 March 2023") and rec.description.endswith("in the coming months.")


def _news_record(tmp_path: Path, page: str):
    """The one record of an HTML page saved as news.html, which must read as a news item."""
    path = tmp_path / "news.html"
    path.write_text(page, encoding="utf-8")
    doc = read_document(path)
    assert doc.kind == "news"
    (rec,) = split_document(doc)
    return rec


def _records(tmp_path: Path, page: str, name: str = "page.html") -> list:
    """The records of `page` saved as `name` and read as the corpus reads it."""
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    return split_document(read_document(path))


def test_a_breadcrumb_list_and_a_newsletter_box_are_chrome(tmp_path: Path) -> None:
    """An `<ol class="breadcrumb">` of links would read as a listing's bullets: it is dropped."""
    page = """<!DOCTYPE html><html><body><main>
<ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/news/">News</a></li><li>Palestine</li></ol>
<div class="post-date">Wednesday 5 June 2024</div>
<h1>Palestinian employment counsellors complete an online course on career guidance</h1>
<p>Forty-two employment counsellors of the Ministry of Labour received their certificates on 29 May 2024.</p>
<p>The course was designed by a team of two experts from Malta and Tunisia.</p>
<div class="newsletter-signup">Subscribe to our newsletter</div>
</main></body></html>"""
    rec = _news_record(tmp_path, page)
    assert rec.title.startswith("Palestinian employment counsellors")
    assert rec.description.endswith("from Malta and Tunisia.")


def test_a_trail_of_short_links_is_chrome_whatever_its_class(tmp_path: Path) -> None:
    """A breadcrumb with a class no selector knows (`migalhas`) is still a trail, not a listing's bullets."""
    page = """<!DOCTYPE html><html lang="pt"><body><main>
<ol class="migalhas"><li><a href="/pt/">Início</a></li><li><a href="/pt/noticias/">Notícias</a></li><li>África lusófona</li></ol>
<article><p class="data">Publicado a 23 de novembro de 2021</p>
<h1>São Tomé and Príncipe strengthens labour inspection on cocoa plantations</h1>
<p>The General Labour Inspectorate held its first national seminar on child labour on 18 November.</p>
<p>Two experts from Cabo Verde and Portugal trained 15 inspectors.</p></article>
</main></body></html>"""
    rec = _news_record(tmp_path, page)
    assert rec.title.startswith("São Tomé and Príncipe strengthens")
    assert rec.year == 2021


def _page(main: str) -> str:
    return ('<!DOCTYPE html><html><head><title>t</title></head><body><header><nav><ul><li><a href="/">Home</a></li>'
            '<li><a href="/news/">News</a></li></ul></nav></header><main>' + main + '</main>'
            '<footer><p>© European Union</p></footer></body></html>')


def test_a_listing_laid_out_with_headings_in_blocks(tmp_path: Path) -> None:
    block = ('<div class="action"><h3>{t}</h3><p>{i}</p><p>Institutional capacity building</p>'
             '<p>{d}</p></div>')
    html = _page('<h1>SDG 8</h1><p>2 actions</p><section>'
                 + block.format(t="Inspection reform in Ghana", i="Labour Department (LD)",
                                d="Experts reviewed the manual. They trained inspectors.")
                 + block.format(t="Pension reform in Togo", i="Caisse de retraite du Togo (CRT)",
                                d="Experts advised the fund. They met the board.")
                 + '</section>')
    path = tmp_path / "sdg8.html"
    path.write_text(html, encoding="utf-8")
    doc = read_document(path)
    assert doc.kind == "listing"
    first, second = split_document(doc)
    assert (first.title, first.partner_institution) == ("Inspection reform in Ghana", "Labour Department (LD)")
    assert first.assistance_types == ["Institutional capacity building"]
    assert first.description == "Experts reviewed the manual. They trained inspectors."
    assert (second.title, second.partner_institution) == ("Pension reform in Togo", "Caisse de retraite du Togo (CRT)")


def test_a_listing_of_headings_and_paragraphs_without_wrappers() -> None:
    text = html_to_text(_page(
        '<h1>Actions</h1><h3>Inspection reform in Ghana</h3><p>Labour Department (LD)</p>'
        '<p>Experts reviewed the manual. They trained inspectors.</p>'
        '<h3>Pension reform in Togo</h3><p>Caisse de retraite du Togo (CRT)</p><p>Experts advised. Again.</p>'))
    assert text.splitlines() == [
        "Actions", "  • Inspection reform in Ghana", "    Labour Department (LD)",
        "    Experts reviewed the manual. They trained inspectors.",
        "  • Pension reform in Togo", "    Caisse de retraite du Togo (CRT)", "    Experts advised. Again."]


def test_a_news_items_subheadings_are_not_records() -> None:
    """Under a news item's subheadings comes body text, not a short institution line."""
    text = html_to_text(_page(
        '<article><h1>Ghana trains its inspectors</h1><p>The Ministry asked for support. Experts came.</p>'
        '<h2>Background</h2><p>Since 2020 the Ministry has reformed its inspectorate.</p><p>More text.</p>'
        '<h2>Next steps</h2><p>The experts will return in May.</p><p>And again.</p>'
        '<div class="card"><h3>Other news</h3><p>12 March 2024</p><p>A teaser.</p></div>'
        '<div class="card"><h3>More news</h3><p>2 May 2024</p><p>A teaser.</p></div></article>'))
    assert "•" not in text and "Background" in text


def test_an_articles_own_header_is_content(tmp_path: Path) -> None:
    """A `<header>` inside the article holds its headline and date (WordPress "entry-header")."""
    path = tmp_path / "news.html"
    path.write_text(_page(
        '<article><header class="entry-header"><h1>PESSI and SOCIEUX+ start work on home-based workers</h1>'
        '<div class="entry-meta"><time datetime="2024-03-12">Mar 12, 2024</time></div></header>'
        '<p>Lahore – The institution held the kick-off workshop of the cooperation on 5 and 6 March 2024.</p>'
        '<p>The action will help it design a scheme for home-based workers.</p></article>'), encoding="utf-8")
    doc = read_document(path)
    rec, = split_document(doc)
    assert rec.title == "PESSI and SOCIEUX+ start work on home-based workers"
    assert rec.year == 2024 and rec.description.startswith("Lahore")
    assert "Home" not in doc.text  # the site's header is still dropped


def test_a_headline_above_the_main_element_is_the_items(tmp_path: Path) -> None:
    """The page header holds the `<h1>` its `<title>` names, outside `<main>`: still the headline."""
    page = ("<!DOCTYPE html><html><head><title>Turkmenistan modernises the calculation of pensions | International "
            "Cooperation</title></head><body><header><a href='/'>European Commission</a></header>"
            "<div class='ecl-page-header'><span>News</span> <span>21 November 2019</span>"
            "<h1>Turkmenistan modernises the calculation of pensions</h1></div><main><article>"
            "<p>ASHGABAT – The Ministry of Labour has begun to prepare a new method for calculating old-age pensions, "
            "following a SOCIEUX+ action that ran from June to October 2019.</p>"
            "<p>Two experts from Latvia and Kazakhstan reviewed the pension formula with the Ministry.</p>"
            "</article></main></body></html>")
    text, headline = html_page(page)
    assert headline == "Turkmenistan modernises the calculation of pensions"
    rec = _news_record(tmp_path, page)
    assert rec.title == "Turkmenistan modernises the calculation of pensions"
    assert rec.description.startswith("ASHGABAT – The Ministry of Labour")


def test_the_title_names_the_headline_among_the_pages_headings() -> None:
    """A site name in an `<h1>` and the article's `<h2>` headline: the `<title>` tells which is the item's."""
    page = ("<!DOCTYPE html><html><head><title>Voluntary social insurance: CNPS prepares to reach informal workers"
            "</title></head><body><div><h1>Ministry of Labour and Social Security</h1></div><main>"
            "<h2>Voluntary social insurance: CNPS prepares to reach informal workers</h2><p>Details</p>"
            "<p>Hits: 418</p><p>YAOUNDÉ – The National Social Insurance Fund has received the recommendations of a "
            "diagnosis of its voluntary insurance scheme.</p></main></body></html>")
    assert html_page(page)[1] == "Voluntary social insurance: CNPS prepares to reach informal workers"
    assert html_page("<html><body><h1>A</h1><h1>B</h1><p>text</p></body></html>")[1] is None  # two h1: no guess


# -- structures of field labels: tables, <dl>, lists of "Label: value" items --------------------------------
TABLE_PAGE = _page(
    "<h1>Actions in Asia</h1><p>The facility's actions in Asia, with their partners.</p>"
    "<table><thead><tr><th>#</th><th>Action</th><th>Country</th><th>Partner institution:</th><th>Type of assistance</th>"
    "<th>Code</th><th>Start activities</th><th>End activities</th><th>SDG</th><th>Description</th></tr></thead><tbody>"
    "<tr><td>1</td><td>Feasibility of unemployment insurance</td><td>Mongolia</td><td>Ministry of Labour and Social "
    "Protection</td><td>Policy development<br>Institutional capacity building</td><td>2020-11</td><td>01/09/2020</td>"
    "<td>15/12/2020</td><td>8</td><td><p>Experts from Korea and Lithuania contributed online.</p><p>A report followed.</p>"
    "</td></tr>"
    "<tr><td>2</td><td>Recognition of prior learning</td><td>Bangladesh</td><td>Bureau of Manpower, Employment and "
    "Training (BMET)</td><td>Individual capacity building (human resources development)</td><td>—</td>"
    "<td>mar-2022</td><td>Ongoing</td><td></td><td>A Filipino expert trained BMET assessors in Dhaka.</td></tr>"
    "</tbody></table>")


def _listing(tmp_path: Path, page: str, name: str = "page.html"):
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    doc = read_document(path)
    assert doc.kind == "listing"
    recs = split_document(doc)
    for rec in recs:  # evidence offsets refer to the converted text, as for every HTML page
        for field, (s, e) in rec.fields.items():
            assert doc.text[rec.start + s : rec.start + e] == rec.text[s:e]
            if field in rec.values:
                assert rec.text[s:e] == rec.values[field]
    return doc, recs


def test_a_table_of_field_labels_is_one_record_a_row(tmp_path: Path) -> None:
    """Header cells of labels (with or without their colon, unknown ones too) label each body row's cells."""
    doc, (first, second) = _listing(tmp_path, TABLE_PAGE)
    assert "Action: Feasibility of unemployment insurance\nCountry: Mongolia\n" in doc.text
    assert (first.title, first.partner_institution) == ("Feasibility of unemployment insurance",
                                                        "Ministry of Labour and Social Protection")
    assert first.assistance_types == ["Policy development", "Institutional capacity building"]  # a <br> between
    assert first.description == "Experts from Korea and Lithuania contributed online.\nA report followed."
    assert first.values == {"country": "Mongolia", "code": "2020-11", "start_activities": "01/09/2020",
                            "end_activities": "15/12/2020"}
    assert second.title == "Recognition of prior learning"
    assert second.values == {"country": "Bangladesh", "start_activities": "mar-2022", "end_activities": "Ongoing"}
    assert first.heading[2].startswith("Actions in Asia")  # the page's heading, for its country


def test_a_row_of_one_cell_across_the_table_is_the_description_of_the_row_above(tmp_path: Path) -> None:
    page = _page("<h1>Actions</h1><table><thead><tr><th>Country</th><th>Partner institution</th><th>Title</th>"
                 "<th>Type of assistance</th><th>Period</th><th>Status</th></tr></thead><tbody>"
                 "<tr><td>Ghana</td><td>Ministry of Employment (MELR)</td><td>Risk-based labour inspection</td>"
                 "<td>Institutional capacity building</td><td>14/02/2023 – 30/06/2023</td><td>Completed</td></tr>"
                 "<tr><td colspan=\"6\">Inspectors from the Netherlands trained 40 inspectors in Kumasi.</td></tr>"
                 "<tr><td>Viet Nam</td><td>Vietnam Social Security (VSS)</td><td>Actuarial modelling</td>"
                 "<td>Policy development</td><td>2023</td><td>Completed</td></tr>"
                 "<tr><td colspan=\"6\">Actuaries from Finland reviewed the model online.</td></tr>"
                 "</tbody></table>")
    _, (first, second) = _listing(tmp_path, page)
    assert (first.title, first.description) == ("Risk-based labour inspection",
                                                "Inspectors from the Netherlands trained 40 inspectors in Kumasi.")
    assert (second.title, second.description) == ("Actuarial modelling",
                                                  "Actuaries from Finland reviewed the model online.")


def test_a_table_with_labels_in_its_first_column_is_one_record_a_column(tmp_path: Path) -> None:
    block = ("<div class='action'><h2>{t}</h2><table><tr><th>Partner institution:</th><td>{i}</td></tr>"
             "<tr><td>Country</td><td>{c}</td></tr><tr><th>Period</th><td>{p}</td></tr>"
             "<tr><th>Description</th><td>{d}</td></tr></table></div>")
    page = _page("<h1>Actions</h1>" + block.format(t="Pension reform in Togo", i="Caisse de retraite du Togo (CRT)",
                                                   c="Togo", p="03/2021 – 10/2021", d="Experts advised the fund.")
                 + block.format(t="Labour inspection in Ghana", i="Labour Department (LD)", c="Ghana", p="—",
                                d="Experts reviewed the manual."))
    _, (first, second) = _listing(tmp_path, page)
    assert (first.title, first.partner_institution) == ("Pension reform in Togo", "Caisse de retraite du Togo (CRT)")
    assert first.values == {"country": "Togo", "period": "03/2021 – 10/2021"}
    assert second.values == {"country": "Ghana"} and second.description == "Experts reviewed the manual."


def test_a_definition_list_under_its_heading_is_a_record(tmp_path: Path) -> None:
    dl = ("<h3>{t}</h3><dl><dt>Partner institution</dt><dd>{i}</dd><dt>Country:</dt><dd>{c}</dd>"
          "<dt>Type of assistance</dt><dd>Policy development</dd><dt>Description</dt><dd>{d}</dd></dl>")
    page = _page("<h1>Actions in Africa</h1><p>Our actions.</p>"
                 + dl.format(t="Pension reform in Togo", i="Caisse de retraite du Togo (CRT)", c="Togo",
                             d="Experts advised the fund.")
                 + dl.format(t="Labour inspection in Ghana", i="Labour Department (LD)", c="Ghana",
                             d="Experts reviewed the manual."))
    doc, (first, second) = _listing(tmp_path, page)
    assert "\n\nPension reform in Togo\nPartner institution: Caisse de retraite du Togo (CRT)\n" in doc.text
    assert (first.title, first.values, first.assistance_types) == ("Pension reform in Togo", {"country": "Togo"},
                                                                   ["Policy development"])
    assert (second.title, second.partner_institution) == ("Labour inspection in Ghana", "Labour Department (LD)")


def test_a_list_of_label_items_is_no_list_of_records(tmp_path: Path) -> None:
    """`<li><strong>Partner:</strong> …</li>` items are a record's fields, not bullets of their own."""
    ul = ("<h3>{t}</h3><ul><li><strong>Partner:</strong> {i}</li><li><strong>SDG:</strong> 8</li>"
          "<li><strong>Description:</strong> {d}</li></ul>")
    page = _page("<h1>Actions</h1>" + ul.format(t="Pension reform in Togo", i="Caisse de retraite du Togo (CRT)",
                                                d="Experts advised.")
                 + ul.format(t="Labour inspection in Ghana", i="Labour Department (LD)", d="Experts reviewed."))
    doc, recs = _listing(tmp_path, page)
    assert "•" not in doc.text
    assert [(r.title, r.partner_institution, r.description) for r in recs] == [
        ("Pension reform in Togo", "Caisse de retraite du Togo (CRT)", "Experts advised."),
        ("Labour inspection in Ghana", "Labour Department (LD)", "Experts reviewed.")]


def test_tables_and_lists_without_field_labels_are_read_as_before() -> None:
    """A table of figures keeps a line a cell; a list of items that are no labels stays bullets."""
    text = html_to_text(_page("<table><tr><th>Year</th><th>Actions</th></tr><tr><td>2022</td><td>14</td></tr></table>"
                              "<ul><li>Pensions: reform</li><li>Health</li><li>Employment</li></ul>"))
    assert text.splitlines()[:4] == ["Year", "Actions", "2022", "14"]
    assert "  • Pensions: reform" in text.splitlines()


def test_a_news_page_with_a_fact_box_stays_news(tmp_path: Path) -> None:
    page = _page("<article><h1>Ghana trains its labour inspectors on risk-based inspection</h1><p>12 March 2024</p>"
                 "<dl><dt>Country</dt><dd>Ghana</dd><dt>Partner</dt><dd>Ministry of Employment and Labour Relations"
                 "</dd></dl><p>The Ministry of Labour asked SOCIEUX+ for support with the reform of its inspection "
                 "services. Two experts came to Accra in May and trained forty inspectors.</p></article>")
    rec = _news_record(tmp_path, page)
    assert rec.title == "Ghana trains its labour inspectors on risk-based inspection"
    assert rec.description.startswith("The Ministry of Labour asked")


def test_list_items_that_hold_a_record_stay_bullets_and_a_title_label_is_their_title(tmp_path: Path) -> None:
    """An item with blocks inside is a record of its own, not a "Label: value" line; "Action title: …" on its
    bullet line is its title."""
    page = _page("<h1>Actions</h1><ul><li>Action title: Pension reform in Togo<p>Partner: Caisse de retraite du Togo"
                 "</p><p>Country: Togo</p></li><li>Action title: Labour inspection in Ghana<p>Partner: Labour Department"
                 "</p><p>Description: Experts reviewed the manual.</p></li></ul>")
    doc, (first, second) = _listing(tmp_path, page)
    assert "  • Action title: Pension reform in Togo" in doc.text
    assert (first.title, first.partner_institution, first.values) == (
        "Pension reform in Togo", "Caisse de retraite du Togo", {"country": "Togo"})
    assert second.title == "Labour inspection in Ghana" and second.description == "Experts reviewed the manual."


def test_a_definition_list_of_several_actions_with_wrapped_pairs(tmp_path: Path) -> None:
    """One `<dl>` for all actions, each pair in a `<div>`: a title label starts each record."""
    pair = "<div><dt>{}</dt><dd>{}</dd></div>"
    rows = [("Title", "Pension reform in Togo"), ("Partner", "CRT"), ("Start", "03/2021"),
            ("Title", "Labour inspection in Ghana"), ("Partner", "Labour Department"), ("End", "Ongoing")]
    doc, (first, second) = _listing(tmp_path, _page("<h1>Actions</h1><dl>" + "".join(pair.format(*r) for r in rows)
                                                    + "</dl>"))
    assert (first.title, first.partner_institution, first.values) == ("Pension reform in Togo", "CRT",
                                                                      {"start_activities": "03/2021"})
    assert (second.title, second.values) == ("Labour inspection in Ghana", {"end_activities": "Ongoing"})


def test_a_topic_word_in_the_body_class_is_no_chrome(tmp_path: Path) -> None:
    """`<body class="category-social-protection">` names the page's topic: the page is not a social media widget,
    and its labelled tables are its records. A share bar and a filter form's options stay out."""
    page = """<!DOCTYPE html><html><head><title>Actions | SOCIEUX+</title></head>
<body class="page-actions category-social-protection"><main>
<h1>Actions – Social protection</h1>
<form class="filters"><label>Region <select><option>All</option><option>Africa</option></select></label>
<button>Filter</button></form>
<h2>Actuarial valuation of the pension scheme</h2>
<table><tr><th>Partner Institution</th><td>Government Service Insurance System (GSIS)</td></tr>
<tr><th>Code</th><td>2022-01</td></tr>
<tr><th>Description</th><td>Finnish actuaries reviewed the model of GSIS in Manila.</td></tr></table>
<h2>Labour market information system</h2>
<table><tr><th>Partner Institution</th><td>Ministry of Labour (MTEFPLS)</td></tr>
<tr><th>Description</th><td>A Belgian expert mapped the data sources.</td></tr></table>
<div class="social-share-bar"><a>Facebook</a> <a>LinkedIn</a></div>
</main></body></html>"""
    text = html_to_text(page)
    assert "Facebook" not in text and "Africa" not in text and "Filter" not in text
    first, second = _records(tmp_path, page, "actions.html")
    assert (first.title, first.partner_institution, first.values["code"]) == (
        "Actuarial valuation of the pension scheme", "Government Service Insurance System (GSIS)", "2022-01")
    assert second.description == "A Belgian expert mapped the data sources."


@pytest.mark.parametrize("classes, chrome", [
    ("share-buttons", True), ("social-media-links", True), ("social", True), ("related_news", True),
    ("breadcrumbs", True), ("newsletter-box", True), ("addtoany_list", True),
    ("category-social-protection", False), ("social-security-programmes", False), ("entry-content", False),
])
def test_chrome_class_names(classes: str, chrome: bool) -> None:
    assert _chrome_class(classes) is chrome


def test_cards_give_a_field_a_span(tmp_path: Path) -> None:
    """A card listing: the `<h3>` title, one `<span>` a field ("Partner country: Ghana", "Institution: …"), a status
    no layout knows, a teaser paragraph and a "Read more" link; each span is a line of its own."""
    card = """<div class="card"><h3>{title}</h3>
<span class="meta">Partner country: {country}</span><span class="meta">Institution: {inst}</span>
<span class="meta">Type of assistance: Policy development</span><span class="meta status">Status: Completed</span>
<span class="meta">Period: 14/02/2022 – 30/06/2022</span>
<p class="teaser">{teaser}</p><a class="more" href="/a/">Read more</a></div>"""
    page = ("<!DOCTYPE html><html><body><main><h1>Catalogue of actions</h1><section class=\"cards\">"
            + card.format(title="Risk-based planning of labour inspections", country="Ghana",
                          inst="Labour Department", teaser="Labour inspectors from Portugal trained regional inspectors.")
            + card.format(title="Data quality of the social registry", country="Philippines", inst="DSWD",
                          teaser="A Finnish data architect accompanied the DSWD remotely.")
            + "</section></main></body></html>")
    first, second = _records(tmp_path, page, "cards.html")
    assert (first.title, first.partner_institution, first.values["country"], first.values["period"]) == (
        "Risk-based planning of labour inspections", "Labour Department", "Ghana", "14/02/2022 – 30/06/2022")
    assert first.assistance_types == ["Policy development"]
    assert first.description == "Labour inspectors from Portugal trained regional inspectors."  # no status, no link
    assert second.values["country"] == "Philippines"


def test_a_cards_list_of_types_is_its_field_and_screen_reader_text_is_no_content(tmp_path: Path) -> None:
    """A CMS teaser (`<article>` with an `<h2>` title, field label `<div>`s, the types of assistance as a `<ul>`, a
    "Read more" link with a visually hidden title): one record an article, the list items its types."""
    teaser = """<article class="node"><h2 class="node__title"><a href="/a/">{title}</a></h2>
<div class="field"><div class="field__label">Partner Institution</div><div class="field__item">{inst}</div></div>
<div class="field"><div class="field__label">Type of Assistance</div>
<ul class="field__items"><li class="field__item">Policy development</li><li>Institutional capacity building</li></ul></div>
<div class="field field--name-body"><p>{body}</p></div>
<a class="read-more" href="/a/">Read more<span class="visually-hidden"> about {title}</span></a></article>"""
    page = ("<!DOCTYPE html><html><body><main><h1>Actions</h1><div class=\"view-content\">"
            + teaser.format(title="Setting up a youth employability observatory", inst="ANPEJ",
                            body="Experts from France mapped the labour market information of ANPEJ.")
            + teaser.format(title="Supervision of safety in mining", inst="SUNAFIL",
                            body="Two Spanish experts trained 40 inspectors in Arequipa.")
            + "</div></main></body></html>")
    first, second = _records(tmp_path, page, "teasers.html")
    assert [r.title for r in (first, second)] == ["Setting up a youth employability observatory",
                                                  "Supervision of safety in mining"]
    assert first.assistance_types == ["Policy development", "Institutional capacity building"]
    assert first.description == "Experts from France mapped the labour market information of ANPEJ."
    assert "about" not in second.text.split("Arequipa.")[-1]


def _card(title: str, fields: str, description: str) -> str:
    return (f'<article class="action-card"><h3><a href="#">{title}</a></h3><dl class="action-meta">{fields}</dl>'
            f'<div class="action-description"><p>{description}</p></div><a href="#">Read more</a></article>')


def test_cards_with_a_long_field_list_are_records_too(tmp_path: Path) -> None:
    """Sibling cards opening with a heading: one whose `<dl>` holds dates, a code and two types of assistance (a
    long first block) is a record like the short ones."""
    short = '<dt>Partner Institution</dt><dd>{}</dd><dt>Type of Assistance</dt><dd><ul><li>Policy development</li></ul></dd>'
    long = ('<dt>Start activities</dt><dd>07/03/2022</dd><dt>End activities</dt><dd>25/11/2022</dd>'
            '<dt>Partner Institution</dt><dd>Instituto Nacional de Seguridad Social (INSESO)</dd>'
            '<dt>Type of Assistance</dt><dd><ul><li>Organisational management (structures &amp; functions)</li>'
            '<li>Financial management (incl. budgeting)</li></ul></dd><dt>Code</dt><dd>2021-44</dd>')
    page = ("<html><body><main><h1>Actions</h1>"
            + _card("Online training on labour inspection", short.format("Department of Labour (DLIR)"),
                    "An Irish expert delivered six online training sessions in 2022.")
            + _card("Organisational audit of the National Institute of Social Security", long,
                    "Spanish experts conducted an audit of the Institute during two missions to Malabo.")
            + _card("Digitalisation of social aid applications", short.format("Ministry of Social Integration"),
                    "Experts from Malta mapped the current application workflow.")
            + "</main></body></html>")
    records = _records(tmp_path, page)
    assert [r.title for r in records] == ["Online training on labour inspection",
                                          "Organisational audit of the National Institute of Social Security",
                                          "Digitalisation of social aid applications"]
    assert records[1].values.get("code") == "2021-44"
    assert records[1].assistance_types == ["Organisational management (structures & functions)",
                                           "Financial management (incl. budgeting)"]


def test_cards_with_a_header_and_a_status_badge(tmp_path: Path) -> None:
    """A card whose title sits in its `<header>` with a status badge, and whose fields are a `<dl>`: a record per
    card (the page is a listing, not a news item under its `<h1>`), the badge no title."""
    card = ('<article class="action-card"><header class="action-card__header"><span class="badge badge--status">'
            'Completed</span><h2 class="action-card__title"><a href="#">{title}</a></h2></header>'
            '<dl class="action-card__fields"><dt>Partner institution</dt><dd>{inst}</dd><dt>Type of assistance</dt>'
            '<dd><span class="tag">Institutional capacity building</span> <span class="tag">Policy development</span>'
            '</dd><dt>Code</dt><dd>{code}</dd></dl><div class="action-card__body"><p>{body}</p></div></article>')
    page = ('<html><body><main><h1 class="page-title">Catalogue of actions</h1>'
            '<p class="view-summary">Displaying 17 - 24 of 212 actions</p><div class="action-list">'
            + card.format(title="Strengthening the employment injury insurance scheme", inst="National Social Security "
                          "Fund (NSSF)", code="2023-05", body="Experts from the German DGUV assessed the scheme.")
            + card.format(title="Support to a national employment observatory", inst="Ministry of Labour",
                          code="2022-19", body="A Spanish statistician mapped the data sources.")
            + "</div></main></body></html>")
    records = _records(tmp_path, page)
    assert [(r.kind, r.title, r.values.get("code")) for r in records] == [
        ("listing", "Strengthening the employment injury insurance scheme", "2023-05"),
        ("listing", "Support to a national employment observatory", "2022-19")]
    assert records[0].assistance_types == ["Institutional capacity building", "Policy development"]


def test_collapsible_blocks_are_records_titled_by_their_summary(tmp_path: Path) -> None:
    """`<details><summary>Title</summary><ul>labels</ul><p>…</p></details>` blocks (an accordion of actions): a
    record each, titled by its summary; a summary holding its own heading keeps it."""
    block = ('<details class="action-card"><summary>{title}</summary><ul class="action-meta">'
             '<li><strong>Partner Institution:</strong> {inst}</li>'
             '<li><strong>Type of Assistance:</strong> Policy development</li>'
             '<li><strong>Code:</strong> {code}</li></ul><p>{body}</p></details>')
    page = ('<html><body><main><h1>Employment services</h1><p>3 actions found. Click on a title to expand it.</p>'
            + block.format(title="Job placement services for young people", inst="Regional Employment Office",
                           code="2021-29", body="Experts from Chile and Portugal analysed the placement process.")
            + block.format(title="<h3>Labour market dashboard</h3>", inst="College of Technology", code="2022-11",
                           body="A Finnish data specialist mapped the available data.")
            + block.format(title="Unemployment benefit reform", inst="Employment Agency of Montenegro",
                           code="2021-33", body="Austrian experts analysed the benefit rules.")
            + "</main></body></html>")
    records = _records(tmp_path, page)
    assert [(r.title, r.partner_institution, r.values.get("code")) for r in records] == [
        ("Job placement services for young people", "Regional Employment Office", "2021-29"),
        ("Labour market dashboard", "College of Technology", "2022-11"),
        ("Unemployment benefit reform", "Employment Agency of Montenegro", "2021-33")]
    assert records[0].description == "Experts from Chile and Portugal analysed the placement process."
