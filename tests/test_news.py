"""Tests of pipeline/news.py (and the page chrome of pipeline/chrome.py): a news item is one record, its
headline found among the page's date line, publisher, section and credit lines, its body cut before the
page's end."""

from __future__ import annotations

import pytest

from pipeline.documents import Document, detect_kind, text_document
from pipeline.split import split_document


def doc_of(text: str, name: str = "t.txt") -> Document:
    return text_document(text, name)


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


def test_news_items_under_one_headline_are_told_apart_by_their_date_line():
    body = ("The Ministry of Labour asked SOCIEUX+ for support with its inspection procedures. Two experts from "
            "Spain reviewed the procedures in the capital and trained thirty inspectors during a week of work.\n")
    first = split_document(doc_of("12 March 2024\nSOCIEUX+ supports the Ministry of Labour\n" + body, "a.txt"))
    later = split_document(doc_of("5 June 2025\nSOCIEUX+ supports the Ministry of Labour\n" + body, "b.txt"))
    again = split_document(doc_of("12 March 2024\nSOCIEUX+ supports the Ministry of Labour\n" + body, "c.txt"))
    assert first[0].kind == "news" and first[0].action_id != later[0].action_id
    assert first[0].action_id == again[0].action_id  # the same item on two sites is one record


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


@pytest.mark.parametrize("tag", [
    "SOCIEUX+ 2022-41 TAJIKISTAN, ACT. 4 (20.11 – 24.11.2023)",
    "Socieux+ 2021-31 Côte d’Ivoire, Act. 3 (29/11 – 03/12/2021)",
    # other separators after the id or the country, an activity spelled out
    "SOCIEUX+ 2019-03 Cabo Verde – Act. 1 & 2 (27.05 – 07.06.2019)",
    "SOCIEUX+ 2017-12 – KYRGYZSTAN – ACT. 1 and 2 (30/10 – 10/11/2017)",
    "SOCIEUX+ 2021-08 Mongolia; Act. 4 (29.11.2021 – 03.12.2021)",
    "SOCIEUX+ 2019-12 Timor-Leste, Activity 2 (2.12 – 13.12.2019)",
])
def test_a_reference_tag_in_capitals_or_in_title_case_is_the_tag(tag):
    """A tag whose country is in title case is read before its activity number ("…, Act. 3 (…)")."""
    doc = doc_of("Experts from Spain and Portugal support Angola's social protection reform\n" + NEWS_BODY
                 + tag + "\nShare: Facebook | X\n", "news.txt")
    (rec,) = split_document(doc)
    assert "tag" in rec.fields and rec.description.endswith(tag)


def test_a_body_sentence_opening_with_the_programme_is_no_tag():
    last = "Socieux+ 2021-31 Supported the Agency in designing its counselling approach for young people."
    doc = doc_of("Experts from Spain and Portugal support Angola's social protection reform\n" + NEWS_BODY + last
                 + "\n", "news.txt")
    (rec,) = split_document(doc)
    assert "tag" not in rec.fields


def test_a_body_sentence_naming_the_funder_stays_the_bodys():
    """A funding phrase far into a sentence of the body is the body's ("…, which is funded by the European
    Union."), not the site's funding line."""
    last = "The study visit concluded the SOCIEUX+ support, which is funded by the European Union."
    doc = doc_of("Experts from Spain and Portugal support Angola's social protection reform\n" + NEWS_BODY + last
                 + "\nShare: LinkedIn · Facebook · X\nFunded by the European Union\n", "news.txt")
    (rec,) = split_document(doc)
    assert rec.description.endswith(last)


@pytest.mark.parametrize("last", [
    "SOCIEUX+ is funded by the European Union and co-financed by France, Spain and Belgium.",
    "The cooperation is funded by the European Union.",
])
def test_a_sentence_saying_who_funds_the_action_is_the_bodys(last: str) -> None:
    """A closing sentence on who funds the facility or the cooperation is the body's; a bare funding line or one
    about the site is the page's."""
    doc = doc_of("Experts from Spain and Portugal support Angola's social protection reform\n" + NEWS_BODY + last
                 + "\n", "news.txt")
    (rec,) = split_document(doc)
    assert rec.description.endswith(last)
    site = doc_of("Experts from Spain and Portugal support Angola's social protection reform\n" + NEWS_BODY
                  + "This website is funded by the European Union.\n", "news.txt")
    (rec,) = split_document(site)
    assert "website" not in rec.description


@pytest.mark.parametrize("note", ["Unofficial translation from Spanish", "Traduction non officielle",
                                  "Notícias (versão em inglês)"])
