"""Splitter tests: every layout of EXTRACTION_SPEC.md "Inputs", the real corpus, stable ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.documents import Document, detect_kind, read_document, text_document
from pipeline.paths import CORPUS_DIR, GOLD_PATH
from pipeline.assistance import split_types
from pipeline.records import action_id
from pipeline.split import split_document

LAYOUTS = Path(__file__).parent / "data" / "layouts"


def doc_of(text: str, name: str = "t.txt") -> Document:
    return text_document(text, name)


def by_title(records):
    return {r.title: r for r in records}


def test_corpus_text_fields_match_gold():
    gold = [json.loads(line) for line in GOLD_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [r for p in sorted(CORPUS_DIR.glob("*.txt")) for r in split_document(read_document(p))]
    assert len(records) == len(gold)
    got = {(r.doc, r.index): r for r in records}
    for g in gold:
        r = got[(g["doc"], g["index"])]
        for name in ("title", "partner_institution", "assistance_types", "description"):
            assert getattr(r, name) == g[name], (g["index"], name)


def test_labelled_layout():
    recs = split_document(read_document(LAYOUTS / "labelled.txt"))
    assert [r.index for r in recs] == [0, 1, 2]  # the page heading before the first bullet is no record
    first, second, third = recs
    assert first.title.startswith("Support to the national employment agency")  # bullet without leading spaces
    assert first.values == {"start_activities": "14/03/2022", "end_activities": "07-11-2023", "code": "2022-05"}
    assert first.partner_institution == "National Employment Agency [Agence Nationale pour l'Emploi] (ANPE)"
    assert first.assistance_types == ["Institutional capacity building", "Policy development"]
    assert first.description.startswith("French and Belgian experts")
    # labels are never values; a label directly followed by another label has no value
    assert second.values == {"start_activities": "mar-2019", "end_activities": "Ongoing"}
    assert second.assistance_types == []
    assert second.partner_institution == "Ministry of Social Action"
    assert third.partner_institution is None and third.description is None
    assert third.values == {"code": "2021-14"}
    assert third.assistance_types == ["Legislative & regulatory framework development"]


def test_field_offsets_point_at_values():
    doc = read_document(LAYOUTS / "labelled.txt")
    for rec in split_document(doc):
        for name, (s, e) in rec.fields.items():
            value = rec.text[s:e]
            assert value.strip() == value and value
            assert doc.text[rec.start + s : rec.start + e] == value
        s, e = rec.fields["title"]
        assert rec.text[s:e] == rec.title


def test_dash_layout_with_and_without_separator():
    doc = read_document(LAYOUTS / "dash.txt")
    assert doc.kind == "listing"
    recs = split_document(doc)
    assert [r.title for r in recs] == [
        "Strengthening the public employment service of Cabo Verde",
        "Green jobs for youth in Uruguay",  # no "-" line before this title
        "Occupational safety training for inspectors",
    ]
    assert recs[0].assistance_types == ["Organisational capacity building", "Policy development"]
    assert recs[0].partner_institution.endswith("(IEFP)")
    assert recs[0].values == {"start_activities": "01/02/2021"}
    assert recs[1].values == {"code": "2020-11"} and recs[1].description is None
    assert recs[2].assistance_types == ["Individual capacity building (human resources development)"]


def test_records_missing_fields():
    recs = by_title(split_document(read_document(LAYOUTS / "plain_missing.txt")))
    empty = recs["Title only action without anything under it"]
    assert empty.partner_institution is None and empty.description is None and empty.assistance_types == []
    assert any("nothing under it" in p for p in empty.problems)
    assert recs["Action with only an institution"].partner_institution == "Ministry of Labour and Social Welfare"
    only_types = recs["Action with only types"]
    assert only_types.partner_institution is None
    assert only_types.assistance_types == ["Institutional capacity building", "Organisational management (structures & functions)"]
    only_desc = recs["Action with only a description"]
    assert only_desc.partner_institution is None and only_desc.description.startswith("Experts from Lithuania")
    no_types = recs["Action with institution and description but no types"]
    assert no_types.partner_institution.startswith("Ministry of Public Function")
    assert no_types.assistance_types == [] and no_types.description.startswith("The Ministry of Togo")


@pytest.mark.parametrize(
    "line, labels",
    [
        ("Policy development, Individual capacity building (human resources development)",
         ["Policy development", "Individual capacity building (human resources development)"]),
        ("Institutional capacity building Organisational management (structures & functions)",
         ["Institutional capacity building", "Organisational management (structures & functions)"]),
        ("Financial management (incl. budgeting), Organisation/business strategy & planning",
         ["Financial management (incl. budgeting)", "Organisation/business strategy & planning"]),
        ("Institutional (Regulatory & Policy)", ["Institutional (Regulatory & Policy)"]),
        ("A.02 Institutional capacity building", ["A.02 Institutional capacity building"]),
        ("Peer learning (exchange, visits), Mentoring", ["Peer learning (exchange, visits)", "Mentoring"]),
        ("Advisory services (policy) Coaching", ["Advisory services (policy)", "Coaching"]),
    ],
)
def test_split_types(line, labels):
    assert split_types(line) == labels


NEWS_BODY = (
    "In October 2022, SOCIEUX+ mobilised Spanish and Portuguese experts to support the Ministry of Public "
    "Administration, Labour and Social Security of Angola (MAPTSS).\n"
    "The experts delivered a training of trainers in Luanda for 30 officials of the National Institute of "
    "Social Security (INSS).\n"
)


@pytest.mark.parametrize(
    ("header", "year"),
    [
        ("May 12, 2022\nPhoto: CNSS Mauritania\n", 2022),  # US-style date line, a bare photo credit
        ("Thursday, 12 May 2022\n", 2022),  # weekday before the date
        ("Published on 3 March 2023\n", 2023),
        ("You are here: Home / News\n", None),  # breadcrumb trail
        ("PRESS RELEASE\n12/05/2023\n", 2023),  # a kicker line
        ("Home › News › Angola\n15/10/2022\n© SOCIEUX+\n", 2022),
        ("Santiago de Chile – 7 March 2023\n", 2023),  # a dateline: place, dash, date
        ("Luanda, 12 May 2022\n", 2022),
        ("SOCIEUX+ | News\n", None),  # a section label of boilerplate parts
        ("Accueil › Actualités\n15/10/2022\n", 2022),  # the site's other languages
        ("SOCIEUX+ EU Expertise on Social Protection, Labour and Employment\nHome > News > Angola\n", None),
        ("News · 14 March 2025\n", 2025),  # a section label before the date
        ("Interview\n19.02.2025\n", 2025),  # a genre label, then the date line (never joined)
        ("Entrevista | 19/02/2025\n", 2025),
        ("29/11/2024 | News\nHome > News > Comoros\n", 2024),  # a label after the date
        ("10 Dec 2024\nEurope and Central Asia | Social services\n", 2024),  # a line of category labels
        ("Thursday, 6 June 2024\nBy the SOCIEUX+ Communication Team\n", 2024),  # a byline
        ("Published: 12 April 2024\nAuthor: SOCIEUX+ editorial team\n", 2024),
        ("Published on 28.09.2023 by SOCIEUX+\n", 2023),  # the date line's author
        ("Published: 20 March 2025 · Reading time: 3 min\n", 2025),
        ("Monday 14 October 2024\nExpert's corner\n", 2024),
        ("Asia and the Pacific\nWednesday 13 November 2024\nby Tess Kaupa\n", 2024),  # a kicker, a byline
        ("10.01.2022 – News\nPhoto: ONAPE\n", 2022),  # a label after a dash
        ("Posted 14 Mar 2023 · by SOCIEUX+ Communications\n", 2023),  # the author after a separator
        ("Date: 2019/07/22\n", 2019),  # a "Date:" label, year first with slashes
        ("Updated: Wed, 05 Apr 2023 09:14 GMT\n", 2023),  # a time with its zone
        ("July 3, 2024 at 2:15 pm\n", 2024),
        ("Fecha de publicación: 14/06/2022\nAutor: Equipo de comunicación SOCIEUX+\n", 2022),  # a Spanish byline
        ("Publié le mercredi 8 mars 2023, par la rédaction\nCrédit photo : Ministère de la Santé\n", 2023),
        ("By Laura M. | 7 November 2019 | Latin America & Caribbean | 0 comments\n", 2019),  # a byline part
        # a press release's slugs, a social post's header, skip links, language switchers, print buttons
        ("PRESS RELEASE\nSOCIEUX+ – EU technical cooperation facility for social protection, labour and employment\n"
         "FOR IMMEDIATE RELEASE\n", None),
        ("SOCIEUX+\n4,812 followers\n3w • Edited • 🌐\n", None),
        ("Aller au menu | Aller au contenu | Aller à la recherche\nSOCIEUX+ · Expertise européenne en protection "
         "sociale, travail et emploi\nFrançais · English · Español\nAccueil > Actualités > Afrique du Nord\n"
         "Mis en ligne le 14/02/2022 à 11h05\n", 2022),
        ("Skip to main content | Accessibility statement\nText size: A  A+  A++   |   High contrast: off\n"
         "English | Français | Español | Português\nLast updated: 4 March 2020\n[Print this page]   [Save as PDF]\n",
         2020),
        ("Saltar al contenido\nIdioma: ES | EN | FR\n26/06/2023 · Lectura de 4 minutos\n", 2023),
        ("Language: English ▾   |   Text size: A  A  A\nDate published: 3 June 2021\n", 2021),
    ],
    ids=["us-date-photo", "weekday", "published-on", "you-are-here", "kicker", "breadcrumb-credit",
         "dateline-dash", "dateline-comma", "section-label", "french-trail", "site-tagline",
         "label-dot-date", "interview-label", "entrevista-date", "date-then-label", "category-labels", "byline",
         "author-line", "date-by-author", "reading-time", "experts-corner", "kicker", "date-dash-label",
         "posted-dot-by-author", "date-label-year-first", "time-zone", "at-time", "fecha-autor", "publie-credit",
         "byline-part-comments", "press-release", "social-post", "french-skip-links", "accessibility-print",
         "spanish-reading-time", "language-switcher"],
)
def test_news_header_lines_are_not_the_headline(header, year):
    """Site lines before a headline (date line, credit, breadcrumbs) belong to no field; a short item
    whose sentences end in an acronym in brackets is still a news item."""
    doc = doc_of(header + "Experts from Spain and Portugal support Angola's social protection reform\n" + NEWS_BODY,
                 "news.txt")
    assert doc.kind == "news"
    (rec,) = split_document(doc)
    assert rec.title == "Experts from Spain and Portugal support Angola's social protection reform"
    assert rec.description == NEWS_BODY.strip()
    assert rec.year == year


def test_a_headline_is_not_mistaken_for_a_credit_or_date_line():
    doc = doc_of("Photographers' cooperative in Lima gets social protection support\n" + NEWS_BODY, "news.txt")
    (rec,) = split_document(doc)
    assert rec.title.startswith("Photographers' cooperative")


def test_news_item_is_one_record():
    text = (
        "21/12/2021\nImages courtesy of SOCIEUX+\nWorkshop on employer services in Quito\n"
        "with experts from Spain\nMore than sixty people took part in the workshop organised online.\n\n"
        "Cooperation continues in 2022 with two new activities planned by the ministry.\n"
        "SOCIEUX+ 2021-07 ECUADOR, ACT. 2 (04.06 – 15.06.2021)\n"
    )
    doc = doc_of(text, "news.txt")
    assert doc.kind == "news"
    (rec,) = split_document(doc)
    assert rec.title == "Workshop on employer services in Quito with experts from Spain"  # joined headline
    assert rec.partner_institution is None and rec.assistance_types == []
    assert rec.description.splitlines() == [
        "More than sixty people took part in the workshop organised online.",
        "Cooperation continues in 2022 with two new activities planned by the ministry.",
        "SOCIEUX+ 2021-07 ECUADOR, ACT. 2 (04.06 – 15.06.2021)",
    ]
    assert rec.year == 2021
    s, e = rec.fields["tag"]
    assert rec.text[s:e].startswith("SOCIEUX+ 2021-07")
    s, e = rec.fields["date_line"]
    assert rec.text[s:e] == "21/12/2021"


def test_unknown_document_has_no_records():
    doc = doc_of("Lorem ipsum dolor sit amet\nconsectetur adipiscing elit\n")
    assert doc.kind == "unknown" and split_document(doc) == []


def test_news_items_under_one_headline_are_told_apart_by_their_date_line():
    body = ("The Ministry of Labour asked SOCIEUX+ for support with its inspection procedures. Two experts from "
            "Spain reviewed the procedures in the capital and trained thirty inspectors during a week of work.\n")
    first = split_document(doc_of("12 March 2024\nSOCIEUX+ supports the Ministry of Labour\n" + body, "a.txt"))
    later = split_document(doc_of("5 June 2025\nSOCIEUX+ supports the Ministry of Labour\n" + body, "b.txt"))
    again = split_document(doc_of("12 March 2024\nSOCIEUX+ supports the Ministry of Labour\n" + body, "c.txt"))
    assert first[0].kind == "news" and first[0].action_id != later[0].action_id
    assert first[0].action_id == again[0].action_id  # the same item on two sites is one record


def test_action_id_stable():
    text = (LAYOUTS / "plain_missing.txt").read_text(encoding="utf-8")
    before = {r.title: r.action_id for r in split_document(doc_of(text))}
    blocks = text.split("  • ")[1:]
    reordered = "  • " + "  • ".join(reversed(blocks))
    respaced = reordered.replace("    ", "\t  ").replace("Labour and Social Welfare", "Labour  and Social\u00a0Welfare")
    edited = respaced.replace("reviewed its labour code", "reviewed its whole labour code")
    after = {r.title: r.action_id for r in split_document(doc_of(edited))}
    assert before == after
    assert len(set(before.values())) == len(before)
    assert action_id("A title ", "Inst") == action_id("a  TITLE", "inst")


def test_page_heading_and_footer_are_not_record_text():
    recs = split_document(read_document(LAYOUTS / "page_with_footer.txt"))
    assert [r.title for r in recs] == ["First action on social protection in Togo", "Second action on employment in Benin"]
    assert recs[-1].description == "Belgian experts supported the agency."  # "Contact us", "©…" left out


@pytest.mark.parametrize(("marker", "gap"), [("- ", ""), ("* ", ""), ("– ", ""), ("1. ", ""), ("2) ", ""),
                                           ("1. ", "\n"), ("- ", "\n")])
def test_other_list_markers_with_indented_fields(marker, gap):
    """A page whose records start with another list marker, the fields indented under the title
    (also after a blank line)."""
    second = "2. " if marker == "1. " else "3) " if marker == "2) " else marker
    text = (
        "Actions in Central Africa\n\n"
        f"{marker}Support to the extension of health insurance\n{gap}"
        "  Ministère du Travail et de la Sécurité Sociale du Cameroun (MINTSS)\n"
        "  Policy development\n"
        "  Experts from Belgium carried out a feasibility assessment.\n"
        f"{second}Pension reform dialogue\n{gap}"
        "  Caisse Nationale de Sécurité Sociale (CNSS)\n"
        "  A Spanish expert presented the Toledo Pact.\n"
    )
    doc = doc_of(text, "page.txt")
    assert doc.kind == "listing"
    recs = split_document(doc)
    assert [r.title for r in recs] == ["Support to the extension of health insurance", "Pension reform dialogue"]
    assert recs[0].partner_institution.startswith("Ministère du Travail")
    assert recs[0].assistance_types == ["Policy development"]
    assert recs[1].description == "A Spanish expert presented the Toledo Pact."


def test_a_dash_in_running_text_is_not_a_record():
    text = ("A headline about Togo\nThe ministry asked for:\n- a review of its pension law\n"
            "  with the social partners, in 2021.\nExperts from France helped the ministry of labour to prepare the "
            "reform, and the social partners took part in the two workshops that were held in Lomé in May.\n")
    doc = doc_of(text, "news.txt")
    assert doc.kind == "news"  # one marked line with an indented continuation is no listing
    (rec,) = split_document(doc)
    assert "- a review of its pension law" in rec.description


def test_a_news_body_ends_before_the_pages_widgets_and_related_links():
    """Share and follow widgets, funding lines, a copyright and a "Related actions" list close the page,
    not the news item; its reference tag stays the body's last line."""
    tail = ("SOCIEUX+ 2022-29 ANGOLA, ACT. 1 (19.09 – 23.09.2022)\nShare: Facebook | X | LinkedIn | Email\n"
            "Follow us\nFunded by the European Union\n© 2024 SOCIEUX+\nRelated actions\n"
            "Labour inspection in Mozambique\nSocial dialogue in Cabo Verde\n")
    doc = doc_of("Experts from Spain and Portugal support Angola's social protection reform\n" + NEWS_BODY + tail,
                 "news.txt")
    (rec,) = split_document(doc)
    assert rec.description.endswith("SOCIEUX+ 2022-29 ANGOLA, ACT. 1 (19.09 – 23.09.2022)")
    assert "tag" in rec.fields


@pytest.mark.parametrize(
    "chrome",
    ["Share this article: Facebook | X | LinkedIn | Email\nSign up for the SOCIEUX+ newsletter to receive our latest news.\n",
     "Interested in becoming a SOCIEUX+ expert? Register in our roster of experts.\nShare: LinkedIn · Facebook · X\n",
     "More testimonials from our partners\nShare: Facebook | LinkedIn\n",
     "Related news\nMorocco: ANAPEC shares its youth employment programmes (15/01/2024)\n",
     "Read also: Uzbekistan modernises its pension calculation for civil servants and teachers (03.12.2024)\n",
     "Share: LinkedIn | Facebook | Email\nSee all news from Asia and the Pacific\n",
     "Photo gallery\nShare on Facebook · Share on X\nSubscribe to the SOCIEUX+ newsletter\n",
     "Tags: Disability · Social protection · Central Asia\n",
     "Keywords: pensions, informal economy\nShare on LinkedIn · Share on X\n",
     "Mots-clés : protection sociale | emploi\n",
     "Topics: Labour migration, Honduras, Central America\nFollow us on Facebook\n",
     "Compartir: Facebook | X | WhatsApp | Correo\n",
     "This website uses cookies. OK\n",
     "Partager : Facebook | LinkedIn | Courriel\nActualités liées\nVanuatu : vers une caisse de retraite (28/11/2023)\n"
     "Ce site utilise des cookies. Accepter | Refuser\n",
     "Tags: labour migration · reintegration · Philippines\n← All news\n"],
    ids=["share-newsletter", "roster-call", "more-testimonials", "related-news", "read-also", "see-all",
         "gallery-newsletter",
         "tags", "keywords-share-on", "mots-cles", "topics-follow-us-on", "compartir-correo", "cookie-banner",
         "partager-actualites-liees", "tags-all-news-arrow"],
)
def test_a_news_items_taxonomy_line_is_page_chrome(chrome):
    """A tag or category line after the body (its label from models/data/news_boilerplate.txt) is the
    page's, like its share links; the reference tag before it stays the body's last line."""
    tag = "SOCIEUX+ 2022-41 TAJIKISTAN, ACT. 4 (20.11 – 24.11.2023)"
    doc = doc_of("Experts from Spain and Portugal support Angola's social protection reform\n" + NEWS_BODY
                 + tag + "\n" + chrome, "news.txt")
    (rec,) = split_document(doc)
    assert rec.description.endswith(tag)
    assert "tag" in rec.fields
    assert rec.text.endswith(tag)  # the record ends with its body: no date of a related item is its own