def test_a_translation_note_over_the_headline_is_the_pages(note: str) -> None:
    """A translated item's note between the publisher's line (or the date line) and the headline is chrome."""
    text = ("3 de octubre de 2024\nMinisterio de Trabajo, Empleo y Seguridad Social – Noticias\n" + note
            + "\nGhana trains its labour inspectors on risk-based inspection\n" + BODY)
    rec, = split_document(doc_of(text))
    assert rec.title == "Ghana trains its labour inspectors on risk-based inspection"
    assert note not in rec.description


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
    "Arbetsförmedlingen – News and press releases",  # a site's own-language name and its news section
    "Sodra | Latest news",
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
    # a headline over two lines in capitals: its first line names a ministry but is no publisher's line
    ("THE MINISTRY OF LABOUR AND SOCIAL PREVISION STRENGTHENS THE NATIONAL EMPLOYMENT SERVICE",
     "WITH SUPPORT OF THE EUROPEAN UNION"),
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
    "Antananarivo, the 23rd of October 2022",  # a dateline's day after "the", an ordinal and "of"
    "Guatemala City, 28 of September of 2023",  # a translation's "of" before the year too
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


def test_a_news_item_with_a_blank_line_after_its_headline_stays_one_record():
    text = ("12 June 2023\nGeorgia: employment services reform\n\nThe Social Service Agency of Georgia was "
            "supported by two experts from Estonia in the reform of its employment services, which the Agency had "
            "started in 2021 with the help of the Ministry.\nPolicy development\nThe experts and the staff of the "
            "Agency discussed the new case management procedures during a week of meetings in Tbilisi.\n")
    assert detect_kind(text) == "news"
    assert len(split_document(doc_of(text))) == 1


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


@pytest.mark.parametrize("note", [
    "(Translated from Portuguese)", "Machine translation from Russian, edited", "Texte traduit du français",
    "Traducción no oficial", "Translated by DeepL", "[Unofficial English translation]",
    "Translated from French. In case of discrepancy, the French version prevails.",
    "[Translation note: unofficial English translation of a press note originally published in Spanish by the "
    "Ministry's Directorate of Communication.]",
    "Note: English translation prepared by the ANOFM Communication Service. Original in Romanian.",
    "[English version prepared by the INPS Communication Office]", "(English version)",
    "[Text translated from Spanish]", "(English version – translated from Portuguese)",
])
def test_a_translation_note_is_not_part_of_the_headline(note: str) -> None:
    doc = doc_of("INPS – Instituto Nacional de Previdência Social | Cabo Verde\nNotícias • 04.10.2024\n" + note + "\n"
                 "Experts from Spain and Portugal support Angola's social protection reform\n" + NEWS_BODY, "news.txt")
    (rec,) = split_document(doc)
    assert rec.title == "Experts from Spain and Portugal support Angola's social protection reform"
    assert rec.year == 2024


@pytest.mark.parametrize("line, note", [
    ("Translation of the Labour Code into Tetum completed", False), ("Translators trained in Dili", False),
    ("Traduction non officielle", True), ("Tradução do inglês", True),
    ("English version of the strategy was adopted", False),
])
def test_translation_note_lines(line: str, note: bool) -> None:
    from pipeline.chrome import is_boilerplate

    assert is_boilerplate(line) is note


def test_a_date_line_with_a_spaced_time_under_the_headline_is_no_body() -> None:
    """"7 de noviembre de 2022 - 10:15 a. m." (a Spanish site's time, "a. m." with a space) is the date line."""
    doc = doc_of("SUNAFIL – Noticias\nPeruvian labour inspectorate reinforces its fight against forced labour\n"
                 "7 de noviembre de 2022 - 10:15 a. m.\n" + NEWS_BODY, "news.txt")
    (rec,) = split_document(doc)
    assert rec.description == NEWS_BODY.strip() and rec.year == 2022


def test_a_kicker_in_capitals_is_not_part_of_the_headline() -> None:
    """"FROM THE FIELD" over a headline in lower case: a newsletter's section, not the headline."""
    doc = doc_of("SOCIEUX+ Newsletter · Issue 19 · Summer 2022\nFROM THE FIELD\n"
                 "Mongolia: a fairer way to decide who receives social welfare benefits\n" + NEWS_BODY, "news.txt")
    (rec,) = split_document(doc)
    assert rec.title == "Mongolia: a fairer way to decide who receives social welfare benefits"


def test_a_headline_wrapped_under_a_translation_note_keeps_both_lines() -> None:
    doc = doc_of("INPS – Instituto Nacional de Previdência Social | Cabo Verde\nPraia, 03/04/2023\n"
                 "[English version prepared by the INPS Communication Office]\n"
                 "Cabo Verde's social security institute modernises its\n"
                 "contribution collection with Portuguese and Brazilian peers\n" + NEWS_BODY, "news.txt")
    (rec,) = split_document(doc)
    assert rec.title == ("Cabo Verde's social security institute modernises its contribution collection with "
                         "Portuguese and Brazilian peers")