def test_a_body_sentence_naming_the_funder_stays_the_bodys():
    """A funding phrase far into a sentence of the body is the body's ("…, which is funded by the European
    Union."), not the site's funding line."""
    last = "The study visit concluded the SOCIEUX+ support, which is funded by the European Union."
    doc = doc_of("Experts from Spain and Portugal support Angola's social protection reform\n" + NEWS_BODY + last
                 + "\nShare: LinkedIn · Facebook · X\nFunded by the European Union\n", "news.txt")
    (rec,) = split_document(doc)
    assert rec.description.endswith(last)


def test_a_byline_under_the_headline_is_not_body():
    doc = doc_of("Experts from Spain and Portugal support Angola's social protection reform\n"
                 "By Rania Haddad, SOCIEUX+ communication officer\n" + NEWS_BODY, "news.txt")
    (rec,) = split_document(doc)
    assert rec.description == NEWS_BODY.strip()


def test_a_headline_with_a_separator_is_still_the_headline():
    """Only short labels make a line of section labels: a headline with a colon or a bar stays."""
    for headline in ("Azerbaijan: case management for families at risk, an action completed at a distance",
                     "Pensions | Togo modernises the calculation of its old-age benefits for civil servants"):
        (rec,) = split_document(doc_of("10 Dec 2024\n" + headline + "\n" + NEWS_BODY, "news.txt"))
        assert rec.title == headline


def test_a_sentence_opening_with_a_taxonomy_word_is_body():
    """Only a short line of items is a taxonomy line: a closing sentence that starts "Topics:" stays."""
    last = "Topics: the action covered the pension formula, the registration of workers and the payment chain."
    doc = doc_of("Experts from Spain and Portugal support Angola's social protection reform\n" + NEWS_BODY
                 + last + "\n", "news.txt")
    (rec,) = split_document(doc)
    assert rec.description.endswith(last)


def test_a_title_wrapped_over_two_lines_and_a_page_footer():
    """A bullet title that goes on, in lower case, on the next line (no blank line between) is one title;
    the page's footer after the last record is no part of its description."""
    text = ("  • Strengthening the labour department for the registration of private employment agencies and\n"
            "    the protection of migrant workers\n\n"
            "    Labour Department, Ministry of Employment and Labour Relations (MELR)\n"
            "    Institutional capacity building\n"
            "    Experts from Spain and Italy reviewed the licensing regulations.\n\n"
            "  • Pension reform in Togo\n\n    Caisse Nationale de Sécurité Sociale\n    Institutional capacity building\n"
            "    A Spanish expert supported the fund.\n"
            "Follow us\nFunded by the European Union\n© 2024 SOCIEUX+\n")
    first, second = split_document(doc_of(text, "listing.txt"))
    assert first.title.endswith("private employment agencies and the protection of migrant workers")
    assert first.partner_institution == "Labour Department, Ministry of Employment and Labour Relations (MELR)"
    assert second.description == "A Spanish expert supported the fund."


BODY = ("The Ministry of Labour asked SOCIEUX+ for support with its inspection reform. Two experts "
        "reviewed the procedures in Accra in May 2024 and trained twenty inspectors.\n"
        "A second paragraph says what happened next, in a sentence of its own.\n")


@pytest.mark.parametrize(
    "head",
    [
        # a browser copy: skip link, site name, tagline, menu, language switcher, breadcrumb, then the date line
        "Skip to main content\nSOCIEUX+\nEU Expertise on Social Protection, Labour and Employment\n"
        "About us | What we do | Actions | News | Contact\nEN  ES  FR  PT\nHome › News › West Africa\n12 March 2024\n",
        # a cookie banner (a sentence) and a menu copied with wide spaces
        "We use cookies to give you the best experience on our website. You can change them at any time.\n"
        "Home  About  Actions  News  Contact\nPublished on 18/06/2024 by Mariam Diallo, SOCIEUX+ Communication\n",
        # a region label right above the date line
        "SOCIEUX+\nHome | Who we are | Actions | News\nLatin America and the Caribbean\nJune 4, 2024\n",
        # the site in Portuguese
        "SOCIEUX+ | Perícia da UE em Proteção Social, Trabalho e Emprego\nInício > Notícias > Ásia e Pacífico\n"
        "Publicado em 14/10/2024\n",
        # chrome after the date line: reading time, a category list
        "Skip to content\nMonday, 3 February 2025\nReading time: 3 minutes\nNews, Events, Social pensions\n",
        "Mar 12, 2024\nAsia, Social insurance\n",
        # a date line with its section, a photo credit
        "socieux.eu › News & Events › Ghana\nHOME | WHO WE ARE | NEWS & EVENTS\nPosted 16 November 2023 in News & "
        "Events\nImages courtesy of the Labour Department\n",
        # no date line: a photo credit right above the headline marks it
        "Skip to main content\nMenu\nSearch\nSOCIEUX+\nSocial Protection, Labour & Employment Expertise\nNews\n"
        "Images courtesy of the Labour Department\n",
        # a date line in Spanish
        "MENÚ  Inicio  Quiénes somos  Acciones  Noticias\nInicio › Noticias › África\nPublicado el 3 de octubre de 2022\n",
    ],
)
def test_a_news_pages_head_is_not_the_headline(head):
    rec, = split_document(doc_of(head + "Ghana trains its labour inspectors on risk-based inspection\n" + BODY))
    assert rec.title == "Ghana trains its labour inspectors on risk-based inspection"
    assert rec.description.startswith("The Ministry of Labour asked")


@pytest.mark.parametrize(
    "tail",
    [
        "Tags: ageing · employment services\nShare on: Facebook · X · LINE\nYou may also like\nLao PDR: a story (22.03.2024)\n",
        "Compartir: Facebook | Twitter | WhatsApp\nMás noticias\nBolivia: el Ministerio forma a sus inspectores (14/09/2022)\n"
        "© Unión Europea 2022\n",
        "Tags: Ghana · inspection\n← Previous article | Next article →\n",
        "Volver arriba\nAviso legal | Política de cookies | © Unión Europea 2025\n",
    ],
)
def test_a_news_pages_end_is_not_body(tail):
    rec, = split_document(doc_of("12 March 2024\nGhana trains its labour inspectors on risk-based inspection\n" + BODY + tail))
    assert rec.description.endswith("in a sentence of its own.")


def test_a_headline_above_its_date_line():
    """Headline, date line, body: the date line is the item's, neither headline nor body."""
    text = ("SOCIEUX+\nHome | News\nGhana trains its labour inspectors on risk-based inspection\n"
            "12 March 2024\n" + BODY)
    rec, = split_document(doc_of(text))
    assert rec.title == "Ghana trains its labour inspectors on risk-based inspection"
    assert rec.description.startswith("The Ministry of Labour asked") and rec.year == 2024



@pytest.mark.parametrize("publisher", [
    "Delegation of the European Union to Zambia – Press and information team",
    "Ministère de l'Emploi et de la Protection sociale – Service de presse",
    "Delegation of the European Union to the Philippines",
    "SEFOPE – Press Office",
    "Regional Government of Cusco | Communication Office",
    "Unified Social Service of Armenia",  # an organisation's noun inside the name
    "France Travail – International news",  # an organisation and its section
    "Instituto da Segurança Social, I.P. – International Relations",
])
def test_a_publishers_line_between_the_date_line_and_the_headline_is_no_headline(publisher: str) -> None:
    text = "12 March 2024\n" + publisher + "\nGhana trains its labour inspectors on risk-based inspection\n" + BODY
    rec, = split_document(doc_of(text))
    assert rec.title == "Ghana trains its labour inspectors on risk-based inspection"
    assert rec.description.startswith("The Ministry of Labour asked")


def test_a_publishers_line_over_the_headline_of_a_page_without_date_line() -> None:
    rec, = split_document(doc_of("France Travail – International news\n"
                                 "Ghana trains its labour inspectors on risk-based inspection\n" + BODY))
    assert rec.title == "Ghana trains its labour inspectors on risk-based inspection"


@pytest.mark.parametrize(("first", "second"), [
    # a headline over two lines: its first line is no name ("experts" in lower case)
    ("EU experts and the Ministry of Labour of Ghana", "review the labour inspection strategy together"),
    # a Title Case headline over a standfirst that ends its sentence
    ("National Employment Agency Launches New Online Services", "Jobseekers can now register from home."),
])
def test_a_headline_is_no_publishers_line(first: str, second: str) -> None:
    rec, = split_document(doc_of("12 March 2024\n" + first + "\n" + second + "\n" + BODY))
    assert rec.title.startswith(first)

def test_a_meta_line_under_the_headline_is_not_body():
    text = "Ghana trains its labour inspectors\n08/11/2023 · West Africa\n" + BODY
    rec, = split_document(doc_of(text))
    assert rec.title == "Ghana trains its labour inspectors" and rec.year == 2023
    assert rec.description.startswith("The Ministry of Labour asked")


@pytest.mark.parametrize("date_line", [
    "Tue, 14/05/2024 - 10:32",  # an abbreviated weekday and a time
    "12th September 2024",  # an ordinal day
    "Nov 28, 2022 • West Africa",  # a bullet before a region label
    "Wednesday 19 June 2024",
    "Objavljeno: 14. lipnja 2023.",  # a label in another language, a day's period, a closing full stop
])
def test_date_lines_of_news_pages(date_line: str) -> None:
    """The page's head ends at its date line, whatever its shape: the headline under it stays alone."""
    text = ("Skip to main content\nSOCIEUX+ – European Union expertise for social protection\n"
            "Home   Who we are   News\n" + date_line + "\nGhana trains its labour inspectors\n" + BODY)
    rec, = split_document(doc_of(text))
    assert rec.title == "Ghana trains its labour inspectors"
    assert rec.description.startswith("The Ministry of Labour asked")


def test_a_news_body_ends_at_its_reference_tag() -> None:
    """After the reference tag comes the page's end, whatever its lines (spec: a body may end with a tag)."""
    tag = "SOCIEUX+ 2024-23 TUNISIA, ACT. 3 (20.11 – 21.11.2024)"
    text = ("Ghana trains its labour inspectors\n" + BODY + tag + "\nTags: migration, Maghreb\nPrint | Share\n"
            "SOCIEUX+ is funded by the European Union and implemented by Expertise France, FIIAPP and Enabel.\n")
    rec, = split_document(doc_of(text))
    assert rec.description.endswith(tag) and "tag" in rec.fields


@pytest.mark.parametrize("link", ["Previous: Niger: ANPE trains its job counsellors (12.03.2019)",
                                  "← Previous article: Togo reviews its social registry",
                                  "Next: Benin: a new pension simulator (03.05.2019)"])
def test_a_news_body_ends_before_the_links_to_the_previous_and_next_items(link: str) -> None:
    """The page's links to its neighbours are no part of the body (nor is the date of the linked item)."""
    text = "Ghana trains its labour inspectors\n" + BODY + "Share: Facebook | Twitter | LinkedIn\n" + link + "\n"
    rec, = split_document(doc_of(text))
    assert rec.description == BODY.strip()


@pytest.mark.parametrize("tail", [
    "Share: f · in · ✉\n\nMore from West Africa\nGuinea-Bissau: INPS trains its inspectors – 13 Mar 2023\n"
    "Subscribe to our newsletter\n© SOCIEUX+ 2023 – Funded by the European Union\n",
    "Compartir en: Facebook · LinkedIn · WhatsApp\nTe puede interesar\nCosta Rica: el MTSS fortalece la "
    "intermediación laboral — 02/05/2022\nSuscríbete a nuestro boletín\n",
    "Partager : Facebook LinkedIn Courriel\nSur le même sujet\nMadagascar : le FID forme ses agents (21/02/2023)\n",
    "Share on Facebook   Share on X   Share by email\nRecent posts\nDominica: DSS reviews its sickness benefit – "
    "June 18, 2024\n",
    "Leave a comment\nRelated posts:\nEcuador: MIES reviews its day-care centres (September 30, 2019)\n",
    "**Read next:** [North Macedonia: ESA opens youth corners](/en/news/mk-esa/) — *11 May 2023*\n",
    "#SocialProtection #DecentWork #Namibia\n👍❤️👏 73 · 5 comments · 9 reposts\nLike    Comment    Repost    Send\n",
    "Print | Download PDF\nLast updated: 12/05/2023\n",
    "Was this article useful?   Yes   No\n",
    "Posted in Asia, News | Tagged informal economy, Section 40, Thailand\n",
    "Imprimer | Envoyer à un ami | Partager\nMots-clés : migration de main-d'œuvre, Libye\nÀ lire également : Tunisie : "
    "l'ANETI forme ses conseillers (31/01/2022)\nPlan du site | Mentions légales | Accessibilité : partiellement conforme\n",
    "- ENDS -\nNotes to editors\nSOCIEUX+ is an EU-funded technical cooperation facility set up in 2013.\n",
], ids=["more-from", "te-puede-interesar", "sur-le-meme-sujet", "recent-posts", "leave-a-comment", "read-next",
        "social-post", "last-updated", "was-this-useful", "posted-in-tagged", "french-page-end", "press-release-end"])
def test_a_news_body_ends_before_the_pages_end_in_its_many_shapes(tail: str) -> None:
    """Share widgets, lists of other news (with their dates), comment prompts and newsletter calls, in the site's
    languages, are no part of the body."""
    rec, = split_document(doc_of("Ghana trains its labour inspectors\n" + BODY + tail))
    assert rec.description == BODY.strip()


def test_a_caption_under_the_headline_is_no_body() -> None:
    text = ("Ghana trains its labour inspectors\n▲ Inspectors at work in Kumasi. Photo: Ministry of Labour / SOCIEUX+\n"
            + BODY)
    rec, = split_document(doc_of(text))
    assert rec.description == BODY.strip()


def test_a_funding_line_ends_no_body() -> None:
    text = ("Ghana trains its labour inspectors\n" + BODY + "Share  f  X  in\n"
            "SOCIEUX+ – Expertise for social protection, labour and employment. Funded by the European Union.\n")
    rec, = split_document(doc_of(text))
    assert not rec.description.endswith("Union.") and "Funded" not in rec.description


def test_a_headline_is_kept_when_no_date_line_follows_it():
    """Without a date line in the page's head nothing above the headline is dropped but chrome."""
    text = "Ghana trains its labour inspectors on risk-based inspection\n" + BODY
    rec, = split_document(doc_of(text))
    assert rec.title == "Ghana trains its labour inspectors on risk-based inspection"