@pytest.mark.parametrize("line", [
    "Publié le 04/04/2024 – Mis à jour le 08/04/2024", "Tegucigalpa, M.D.C., 8 de febrero de 2024",
    "Published 02/12/2024 | Updated 03/12/2024", "15 октября 2023 г.",
])
def test_more_date_lines(line: str) -> None:
    from pipeline.chrome import is_date_line

    assert is_date_line(line)


@pytest.mark.parametrize(("line", "chrome"), [
    ("Presse › Pressemitteilungen › International", True), ("Accueil > Actualités > International", True),
    ("(Traducción no oficial al inglés)", True), ("The Ministry > the experts > the staff of the agency in Dili", False),
])
def test_trails_and_notes_in_any_language(line: str, chrome: bool) -> None:
    from pipeline.chrome import is_boilerplate

    assert is_boilerplate(line) is chrome


def test_a_newsletters_update_masthead() -> None:
    from pipeline.chrome import is_masthead

    assert is_masthead("Pacific Social Protection Update | Issue 11 | July–September 2024")


WRAPPED = """Deutsche Rentenversicherung Bund
Presse › Pressemitteilungen › International

Berlin, 15.07.2024

DRV actuaries support the Kyrgyz Social Fund in modernising its pension projections

Two actuaries of Deutsche Rentenversicherung Bund, Dr. Katrin Vogel and Matthias
Brenner, have been supporting the Social Fund of the Kyrgyz Republic in updating
its long-term pension projection model since spring 2024, within an action of
SOCIEUX+, the EU-funded facility for social protection, labour and employment.
"""


def test_a_page_wrapped_at_a_fixed_width_keeps_its_headline_and_first_line() -> None:
    """A plain-text page wrapped at 80 characters: the body's first paragraph is read over its wrapped lines."""
    (rec,) = split_document(doc_of(WRAPPED, "news.txt"))
    assert rec.title == "DRV actuaries support the Kyrgyz Social Fund in modernising its pension projections"
    assert rec.description.startswith("Two actuaries of Deutsche Rentenversicherung Bund")
    assert rec.year == 2024


@pytest.mark.parametrize("tail", [
    "\n--\nUnidad de Comunicación Social\nInspección General de Trabajo\nAVISO: Este mensaje es confidencial.\n",
    "\nFor media enquiries: Communications Unit, MEPIR, Level 4, Civic Tower,\nSuva.\n",
])
def test_a_signature_or_a_press_contact_ends_the_body(tail: str) -> None:
    (rec,) = split_document(doc_of("Ministry of Labour – News\n12 March 2024\nInspectors trained on risk-based "
                                   "inspection planning\n" + NEWS_BODY + tail, "news.txt"))
    assert rec.description == NEWS_BODY.strip()


def test_a_first_person_posts_closing_signature_is_the_bodys() -> None:
    from pipeline.chrome import is_writer_signature

    body = ("I head the Department of Employment Services at the Agency in Dushanbe. When our Agency asked SOCIEUX+ "
            "for support, our question was very concrete.\n")
    signature = "Firuza Rahimova, Head of the Department of Employment Services"
    (rec,) = split_document(doc_of("12 March 2023\nWhat our job centres learned\n" + body + signature + "\n", "news.txt"))
    assert rec.description == body + signature
    # ... not after a report in the third person, and never an organisation's name
    (rec,) = split_document(doc_of("12 March 2023\nJob centres learn\n" + BODY + signature + "\n", "news.txt"))
    assert rec.description == BODY.strip()
    assert is_writer_signature("— Helena Marques, labour inspector, Portugal")
    assert not is_writer_signature("European Commission, Directorate-General for International Partnerships")
    assert not is_writer_signature("Share this story: Facebook, Twitter")


def test_a_newsletters_name_alone_is_a_masthead() -> None:
    from pipeline.chrome import is_masthead

    assert is_masthead("SOCIEUX+ Newsletter") and is_masthead("# Pacific Social Protection Bulletin")
    assert not is_masthead("The newsletter reached 2,000 readers.")


def test_a_subheading_over_the_first_paragraph_is_body_when_the_body_has_more() -> None:
    body = ("Background\nAround eight in ten working Mozambicans earn their living in the informal economy.\n"
            "Three missions, one roadmap\nOver three missions, a mixed team worked with INSS staff in Maputo.\n")
    rec, = split_document(doc_of("Maputo, 22 April 2024\n\nBringing informal workers into social security\n\n" + body))
    assert rec.description.startswith("Background\nAround eight in ten")
    # ... not a lone short line over the body (the page's metadata)
    rec, = split_document(doc_of("12 March 2024\nGhana trains its labour inspectors\nPress office\n" + BODY))
    assert rec.description.startswith("The Ministry of Labour asked")