@pytest.mark.parametrize(
    ("labels", "ongoing"),
    [
        (("Début des activités", "Fin des activités", "Institution partenaire", "Type d'assistance", "Description"),
         "En cours"),
        (("Inicio de actividades", "Fin de actividades", "Institución socia", "Tipo de asistencia", "Descripción"),
         "En curso"),
        (("Início das atividades", "Fim das atividades", "Instituição parceira", "Tipo de assistência", "Descrição"),
         "Em curso"),
    ],
)
def test_labels_in_the_sites_other_languages(labels, ongoing):
    start, end, institution, types, description = labels
    text = ("Actions\n  • Inspection reform in Ghana\n"
            f"    {start}\n    01/03/2023\n    {end}\n    {ongoing}\n"
            f"    {institution}\n    Labour Department (LD)\n    {types}\n    Institutional capacity building\n"
            f"    {description}\n    Experts reviewed the inspection manual with the Department.\n"
            "  • Pension reform in Togo\n"
            f"    {institution}\n    Caisse de retraite du Togo (CRT)\n    {description}\n    Experts advised.\n")
    first, second = split_document(doc_of(text))
    assert first.partner_institution == "Labour Department (LD)"
    assert first.assistance_types == ["Institutional capacity building"]
    assert first.description == "Experts reviewed the inspection manual with the Department."
    assert first.values["start_activities"] == "01/03/2023"
    assert first.values["end_activities"] == ongoing  # read as the field's value: no description text
    assert second.partner_institution == "Caisse de retraite du Togo (CRT)"


def test_a_dash_list_with_french_labels_is_a_listing():
    text = ("-\nInspection reform in Ghana\n- Institution partenaire\n- Labour Department (LD)\n"
            "- Description\n- Experts reviewed the manual.\n")
    assert detect_kind(text) == "listing"
    rec, = split_document(doc_of(text))
    assert rec.partner_institution == "Labour Department (LD)"


BLOCKS = """SOCIEUX+ actions in Asia

Recognition of prior learning for returning migrant workers
Bureau of Manpower, Employment and Training (BMET)
Individual capacity building (human resources development)
A Filipino expert and an Irish expert trained BMET assessors in Dhaka in 2022.

Feasibility of unemployment insurance
Ministry of Labour and Social Protection of Mongolia
Policy development
Experts from Korea and from Lithuania contributed online in the autumn of 2020.
"""


def test_a_listing_whose_bullets_were_lost_splits_on_blank_lines():
    """A page copied from a browser keeps the records as blank-line separated blocks."""
    assert detect_kind(BLOCKS) == "listing"
    first, second = split_document(doc_of(BLOCKS))
    assert (first.title, first.partner_institution) == (
        "Recognition of prior learning for returning migrant workers", "Bureau of Manpower, Employment and Training (BMET)")
    assert first.assistance_types == ["Individual capacity building (human resources development)"]
    assert first.description.startswith("A Filipino expert")
    assert second.assistance_types == ["Policy development"] and second.index == 1


DETACHED_BLOCKS = """Actions in Senegal
Home > Actions by country > Senegal
Modernising pension management at the National Pension Fund

National Pension Fund [Fonds National de Retraites] (FNR)
Financial management (incl. budgeting) Information management systems
A French expert audited the Fund's pension calculation processes in Dakar in October 2019.
Social protection for artisanal fishers

Ministry of Fisheries and Maritime Economy
Policy development
Training of labour inspectors on child labour

Individual capacity building (human resources development)
Experts from Belgium trained 30 inspectors in Thiès.
This website uses cookies to offer you a better browsing experience. Accept all cookies | Only essential cookies
"""


def test_a_browser_copy_keeps_each_title_above_a_blank_line():
    """Bullets lost, each title is the last line of the group above its fields; the last record ends before
    the page's cookie banner."""
    assert detect_kind(DETACHED_BLOCKS) == "listing"
    recs = split_document(doc_of(DETACHED_BLOCKS))
    assert [r.title for r in recs] == ["Modernising pension management at the National Pension Fund",
                                       "Social protection for artisanal fishers",
                                       "Training of labour inspectors on child labour"]
    assert [r.partner_institution for r in recs] == [
        "National Pension Fund [Fonds National de Retraites] (FNR)", "Ministry of Fisheries and Maritime Economy", None]
    assert recs[0].assistance_types == ["Financial management (incl. budgeting)", "Information management systems"]
    assert recs[1].description is None  # the next title is no description
    assert recs[2].description == "Experts from Belgium trained 30 inspectors in Thiès."
    for r in recs:
        for name, (a, b) in r.fields.items():
            assert r.text[a:b] == getattr(r, name, None) or name not in ("title", "partner_institution", "description")


def test_a_heading_with_a_colon_of_its_own_titles_the_labels_under_it(tmp_path: Path):
    """A Markdown heading such as "## Kazakhstan: long-term care …" is a title, not an unknown field."""
    path = tmp_path / "actions.md"
    path.write_text("# Actions\n\n## Kazakhstan: long-term care insurance feasibility study\n\n"
                    "- **Type of assistance:** Policy development\n- **Description:** German experts analysed the "
                    "practices in Astana.\n\n## Support to the employment agency\n\n- **Partner institution:** "
                    "National Employment Agency\n- **Description:** Experts from Italy delivered a workshop.\n",
                    encoding="utf-8")
    recs = split_document(read_document(path))
    assert [r.title for r in recs] == ["Kazakhstan: long-term care insurance feasibility study",
                                       "Support to the employment agency"]
    assert recs[0].assistance_types == ["Policy development"]


def test_types_one_a_line_under_their_label_and_link_lines_closing_a_record():
    text = ("  • Support to the labour inspectorate\n    Partner Institution\n    National Superintendency of Labour "
            "Inspection\n    Type of Assistance\n    Institutional capacity building\n    Information management "
            "systems\n    Inspectors from Portugal reviewed the planning tools.\n    Read more about this action\n"
            "  • Developing an implementation plan\n    Partner Institution\n    Ministry of Labour\n"
            "    Type of Assistance\n    Policy development\n    Experts assessed the capacities.\n"
            "    Read more about this action\n")
    first, second = split_document(doc_of(text))
    assert first.assistance_types == ["Institutional capacity building", "Information management systems"]
    assert first.description == "Inspectors from Portugal reviewed the planning tools."
    assert second.description == "Experts assessed the capacities."


def test_types_continued_on_the_line_after_their_labelled_value():
    """An HTML cell's <br> between two labels: "Type of Assistance: Policy development" / "Information management
    systems" (a known label alone on its line) is one field, not the start of the description."""
    text = ("  • Peer review of the monitoring framework\n    Partner Institution: Department of Social Welfare\n"
            "    Type of Assistance: Policy development\n    Information management systems\n    Code:\n"
            "    Description: Experts from Finland reviewed the framework.\n"
            "  • Support to the labour inspectorate\n    Partner Institution: Ministry of Labour\n"
            "    Type of Assistance: Policy development\n    Description: Experts assessed the capacities.\n")
    first, second = split_document(doc_of(text))
    assert first.assistance_types == ["Policy development", "Information management systems"]
    assert first.description == "Experts from Finland reviewed the framework."
    assert second.assistance_types == ["Policy development"]

def test_a_news_item_with_a_blank_line_after_its_headline_stays_one_record():
    text = ("12 June 2023\nGeorgia: employment services reform\n\nThe Social Service Agency of Georgia was "
            "supported by two experts from Estonia in the reform of its employment services, which the Agency had "
            "started in 2021 with the help of the Ministry.\nPolicy development\nThe experts and the staff of the "
            "Agency discussed the new case management procedures during a week of meetings in Tbilisi.\n")
    assert detect_kind(text) == "news"
    assert len(split_document(doc_of(text))) == 1


HEADED_BLOCKS = """# Catalogue of actions: social protection

Selected actions of the facility, each with its partner institution and a description.

## Extending health coverage to workers in the informal economy

**Partner institution:** Agency for Universal Health Coverage (ACMU)
**Type of assistance:** Policy development, Institutional capacity building
**Description:** French experts analysed the enrolment practices of the mutual health organisations.

## Support to the employment agency on the integration of migrants
## into the labour market

**Partner institution:** National Agency for the Promotion of Employment (ANAPEC)
**Description:** Experts from Italy and Spain delivered a three-day workshop in Tangier.

## Strengthening the inspection of social security contributions

**Start activities:** mar-2023
**End activities:** Ongoing
**Partner institution:** Social Security and National Insurance Trust (SSNIT)
**Code:** 2023-05
**Description:** Peer experts from Belgium held online working sessions with SSNIT.

---

*Published: 3 March 2025*
"""


def test_a_heading_over_labelled_fields_is_a_records_title(tmp_path: Path):
    """A Markdown page of "## Title" headings, each over a group of labelled fields (the labels in any
    order, some missing), is a listing of one record a heading; the page's own heading, its lead and a
    labelled line of the footer are no record."""
    path = tmp_path / "catalogue.md"
    path.write_text(HEADED_BLOCKS, encoding="utf-8")
    doc = read_document(path)
    assert doc.kind == "listing"
    first, second, third = split_document(doc)
    assert first.title == "Extending health coverage to workers in the informal economy"
    assert first.partner_institution == "Agency for Universal Health Coverage (ACMU)"
    assert first.assistance_types == ["Policy development", "Institutional capacity building"]
    assert first.description.startswith("French experts")
    assert second.title == "Support to the employment agency on the integration of migrants into the labour market"
    assert second.assistance_types == [] and second.description.startswith("Experts from Italy")
    assert third.title.startswith("Strengthening the inspection")
    assert third.values == {"start_activities": "mar-2023", "end_activities": "Ongoing", "code": "2023-05"}
    for rec in (first, second, third):
        for name, (s, e) in rec.fields.items():
            assert doc.text[rec.start + s : rec.start + e] == rec.text[s:e]


def test_labels_on_lines_of_their_own_are_all_types():
    """Two assistance labels on two lines (an HTML <br> between them) are both types, not the second
    one the description's first line."""
    text = ("  • Support to the Pension Fund on digital services\n\n    Pension Fund (PFU)\n"
            "    Information management systems\n    Organisation/business strategy & planning\n"
            "    Lithuanian experts worked with the PFU team remotely from April to September 2023.\n"
            "  • Labour inspection reform\n\n    Ministry of Labour\n    Policy development\n"
            "    Experts from Spain helped.\n")
    first, second = split_document(doc_of(text))
    assert first.assistance_types == ["Information management systems", "Organisation/business strategy & planning"]
    assert first.description.startswith("Lithuanian experts")
    assert second.assistance_types == ["Policy development"] and second.description == "Experts from Spain helped."


def test_news_paragraphs_are_no_blocks():
    text = ("12 March 2024\nGhana trains its inspectors\n\nThe Ministry of Labour asked SOCIEUX+ for support with "
            "the reform of its inspection services. Two experts came to Accra in May.\n"
            "Policy development\nwas discussed at length by everyone in the workshop.\n\n"
            "A second paragraph says what happened next. It goes on for a while.\n")
    assert detect_kind(text) == "news"


@pytest.mark.parametrize("date_line", [
    "Cập nhật: 15/09/2022 10:30",  # a label in the site's language, a time whose colon splits nothing
    "2 June 2023 at 10:14 · 🌏",  # a social post's time and audience
    "Updated: 2022-07-19 16:42        Source: Department of International Cooperation",
])
def test_a_date_line_with_a_time_of_day(date_line: str) -> None:
    rec, = split_document(doc_of("Ministry of Internal Affairs - Tonga\n" + date_line + "\nGhana trains its labour "
                                 "inspectors\n" + BODY))
    assert rec.title == "Ghana trains its labour inspectors"
    assert rec.description.startswith("The Ministry of Labour asked")


def test_metadata_lines_between_headline_and_body_are_no_body() -> None:
    """A block of "Label: value" lines around the date line (a ReliefWeb or Joomla page), an author line, a
    social count: the page's metadata, whatever its words."""
    text = ("ReliefWeb\n\nDemocratic Republic of the Congo\nGhana trains its labour inspectors\n\nFormat: News and "
            "Press Release\nSource: SOCIEUX+\nPosted: 3 Mar 2021\nOrigin: View original\n\n" + BODY)
    rec, = split_document(doc_of(text))
    assert rec.title == "Ghana trains its labour inspectors" and rec.year == 2021
    assert rec.description.startswith("The Ministry of Labour asked")
    text = "Ghana trains its labour inspectors\nMette Holm · Follow\nPublished in Field Notes · Oct 5, 2021\n👏 48 · 💬 2\n" + BODY
    rec, = split_document(doc_of(text))
    assert rec.title == "Ghana trains its labour inspectors" and rec.description.startswith("The Ministry of Labour asked")


def test_a_short_headline_with_a_colon_above_its_date_line_stays_the_headline() -> None:
    rec, = split_document(doc_of("SOCIEUX+\nKosovo pensions: years abroad now count\n12 March 2024\n" + BODY))
    assert rec.title == "Kosovo pensions: years abroad now count"


def test_the_headline_under_a_breadcrumb_over_a_byline_block() -> None:
    """Trail, headline, then a block of source line and date line: the source is no headline."""
    text = ("EEAS – European External Action Service\nHome  >  EU Office in Kosovo*  >  News and events\n"
            "Ghana trains its labour inspectors on risk-based inspection\n\n"
            "Press and information team of the EU Office in Kosovo*\n16.06.2023\n\n" + BODY)
    rec, = split_document(doc_of(text))
    assert rec.title == "Ghana trains its labour inspectors on risk-based inspection" and rec.year == 2023
    assert rec.description.startswith("The Ministry of Labour asked")


@pytest.mark.parametrize("tail", [
    # a footer's menu and a footnote on the body's mark, after the body's last sentence
    "Editorial Sections:  Kosovo*  |  Social protection\n* This designation is without prejudice to positions on "
    "status, and is in line with UNSCR 1244/1999.\nEEAS  |  Contact  |  Legal notice  |  Accessibility\n",
    # an author's box ending with a sentence of its own
    "Labour Inspection · Uruguay\n👏 48\nWritten by Mette Holm\n86 Followers · Writer for Field Notes\n"
    "Labour inspector. Copenhagen.\n",
    # a blog's post footer
    "Posted by Tendai M. at 10:14\nNo comments:\nLabels: NSSA, rehabilitation\nPowered by Blogger.\n",
    # a widget line a few lines before the end: the site's self-description after it
    "Topics: labour inspection · oil sector\nShare this story:  Facebook   X   WhatsApp\nEye Radio is an independent "
    "South Sudanese radio station broadcasting news and current affairs.\n",
    "Share on Facebook   Share on X   Share on WhatsApp\nLoading comments...\n",
    "Page 3\nFenui is published by the Tuvalu Media Department, Government of Tuvalu. Fakafetai lasi.\n",
    "For more information, contact the FSM Social Security Administration, P.O. Box L, Kolonia, Pohnpei FM 96941.\n",
    # a disclaimer and a copyright with its site's code
    "Kindly share this story:\nDisclaimer: Comments expressed by readers are their own.\n"
    "Copyright © Ministry of Labour. All rights reserved.\n京ICP备12345678号\n",
])
def test_a_news_body_ends_with_its_last_sentence(tail: str) -> None:
    rec, = split_document(doc_of("Ghana trains its labour inspectors\n" + BODY + tail))
    assert rec.description == BODY.strip()


def test_a_teaser_inside_the_body_is_dropped_not_an_end() -> None:
    first, second = BODY.strip().split("\n", 1) if "\n" in BODY.strip() else (BODY.strip(), "")
    text = ("Ghana trains its labour inspectors\n" + first + "\nREAD ALSO: Kaduna begins enrolment of artisans\n"
            "Advertisement\nThe review went on for two more weeks with the inspectors of the regional offices.\n")
    rec, = split_document(doc_of(text))
    assert rec.description == first + "\nThe review went on for two more weeks with the inspectors of the regional offices."


@pytest.mark.parametrize("head", [
    # a section label under the date line is no headline
    "BelTA – Belarusian Telegraph Agency\nPolitics | Economics | Society | Regions\nGhana trains its labour inspectors on "
    "risk-based inspection\n\n14 November 2019, 16:05\nSociety\n\n",
    # a radio's tagline and menu, an author line, a relative publication time
    "Eye Radio\n98.6 FM Juba | Listen Live\nNews   Business   Sports   Programs\nGhana trains its labour inspectors on "
    "risk-based inspection\n\nAuthor: Okot Emmanuel\nPublished 3 hours ago\nListen to this article\n\n",
    # no date line the head can be read from: a press release's line with its date, a newsletter's masthead
    "Présidence de la Polynésie française\nAccueil › Actualités › Communiqués\nCommuniqué de presse du 17 mai 2023\n"
    "Ghana trains its labour inspectors on risk-based inspection\n\n",
    "FENUI – NEWS FROM TUVALU\nTuvalu Media Department · Funafuti\nVol. 7 · Issue 21 · Friday 9 June 2023\n"
    "Ghana trains its labour inspectors on risk-based inspection\n\n",
])
def test_the_headline_is_the_last_line_shaped_like_one_before_the_body(head: str) -> None:
    rec, = split_document(doc_of(head + BODY))
    assert rec.title == "Ghana trains its labour inspectors on risk-based inspection"
    assert rec.description.startswith("The Ministry of Labour asked")


# -- labelled blocks: "Label: value" lines of other catalogues (models/data/record_labels.tsv) ---------------
PLAIN_LABELLED = """SOCIEUX+ actions in West Africa

The facility supports partner institutions across the region: the actions below list their partners.

Action title: Strengthening the labour inspectorate on occupational safety and health
Action number: 2022-14
Country: Ghana
Beneficiary institution: Ministry of Employment and Labour Relations (MELR)
Type of support: Individual capacity building (human resources development); Policy development
Start: 14/03/2022
End: Ongoing
Summary: The Labour Department asked for support to review its inspection procedures.
A second mission took place in Kumasi in 2023.

Action title: Social dialogue forum
Action number: 2021-30
Country: Côte d'Ivoire
Beneficiary institution: Ministère de l'Emploi et de la Protection Sociale (MEPS)
Type of support: Policy development
Start:
End: 30/11/2021
SDG: 8
Summary: French experts supported the ministry in preparing the national social dialogue forum.
"""

#: other orders, mixed case, a title label that is not first, records without a blank line between them,
#: a value under its empty label, a rule line, unknown labels, a sentence with a colon in a description
OTHER_ORDERS = """Our actions

ACTION NUMBER: 2023-02
action title: Digital registration of informal workers
Beneficiary : Social Security Fund (CNSS)
Partner country: Senegal
Types of support: Policy development
Dates: 2023 – 2024
Code: 2023-03
Title: Pension reform dialogue
Requesting institution: Ministry of Labour
Abstract: Experts from Spain advised the ministry.
The experts recommended: a new law, a registry of workers and an outreach campaign for the self-employed.
Number of experts: 3

Reference: —
Title: Training of social workers
Partner institution(s): National Agency for Social Action
Start date: n/a
End date: 2024
Description:
A Belgian expert trained staff.
-----
Action title: Actuarial valuation of the pension fund
Partner: Caisse de retraite
Summary: Short.
"""


def _records_of(text: str, name: str = "page.txt", tmp_path: Path | None = None):
    if tmp_path is None:
        doc = doc_of(text, name)
    else:
        (tmp_path / name).write_text(text, encoding="utf-8")
        doc = read_document(tmp_path / name)
    return doc, split_document(doc)


def _check_offsets(doc, rec) -> None:
    """Every field's span holds its value, in the record and in the document."""
    for name, (s, e) in rec.fields.items():
        assert doc.text[rec.start + s : rec.start + e] == rec.text[s:e]
        value = rec.text[s:e]
        if name in rec.values:
            assert value == rec.values[name]
        elif name == "partner_institution":
            assert value == rec.partner_institution
        elif name == "description":
            assert value == rec.description
        elif name == "title" and "\n" not in value:
            assert value == rec.title


@pytest.mark.parametrize(("text", "name", "expected"), [
    (PLAIN_LABELLED, "page.txt", [
        {"title": "Strengthening the labour inspectorate on occupational safety and health",
         "partner_institution": "Ministry of Employment and Labour Relations (MELR)",
         "assistance_types": ["Individual capacity building (human resources development)", "Policy development"],
         "description": "The Labour Department asked for support to review its inspection procedures.\n"
                        "A second mission took place in Kumasi in 2023.",  # the unlabelled line goes on
         "values": {"code": "2022-14", "country": "Ghana", "start_activities": "14/03/2022", "end_activities": "Ongoing"}},
        {"title": "Social dialogue forum", "partner_institution": "Ministère de l'Emploi et de la Protection Sociale (MEPS)",
         "assistance_types": ["Policy development"],
         "description": "French experts supported the ministry in preparing the national social dialogue forum.",
         # "Start:" is a missing value; "SDG: 8" is no field
         "values": {"code": "2021-30", "country": "Côte d'Ivoire", "end_activities": "30/11/2021"}},
    ]),
    (OTHER_ORDERS, "page.txt", [
        {"title": "Digital registration of informal workers", "partner_institution": "Social Security Fund (CNSS)",
         "assistance_types": ["Policy development"], "description": None,
         "values": {"code": "2023-02", "country": "Senegal", "period": "2023 – 2024"}},
        {"title": "Pension reform dialogue", "partner_institution": "Ministry of Labour", "assistance_types": [],
         "description": "Experts from Spain advised the ministry.\nThe experts recommended: a new law, a registry of "
                        "workers and an outreach campaign for the self-employed.",
         "values": {"code": "2023-03"}},
        {"title": "Training of social workers", "partner_institution": "National Agency for Social Action",
         "assistance_types": [], "description": "A Belgian expert trained staff.",  # "Reference: —", "Start date: n/a"
         "values": {"end_activities": "2024"}},
        {"title": "Actuarial valuation of the pension fund", "partner_institution": "Caisse de retraite",
         "assistance_types": [], "description": "Short.", "values": {}},
    ]),
    (HEADED_BLOCKS, "catalogue.md", [
        {"title": "Extending health coverage to workers in the informal economy",
         "partner_institution": "Agency for Universal Health Coverage (ACMU)",
         "assistance_types": ["Policy development", "Institutional capacity building"],
         "description": "French experts analysed the enrolment practices of the mutual health organisations.",
         "values": {}},
        {"title": "Support to the employment agency on the integration of migrants into the labour market",
         "partner_institution": "National Agency for the Promotion of Employment (ANAPEC)", "assistance_types": [],
         "description": "Experts from Italy and Spain delivered a three-day workshop in Tangier.", "values": {}},
        {"title": "Strengthening the inspection of social security contributions",
         "partner_institution": "Social Security and National Insurance Trust (SSNIT)", "assistance_types": [],
         "description": "Peer experts from Belgium held online working sessions with SSNIT.",
         "values": {"start_activities": "mar-2023", "end_activities": "Ongoing", "code": "2023-05"}},
    ]),
], ids=["plain-text", "other-orders", "markdown-heading-bold-labels"])
def test_labelled_blocks_are_one_record_an_action(tmp_path: Path, text: str, name: str, expected: list[dict]) -> None:
    doc, recs = _records_of(text, name, tmp_path)
    assert doc.kind == "listing"
    got = [{"title": r.title, "partner_institution": r.partner_institution, "assistance_types": r.assistance_types,
            "description": r.description, "values": r.values} for r in recs]
    assert got == expected
    assert [r.index for r in recs] == list(range(len(expected)))
    for rec in recs:
        _check_offsets(doc, rec)
        assert rec.heading is not None and rec.heading[2] == doc.text[rec.heading[0] : rec.heading[1]]
        assert rec.heading[1] <= recs[0].start  # the page's heading and intro are no record's


MARKDOWN_LABELLED = """# Catalogue of actions: Latin America

Selected actions with their partners.

### Strengthening the pension supervision of Paraguay
- **Partner:** Ministry of Labour, Employment and Social Security (MTESS)
- **Country:** Paraguay
- **Assistance:** Policy development, Institutional capacity building
- **Action ID:** 2021-12
- **Period:** 01/03/2021 – 15/10/2021
- **Description:** Experts from Spain and Uruguay reviewed the supervision framework with the ministry.

#### Employment services for young people in Peru

* **Partner**: Ministry of Labour and Employment Promotion (MTPE)

* **country**: Peru

* **Action ID**: —
* **Period**: from 09/2022 (ongoing)
* **SDG**: 8
* **Description**: A Portuguese expert trained counsellors of the public employment service.

## Digital services of the social security institute
- **Partner:** Instituto de Previsión Social (IPS)
- **Period:** —
- **Description:** Experts from Estonia advised the institute.

*Published: 3 March 2025*
"""


def test_markdown_headings_over_bold_labels(tmp_path: Path) -> None:
    """Any heading level over "- **Label:** value" bullets (tight or loose lists); "—" is a missing value."""
    doc, recs = _records_of(MARKDOWN_LABELLED, "latam.md", tmp_path)
    assert doc.kind == "listing"
    assert [r.title for r in recs] == ["Strengthening the pension supervision of Paraguay",
                                       "Employment services for young people in Peru",
                                       "Digital services of the social security institute"]
    first, second, third = recs
    assert first.partner_institution == "Ministry of Labour, Employment and Social Security (MTESS)"
    assert first.assistance_types == ["Policy development", "Institutional capacity building"]
    assert first.values == {"country": "Paraguay", "code": "2021-12", "period": "01/03/2021 – 15/10/2021"}
    assert second.values == {"country": "Peru", "period": "from 09/2022 (ongoing)"}  # "Action ID: —" is none
    assert second.description == "A Portuguese expert trained counsellors of the public employment service."
    assert third.values == {} and third.description == "Experts from Estonia advised the institute."
    assert "Published" not in third.text  # the page's footer
    for rec in recs:
        _check_offsets(doc, rec)


@pytest.mark.parametrize(("line", "field", "value"), [
    ("Code: 2021-12", "code", "2021-12"),
    ("Action ID: —", "code", None),  # a "none" mark
    ("Code: see below", "code", None),  # a value of another form
    ("Reference: SOCIEUX+ 2022-14", "code", "2022-14"),  # the code inside a longer value
    ("Action number: 2021-03 and 2021-04", "code", None),  # two codes: which is the action's?
    ("Start:", "start_activities", None),
    ("Start: 09/2022", "start_activities", "09/2022"),
    ("End: Ongoing", "end_activities", "Ongoing"),
    ("Start date: TBC", "start_activities", None),
    ("Period: 10/2023 – 06/2024", "period", "10/2023 – 06/2024"),
    ("Period: from 09/2022 (ongoing)", "period", "from 09/2022 (ongoing)"),
    ("Dates: —", "period", None),
    ("Period: to be confirmed", "period", None),
    ("Partner: N/A", "partner_institution", None),
    ("- **Beneficiary country:** Togo", "country", "Togo"),
    ("COUNTRY : Peru", "country", "Peru"),
    ("Type(s) of assistance: Policy development", "assistance_types", "Policy development"),
])
def test_a_labelled_value_has_its_fields_form(line: str, field: str, value: str | None) -> None:
    from pipeline.labels import read_labelled
    from pipeline.lines import Line

    hit = read_labelled(Line(10, 10 + len(line), line))
    assert hit is not None and hit.field == field
    if value is None:
        assert hit.value is None
    else:
        assert hit.value.text == value and line[hit.value.start - 10 : hit.value.end - 10] == value


@pytest.mark.parametrize(("line", "other"), [
    ("SDG: 8", True),
    ("Sustainable Development Goals (SDGs): 8, 10", True),
    ("Number of experts: 3", True),
    ("Note: the action was extended.", True),
    ("The experts recommended: a new law, a registry and a campaign.", False),  # a sentence with a colon
    ("In 2022: the ministry adopted the plan.", False),
    ("From January to March: three missions took place.", False),
    ("Three pillars of the reform were discussed at length in the workshop: coverage, adequacy, financing.", False),
    ("Country: Ghana", False),  # a known label
    ("See https://socieux.eu/actions for more", False),
])
def test_an_unknown_label_is_short_and_no_sentence(line: str, other: bool) -> None:
    from pipeline.labelled import _is_other_label
    from pipeline.lines import Line

    assert _is_other_label(Line(0, len(line), line)) is other


@pytest.mark.parametrize("text", [
    # a news item with a fact box and a page's metadata lines: one news record, its headline kept
    "Ghana trains its labour inspectors on risk-based inspection\nPublished: 12 March 2024\nCountry: Ghana\n"
    "Partner: Ministry of Employment and Labour Relations\n\nThe Ministry of Labour asked SOCIEUX+ for support with "
    "the reform of its inspection services. Two experts came to Accra in May and trained forty inspectors.\n\n"
    "Tags: Labour inspection · Ghana\n",
    # "Summary:" and "Background:" paragraphs of a news item
    "Ghana trains its labour inspectors on risk-based inspection\n12 March 2024\n\nSummary: The Ministry of Labour "
    "asked SOCIEUX+ for support with the reform of its inspection services.\n\nBackground\n\nDescription: Two "
    "experts came to Accra in May and trained forty inspectors of the regional offices.\n",
], ids=["fact-box", "summary-paragraphs"])
def test_a_news_item_with_labelled_lines_stays_one_news_record(text: str) -> None:
    doc = doc_of(text, "news.txt")
    assert doc.kind == "news"
    (rec,) = split_document(doc)
    assert rec.kind == "news" and rec.title == "Ghana trains its labour inspectors on risk-based inspection"
    assert "two experts came to accra" in rec.description.casefold()


@pytest.mark.parametrize("text", [
    # one labelled block is not a listing of them
    "Our action\n\nAction title: Digital registration of informal workers\nPartner: Social Security Fund (CNSS)\n"
    "Summary: Experts from Spain advised the fund. They met the board twice.\n",
    # metadata groups without record fields
    "Ghana trains its labour inspectors\n\nSource: SOCIEUX+\nCountry: Ghana\n\nFormat: News\nCountry: Togo\n",
], ids=["single-block", "metadata-groups"])
def test_groups_of_labels_that_are_no_listing(text: str) -> None:
    from pipeline.labelled import split_labelled

    assert split_labelled(doc_of(text)) == []
    assert detect_kind(text) != "listing"


def test_a_bullet_listing_with_colon_labels_is_still_read_by_bullets() -> None:
    """The spec's bullets keep their reader: inline labels (new synonyms too) are fields of the bullet's record,
    a title label on the bullet line is its title, and "Code: —" under a label is a missing value."""
    text = ("Actions\n  • Action title: Inspection reform in Ghana\n    Partner: Labour Department (LD)\n"
            "    Country: Ghana\n    Period: 01/2023 – 06/2023\n    Summary: Experts reviewed the manual.\n"
            "  • Pension reform in Togo\n    Caisse de retraite du Togo (CRT)\n    Code\n    —\n    Experts advised.\n")
    doc = doc_of(text)
    first, second = split_document(doc)
    assert first.title == "Inspection reform in Ghana" and first.partner_institution == "Labour Department (LD)"
    assert first.values == {"country": "Ghana", "period": "01/2023 – 06/2023"}
    assert first.description == "Experts reviewed the manual."
    assert second.partner_institution == "Caisse de retraite du Togo (CRT)" and second.values == {}
    assert second.description == "Experts advised."
    for rec in (first, second):
        _check_offsets(doc, rec)


def test_a_labelled_last_line_is_no_page_footer() -> None:
    """"End activities: 07-11-2023" reads like a page's date line but is the last record's field."""
    text = ("Actions\n  • Inspection reform in Ghana\n    Partner Institution: Labour Department (LD)\n"
            "  • Pension reform in Togo\n    Partner Institution: Caisse de retraite du Togo (CRT)\n"
            "    End activities: 07-11-2023\n")
    assert split_document(doc_of(text))[-1].values == {"end_activities": "07-11-2023"}


def test_record_labels_file_is_well_formed() -> None:
    from pipeline.paths import DATA_DIR

    rows = [r.split("\t") for r in (DATA_DIR / "record_labels.tsv").read_text(encoding="utf-8").splitlines()
            if r.strip() and not r.startswith("#")]
    assert all(len(r) == 4 for r in rows)
    assert {r[2] for r in rows} == {"any", "date", "code", "range"} and {r[3] for r in rows} == {"yes", "no"}
    keys = [" ".join(r[0].split()).casefold() for r in rows]
    assert len(keys) == len(set(keys))  # one field a label
    assert {r[1] for r in rows} == {"title", "code", "partner_institution", "assistance_types", "description",
                                    "start_activities", "end_activities", "country", "period"}


def test_a_labelled_intro_and_footer_are_the_pages() -> None:
    """On a page whose records have title labels, a labelled intro line under the page's heading is no record,
    and the footer after the last record ("Contact: …", a copyright) is no field of it."""
    text = ("SOCIEUX+ actions in West Africa\n\nSummary: this page lists the actions of the facility in the region.\n\n"
            "Action title: Strengthening the labour inspectorate\nCountry: Ghana\n"
            "Beneficiary institution: Ministry of Employment and Labour Relations (MELR)\n\n"
            "Action title: Social dialogue forum\nCountry: Côte d'Ivoire\nSummary: French experts supported the ministry.\n"
            "Contact: info@socieux.eu\n© 2024 SOCIEUX+ – Funded by the European Union\n")
    doc = doc_of(text)
    first, second = split_document(doc)
    assert first.title == "Strengthening the labour inspectorate" and first.description is None
    assert "this page lists" in first.heading[2]
    assert second.description == "French experts supported the ministry." and "©" not in second.text
