"""Tests of `socieux_partner` (spec § partner_country): which country the action supported.

Table-driven: the spec's rules (title wins over a conflicting description;
funders, showcased practices, study-visit destinations and expert origins are
not the partner; an ambiguous case stays null with a reason) and the issue's
hard cases for country names.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.extract import annotate
from pipeline.facts import facts


def partner(nlp: Language, title: str, institution: str, description: str) -> tuple[str | None, list[str]]:
    """(partner country, reasons given for leaving it null)."""
    text = f"  • {title}\n\n    {institution}\n    {description}"
    doc = annotate(nlp, text, {"title": title, "partner_institution": institution, "description": description})
    found = facts(doc)
    value = next((f.value for f in found if f.field == "partner_country"), None)
    notes = [f.extra.get("reason", "") for f in found if f.field == "partner_note"]
    return value, notes


CASES = [
    # the partner named in the title, the institution line or the description
    ("Support to the National Employment Agency of Niger", "ANPE", "Experts from France trained counsellors.", "NE"),
    ("Pension reform in Nigeria", "National Pension Commission", "Experts from Spain reviewed the scheme.", "NG"),
    ("Labour inspection", "Ministry of Labour of Guinea-Bissau", "Experts from Portugal helped.", "GW"),
    ("Social protection", "Ministère de l'Emploi (Côte d'Ivoire)", "Experts from Belgium helped.", "CI"),
    ("Support to the Ministry of Labour", "Ministerio de Trabajo y Promoción del Empleo",
     "The Peruvian ministry asked SOCIEUX+ for support; experts from Spain answered.", "PE"),
    ("Employment services in Lagos State", "Lagos State Ministry of Wealth Creation",
     "Irish experts supported the ministry.", "NG"),
    ("Support to the Kyrgyz Republic's social fund", "Social Fund", "Experts from Latvia helped.", "KG"),
    ("Youth Guarantee in North Macedonia", "Employment Service Agency", "Experts from Slovenia helped.", "MK"),
    ("Social dialogue in Kosovo*", "Ministry of Finance, Labour and Transfers", "Experts from Croatia.", "XK"),
    ("Support to the Dominican Republic's social security", "CNSS", "Experts from Spain helped.", "DO"),
    ("Employment in the Democratic Republic of the Congo", "ONEM", "Belgian experts helped.", "CD"),
    # a title country beats a conflicting description
    ("Support to the Ministry of Labour of Paraguay", "MTESS",
     "The ministry shared the model of Uruguay with experts from Spain.", "PY"),
    # not the partner: expert origins, study-visit destinations, showcased practices, funders
    ("Support to the Ministry of Labour", "Ministry of Labour and Social Protection of Cambodia",
     "A study visit to Finland was organised; experts from Sweden trained staff. The action was funded by "
     "Germany.", "KH"),
    ("Employment policy", "Ministry of Employment of Togo",
     "Experts presented good practices from Morocco and Senegal.", "TG"),
    # a region of the title (a namesake of another country's) does not win over the description's places
    ("Employment services in the departments of the Western Highlands", "Ministry of Labour (MINTRAB)",
     "Job centres in Quetzaltenango, Huehuetenango and Totonicapán were trained by experts.", "GT"),
    # showcased practices coordinated with a restated "of" after a demonym's name
    ("Social pension design", "Ministry of Labour and Social Security",
     "The experts presented the experience of the Bolivian Renta Dignidad and of the Spanish non-contributory "
     "pensions.", None),
    # participants: the countries coordinated after the first one too
    ("Youth employment", "National Employment Office",
     "Counsellors in Tripoli, in northern Lebanon, were trained. The closing seminar was attended by the Ministry "
     "of Labour, UNICEF and the employment services of Jordan and Libya.", "LB"),
    ("Youth employment", "National Employment Office",
     "Counsellors in Tripoli, in northern Lebanon, were trained. Participants from Jordan, Libya and Iraq joined "
     "the closing seminar.", "LB"),
    # the place of an event where something was presented is no showcased practice
    ("Unemployment insurance review", "Social Insurance Organization (SIO)",
     "The Bahraini Social Insurance Organization requested support. The results were presented at a hybrid "
     "seminar in Manama, attended by the Saudi and Omani social insurance institutions.", "BH"),
    # a country the partner learns from is a showcased practice, even in the title
    ("Social Service Agency of Georgia learns from Slovenia's community-based care services", "Social Service Agency",
     "Managers of the agency visited day-care centres.", "GE"),
    ("Pension reform", "Ministry of Labour", "The reform of Honduras was inspired by the Chilean model.", "HN"),
    # a nationality naming the people served is no partner evidence, even in the title
    ("Labour intermediation services for Venezuelan migrants", "Ministry of Labour and Employment Promotion (MTPE)",
     "The MTPE of Peru asked SOCIEUX+ to adapt its job centres in Lima and Tumbes.", "PE"),
    # a study visit's host is its destination (but a host of the partner's own workshop is the partner)
    ("Social insurance reform", "National Social Security Fund (NSSF)",
     "The Lebanese NSSF requested support. A study visit to Lisbon, hosted by the Portuguese Social Security "
     "Institute, followed.", "LB"),
    ("Social insurance reform", "National Social Security Fund (NSSF)",
     "The workshop was hosted by the Cambodian NSSF in Phnom Penh.", "KH"),
    ("Disability assessment", "General Authority for Social Insurance",
     "The Mongolian authority asked for support. A study visit to Helsinki and Tallinn, hosted by Kela and the "
     "Estonian Social Insurance Board, followed.", "MN"),
    # the institution of a (tentative) non-EU expert is no partner cue: "the Pension Service of the Republic
    # of Korea" does not outweigh the partner named by demonym and capital
    ("Pension indexation", "Social Insurance General Office (SIGO)",
     "Mongolian pensions are adjusted each year by resolution. A Lithuanian actuary and an expert of the National "
     "Pension Service of the Republic of Korea reviewed the rules. They were in Ulaanbaatar in November.", "MN"),
    # a sentence setting a country aside: a practice used as a point of comparison, a body not involved
    ("Simplified contributions for micro-entrepreneurs", "National Social Security Institute (INPS)",
     "The institute serves workers in Praia. Brazil's Simples Nacional regime for small taxpayers was used as a "
     "point of comparison throughout.", "CV"),
    ("Child grant case management", "Department of Social Protection (DSP)",
     "Social workers in Gaborone and Francistown took part. South Africa's SASSA, which runs a similar grant, "
     "was not involved.", "BW"),
    # any case, and in a text whose lower case is longer than itself ("İ" → "i̇": offsets found on the text)
    ("Child grant case management", "Department of Social Protection (DSP)",
     "Social workers in Gaborone took part. South Africa's SASSA WAS NOT INVOLVED.", "BW"),
    ("Child grant case management", "Department of Social Protection (DSP)",
     "Social workers in Gaborone (İnstitute staff) took part. South Africa's SASSA was Not Involved.", "BW"),
    # ... but an institution of the country named there still counts
    ("Simplified contributions", "National Social Security Institute (INPS)",
     "The Ministry of Labour of Cabo Verde used the Brazilian regime as a point of comparison.", "CV"),
    # a country named as one of several others is not the partner's; the partner's small towns, listed
    # after "in", are the last resort of a record that names no other place
    ("Electronic services", "Health Insurance Fund (FZO)",
     "Insured persons visit the branch offices in Bar, Pljevlja or Bijelo Polje to obtain a referral for "
     "treatment in Serbia or in another neighbouring country.", "ME"),
    ("Electronic services", "Health Insurance Fund (FZO)",
     "Insured persons obtain a referral for treatment in Serbia or in another neighbouring country.", None),
    # ... also as modifiers after "in the"
    ("Activation of the long-term unemployed", "Cantonal Employment Service",
     "Two experts analysed practices in the Bihać and Cazin offices and trained 18 counsellors.", "BA"),
    # a local authority named by its town too small for the gazetteer: the last resort, when one country
    # outside the EU alone has a place of that name (any case of the noun, before or after the name)
    ("Assessment of local employment policy in Girardota Municipality", "Municipality of Girardota",
     "Spanish experts helped the partner to identify the challenges of the municipal employment service.", "CO"),
    ("Local employment plan", "Alcaldía de Soacha", "Spanish experts helped the municipality.", "CO"),
    ("Local employment plan", "Employment office", "Experts from France advised the mairie de Dapaong.", "TG"),
    # ... not a name several countries share ("San Bartolo": GT, MX, PA, PE) nor two authorities
    # of two countries, nor a town's name after a word that names no local authority
    ("Local employment plan", "Municipalidad de San Bartolo", "Spanish experts helped the municipality.", None),
    ("Local employment plan", "Local employment office",
     "Experts from Spain visited the Municipality of Girardota and the Mairie de Dapaong.", None),
    ("Local employment plan", "Local employment office", "Experts from Spain visited the office of Girardota.", None),
    # a single town, or towns that several countries share, are no evidence
    ("Electronic services", "Health Insurance Fund (FZO)", "Insured persons visit the office in Pljevlja.", None),
    ("Electronic services", "Health Insurance Fund (FZO)", "Workers in Union and Victoria were trained.", None),
    # a donor named by its government; a visit with its visitors before its destination
    ("Vocational rehabilitation", "National Social Security Authority (NSSA)",
     "The experts trained the staff in Bulawayo. The new equipment was donated by the Government of Japan.", "ZW"),
    ("Occupational safety", "Private Organizations Employees' Social Security Agency (POESSA)",
     "Experts trained the staff in Addis Ababa. A study visit of POESSA managers to Kigali is planned for 2022.", "ET"),
    # benefits paid by the partner's institution name no funder; a body a relative clause says funds the work is one
    ("Social welfare review", "Department of Social Services",
     "A review of the benefits paid by the Niue Government's Department of Social Services is under way. "
     "Most Niueans live in New Zealand.", "NU"),
    ("Case management", "Social Services Department",
     "Officers of the Montserrat Social Security Fund were trained. The minister thanked the UK's Department for "
     "International Development, which has funded most of the island's social programmes.", "MS"),
    # a visit to an institution of a place is the visit's destination
    ("Case management", "Directorate of Social Affairs (DSA)",
     "The experts trained the case managers in Windhoek. In March 2020 two of the case managers made a study visit "
     "to the UWV office in Eindhoven.", "NA"),
    # people who only attended or watched are no partner; a country whose practice the partner studies neither
    ("Virtual training on pension projections", "Instituto de Previsión Social (IPS)",
     "Asunción. Technical staff of the Institute took part in a virtual training. Officials of Uruguay's Banco de "
     "Previsión Social followed the sessions as guests.", "PY"),
    ("Consultation seminar on unemployment insurance", "Department of Employment",
     "HANOI, 21 August 2024 – The seminar was held in Hanoi. Officials from the Lao Ministry of Labour and Social "
     "Welfare also attended.", "VN"),
    ("Employment officers return from study visit", "General Office for Labour and Welfare Services",
     "The experts held workshops in Ulaanbaatar. \"We saw how the Estonian fund profiles jobseekers,\" said the head "
     "of the department.", "MN"),
    ("Ministry delegation studies Estonia's digital social services", "Unified Social Service",
     "In March the expert worked with the Unified Social Service in Yerevan.", "AM"),
    # where workers go for a job is no institution of that country ("employment in" is a domain)
    ("Pre-departure orientation for seasonal workers", "Ministry of Commerce, Industry and Labour (MCIL)",
     "The Samoan MCIL asked for a revised programme for workers recruited for seasonal employment in Australia and "
     "New Zealand. A Maltese expert co-facilitated a training of trainers in Apia.", "WS"),
    # a body's experience that was presented is showcased
    ("Youth employment observatory", "Office National pour la Promotion de l'Emploi (ONAPE)",
     "At the request of the Chadian ONAPE, SOCIEUX+ mobilised a Belgian statistician. The experts also presented the "
     "experience of the employment observatory of Côte d'Ivoire.", "TD"),
    # a country's practices are showcased; a place's own model is the partner's
    ("Medical control of sick leave", "Caisse Nationale d'Assurance Maladie (CNAM)",
     "The CNAM of Tunisia asked for support. French practices in medical control were also presented.", "TN"),
    ("Establishment of Thika model Job Centres", "Ministry of Labour",
     "Belgian experts supported the pilot one-stop-shop for youth.", "KE"),
    # a country inside another word or a person's name is no evidence
    ("Skills for graduates", "Ministry of Labour of Armenia", "Chad Smith, an expert from Ireland, "
     "led the workshop at the University of Perugia.", "AM"),
    # the partner institution's own name restated before "in <city>" places the partner, over a study's countries
    ("Actuarial review of the pension branch", "Pension Fund [Caja Nacional de Pensiones] (CNP)",
     "The Caja Nacional de Pensiones in Malabo asked for a review of its reserves. The request follows a regional "
     "report on pensions in Gabon, Cameroon and Chad.", "GQ"),
    ("Digital registration", "National Social Security Fund (NSSF)",
     "The NSSF of Malawi requested support. A study in Zambia and Kenya had informed the request.", "MW"),
    # a name in a script only one country writes; an international body's office, an expert's earlier career and
    # another body's planned meeting are no partner's place; a named institution with its acronym in a city is
    ("Actuarial review", "Social Security Office [สำนักงานประกันสังคม] (SSO)",
     "An actuary from Germany reviewed the projection model. The SSO intends to present the options at a meeting of "
     "the ASEAN Social Security Association in Kuala Lumpur later in 2025.", "TH"),
    ("Informal workers", "National Institute of Social Security",
     "She leads the team that SOCIEUX+ mobilised for the National Institute of Social Security (INSS) in Maputo. I "
     "began my career in 2004 at the ILO office in Lusaka.", "MZ"),
    ("Accreditation framework", "Secretariat of State for Vocational Training (SEFOPE)",
     "A Portuguese expert, who had previously worked for the ILO in Mozambique, and an expert from Cabo Verde "
     "reviewed the draft decree during a mission to Dili.", "TL"),
    # the partner institution restated after its country's demonym is no other body's event ("organised by")
    ("Forum on youth employment", "Ministry of Labour and Social Security [Ministerio de Trabajo y Seguridad Social] (MTSS)",
     "A Swedish expert travelled to San José to take part in the National Forum on Youth Employment organised by the "
     "Costa Rican MTSS.", "CR"),
    # a country's practice that "was showcased" is no partner's
    ("Long-term care financing", "Social Security Institution [Sosyal Güvenlik Kurumu] (SGK)",
     "The population of Türkiye has been ageing rapidly. Experts from Austria presented their models during a "
     "webinar, and the Japanese long-term care insurance was also showcased.", "TR"),
    # ... and so does the country's possessive right before that name
    ("Unemployment insurance", "Social Security Corporation (SSC)",
     "Jordan's Social Security Corporation sought to extend unemployment insurance. A regional webinar, co-organised "
     "with the ILO Regional Office for Arab States in Beirut, presented the scheme to officials from Lebanon and Iraq.",
     "JO"),
    # a demonym two countries share ("Congolese") is not settled by a record naming both; an institution of a
    # country that took part is a participant: the city decides
    ("Counselling model for young jobseekers", "Congolese Employment Agency (ACPE)",
     "Headquartered in Pointe-Noire, the agency trained its counsellors with two French experts. The Employment "
     "Office of the Democratic Republic of the Congo took part in the second session.", "CG"),
    # ... but a place whose people took part is the partner's own
    ("Job-search workshops for young people", "Central Recruitment Agency",
     "More than 60 young people from across Upper Demerara-Berbice took part in the workshops led by two Greek "
     "experts.", "GY"),
    # where the partner's workers go is no partner; where the experts were is
    ("Pre-departure orientation of seasonal workers", "Secretariat of State for Vocational Training (SEFOPE)",
     "Timor-Leste sends many workers to Australia and the Republic of Korea. The experts were in Dili in July for a "
     "workshop. The results were later shared at a regional conference organised by the Pacific Islands Forum "
     "Secretariat in Suva.", "TL"),
    # people who only watched, even named by their institution of a country; attendees after a long list
    ("Online training of labour inspectors", "Ministry of Employment, Productivity and Industrial Relations",
     "Forty inspectors in Lautoka and Nadi completed the course. Inspectors from the labour ministries of Samoa and "
     "Tonga joined some of the sessions as observers.", "FJ"),
    ("Updating the single registry", "General Delegation for Social Protection (DGPSN)",
     "The DGPSN organised in Dakar a restitution workshop. It was attended by representatives of the World Food "
     "Programme (WFP), which co-finances the updating operations, and by a delegation of Mauritania's Taazour "
     "agency.", "SN"),
    # the institution of an expert named in the sentence that names the expert's country: the expert's, cue or not
    ("Peer review of the social protection floor costing", "Ministry of Gender, Community Development and Social "
     "Welfare", "The Government of Malawi adopted its National Social Support Policy in 2023. A peer review of the "
     "costing model was carried out by Ms Ingrid Holm from the Swedish Social Insurance Agency and Mr Tiago Mendes, "
     "a Cabo Verdean actuary working for the National Social Security Institute (INPS) of Cabo Verde.", "MW"),
    # a country's own experience presented is showcased; the venue city names the partner
    ("National forum discusses the future of targeted social welfare", "General Office for Labour and Welfare "
     "Services", "The General Office held the National Forum on Targeted Social Welfare in Ulaanbaatar on 2-3 "
     "November. Speakers from JICA also presented Japan's experience with social welfare registries.", "MN"),
    # a country's support names where it comes from, also in the title; the partner's other donors are none
    ("ANPS to receive European and Rwandan support for its beneficiary registry", "Agence Nationale de la "
     "Protection Sociale", "The action will be delivered mainly remotely, with one mission to Cotonou.", "BJ"),
    ("INSS concludes distance cooperation on voluntary coverage", "Instituto Nacional de Segurança Social",
     "The INSS of Timor-Leste has concluded a cooperation with SOCIEUX+. The INSS also receives support from the ILO "
     "and the Australian Government's Partnership for Human Development.", "TL"),
    # what a delegation saw in a country, quoted, sets it aside
    ("Family allowances: European and African experts at the CNPS", "Caisse Nationale de Prévoyance Sociale",
     "The CNPS welcomed in Abidjan a mission of experts. « What we saw in Morocco convinced us that paying allowances "
     "by mobile phone is possible », recalled the Director of Benefits.", "CI"),
    # a place closing a name a title opens is a surname ("Rocha" is also a department of Uruguay)
    ("Contribution collection", "Instituto Nacional de Previdência Social (INPS)", "Mr Tiago Mendes Rocha, an actuary "
     "of the Portuguese Institute of Financial Management, trained the staff of the INPS of Cabo Verde.", "CV"),
    # a body that shared its experience is showcased
    ("One-stop shops for employment services", "Ministry of Labour, Employment and Social Security (MTESS)", "The MTESS "
     "of Paraguay has been working with SOCIEUX+ since March 2023. At the closing panel, the Uruguayan National "
     "Employment Directorate shared its experience with integrated employment centres.", "PY"),
    # where migrant workers come back from
    ("Reintegration of returning migrant workers", "Ministry of Labour and Vocational Training", "The Ministry of "
     "Labour of Cambodia supports the reintegration of migrant workers returning from Thailand.", "KH"),
    # one place named twice in a title (a translation in brackets) is one piece of evidence: a namesake region
    # of another country does not outweigh the description's demonym and cities
    ("Protocolo de atención a víctimas de trabajo forzoso en el Chaco [Assistance protocol for victims of forced "
     "labour in the Chaco]", "Ministerio de Trabajo, Empleo y Previsión Social (MTEPS)", "The Bolivian ministry wished "
     "to give its labour inspectors a common protocol. A Spanish labour inspector facilitated two workshops in Santa "
     "Cruz de la Sierra and Tarija.", "BO"),
    # no EU member state is a partner: a showcased member state's model does not tie with the partner's country
    ("Activation of social assistance recipients", "Federal Ministry of Labour and Social Policy (FMLSP)", "The ministry "
     "of the Federation of Bosnia and Herzegovina wants centres for social work to share responsibility for "
     "jobseekers. Croatian and Austrian experts delivered training sessions. The Slovenian model of integrated case "
     "management was showcased.", "BA"),
    # a demonym naming a people ("Roma and Egyptian communities") is no country
    ("Employment and social inclusion of Roma and Egyptian communities", "National Agency for Employment and Skills",
     "Counsellors were trained in Tirana and Elbasan.", "AL"),
    # a quotation in the headline is someone's words, not the headline naming the action's country
    ("Interview: “Our members live in Auckland, Sydney and Apia”", "Provident Fund",
     "The Samoa National Provident Fund (SNPF) in Apia worked with SOCIEUX+. Members work in New Zealand and in "
     "Australian plants.", "WS"),
    # a country's model of something is a showcased practice
    ("Portability of social security rights", "Ministry of Labour and Social Affairs",
     "Experts from Peru took part, while an official presented the Philippine model of welfare funds for overseas "
     "workers in Lima.", "PE"),
    # a funder named by its demonym and a relative clause; where migrants return from; a visit's destination
    ("Case management tools", "Unified Social Service",
     "The experts held a workshop in Yerevan. Staff of the Swiss Agency for Development and Cooperation, which "
     "finances the digital platform of the Service, took part.", "AM"),
    ("Returning migrants", "Ministry of Labour, Migration and Employment of Population",
     "Every year, tens of thousands of Tajik migrant workers return from the Russian Federation.", "TJ"),
    ("Unemployment insurance", "Ministry of Labour",
     "The Ministry of Labour of Paraguay (MTESS) is exploring a scheme. It concluded with a study visit of an MTESS "
     "delegation to the Social Security Bank (BPS) in Montevideo in October 2023.", "PY"),
    # the people served name no partner when another country is named
    ("Protection of migrant workers", "Ministry of Labour", "The Ministry of Labour of Lebanon protects Ethiopian "
     "migrant workers.", "LB"),
    # ... but SOCIEUX+'s own support is no donor's
    ("Pension reform", "Ministry of Labour", "The Ministry received support from SOCIEUX+ to reform the pension "
     "system of Togo.", "TG"),
    # the visitors before a visit verb in a sentence that sets the host's practice aside
    ("Study tour on the administration of unemployment insurance", "State Employment Support Agency (SESA)",
     "A delegation of six Georgian officials visited the Estonian Unemployment Insurance Fund in Tallinn and Tartu to "
     "see how contributions and benefits are administered.", "GE"),
    # a country whose scheme the work is compared with, or whose experience an event draws on
    ("Universal health coverage", "CNAM", "The CMU law made health insurance compulsory for all residents of Côte "
     "d'Ivoire. The experts reviewed the decrees and compared them with the Ghanaian National Health Insurance "
     "Scheme.", "CI"),
    ("Yucatán's State Forum on Youth Employment draws on European and Chilean experience", "SNE Yucatán",
     "The Service gathered employers in Mérida for the forum.", "MX"),
    # what the partner's delegation visits is a destination
    ("ANOFM delegation visits Romanian employment agency to prepare new profiling tool", "ANOFM",
     "The delegation, which travelled from Chișinău, met the specialists of the Agency.", "MD"),
    ("Study tour", "State Employment Support Agency (SESA)",
     "The delegation learned how the Estonian Unemployment Insurance Fund in Tallinn administers benefits.", None),
    # the counterpart of a South-South or peer exchange is the partner's peer; the partner placed by its acronym
    ("Virtual exchange on cash transfer targeting", "Ministry of Social Development (MIDES)",
     "MIDES in Montevideo requested support to organise a South-South exchange with the Ministry of Social "
     "Development of Paraguay on targeting.", "UY"),
    ("Exchange on labour inspection", "Ministry of Labour", "The Ministry of Labour of Togo held a peer exchange with "
     "Beninese counterparts on inspection planning.", "TG"),
    # a body named by its demonym and acronym that a relative clause says funds the work is a funder
    ("Design of a monitoring framework", "General Secretariat of the National Social Protection Council (GS-NSPC)",
     "The Secretariat coordinates Cambodia's National Social Protection Policy Framework. The action was carried out "
     "in coordination with the Australian Department of Foreign Affairs and Trade (DFAT), which funds the "
     "programme.", "KH"),
    # ... not an exchange the experts held with the partner's ministry
    ("Exchange on labour inspection", "Ministry of Labour", "The experts held an exchange with the Ministry of "
     "Labour of Togo on inspection planning.", "TG"),
]


@pytest.mark.parametrize(("title", "institution", "description", "code"), CASES, ids=[c[0][:40] for c in CASES])
def test_partner_country(nlp: Language, title: str, institution: str, description: str, code: str) -> None:
    assert partner(nlp, title, institution, description)[0] == code


@pytest.mark.parametrize(("country", "description", "expected"), [
    # a labelled Country value names the partner, over any other evidence
    ("Ghana", "Two experts from the Netherlands trained 24 labour officers in Lomé.", ("GH", "certain", [])),
    ("Republic of Moldova", "Experts from Romania shared their experience.", ("MD", "certain", [])),
    # several countries: a regional action, no partner, said so
    ("Benin, Togo, Niger", "The registry units of the three countries met online.",
     (None, None, ["the Country field names BJ, NE, TG"])),
])
def test_a_labelled_country_names_the_partner(nlp: Language, country: str, description: str, expected: tuple) -> None:
    text = f"Action title: Labour inspection\nCountry: {country}\nPartner: Ministry of Labour\nSummary: {description}"
    doc = annotate(nlp, text, {"title": "Labour inspection", "country": country,
                               "partner_institution": "Ministry of Labour", "description": description})
    found = facts(doc)
    fact = next((f for f in found if f.field == "partner_country"), None)
    notes = [f.extra.get("reason", "") for f in found if f.field == "partner_note"]
    assert (fact and fact.value, fact and fact.status, notes) == expected


def test_a_language_community_is_not_a_country(nlp: Language) -> None:
    value, _ = partner(nlp, "Social protection in Portuguese-speaking countries",
                       "Community of Portuguese Language Countries (CPLP)", "Officials from five countries took part.")
    assert value is None


def test_expert_origins_alone_are_not_the_partner(nlp: Language) -> None:
    value, _ = partner(nlp, "Support to the Ministry of Labour", "Ministry of Labour",
                       "Experts from France and Spain trained the staff.")
    assert value is None


def test_a_visits_where_clause_and_a_mobilised_experts_institution_are_not_the_partner(nlp: Language) -> None:
    """The hosts in a visit's ", where …" clause speak of its destination; an institution whose expert the action
    mobilised is the expert's, even without an EU country: with nothing else, the partner stays unknown."""
    value, _ = partner(nlp, "Study visit on the organisation of member services", "National Social Security Fund (NSSF)",
                       "SOCIEUX+ organised a study tour to Kampala, where a delegation of the managers of the Fund was "
                       "hosted by the National Social Security Fund of Uganda, and mobilised an expert of the Rwanda "
                       "Social Security Board (RSSB) to accompany the Fund.")
    assert value is None


def test_two_candidates_without_a_cue_stay_null_with_a_reason(nlp: Language) -> None:
    value, notes = partner(nlp, "Regional workshop", "Regional Employment Observatory",
                           "Peru and Bolivia shared their experience on social security.")
    assert value is None
    assert notes == ["equal evidence for BO, PE"]


@pytest.mark.parametrize(("institution", "expected"), [
    # a partner cue before a list is every listed country's: equal evidence, no partner
    ("Ministries in charge of social protection of Benin, Togo and Niger", (None, ["equal evidence for BJ, NE, TG"])),
    ("Ministry of Labour of Bosnia and Herzegovina", ("BA", [])),
])
def test_a_partner_cue_before_a_list_of_countries(nlp: Language, institution: str, expected: tuple) -> None:
    assert partner(nlp, "Regional peer learning on social registries", institution,
                   "The action brought together the social registry units.") == expected


def test_a_news_tag_names_the_partner(nlp: Language) -> None:
    """The reference tag gives the action's country: it wins over countries the body names more often
    (participants), also though the tag lies inside the description's span."""
    tag = "SOCIEUX+ 2024-33 VANUATU, ACT. 2 (12.03 – 13.03.2025)"
    body = ("A regional webinar was organised by the Vanuatu National Provident Fund. Staff from Fiji, Samoa and "
            "Tonga took part; the Fiji National Provident Fund shared lessons from Fiji.\n" + tag)
    text = f"14/03/2025\nPacific provident funds compare notes\n{body}"
    doc = annotate(nlp, text, {"date_line": "14/03/2025", "title": "Pacific provident funds compare notes",
                               "description": body, "tag": tag}, kind="news", year=2025)
    found = [f for f in facts(doc) if f.field == "partner_country"]
    assert [(f.value, f.rule.endswith(":tag-wins")) for f in found] == [("VU", True)]


def test_an_expert_country_named_again_is_the_experts_own(nlp: Language) -> None:
    """No partner cue anywhere: the experts' country, named again, is not taken for the partner."""
    code, _ = partner(nlp, "Service vouchers for domestic work", "National Social Security Fund (NSSF)",
                      "A Belgian expert of the National Employment Office, who had helped develop the Belgian "
                      "service-voucher system, and an Austrian expert advised the Fund.")
    assert code is None


def test_page_text_outside_the_fields_is_no_evidence(nlp: Language) -> None:
    """A news page's head (breadcrumb "Inicio › Noticias › España") lies in no field of the record."""
    head = "Inicio › Noticias › España\n"
    title, body = "Inspecting domestic work", "The Ministry trained inspectors from Asunción and Encarnación."
    text = f"{head}{title}\n{body}"
    doc = annotate(nlp, text, {"title": title, "description": body}, "news")
    assert next((f.value for f in facts(doc) if f.field == "partner_country"), None) == "PY"


@pytest.mark.parametrize(("head", "body", "code"), [
    # a news item that names no place, on a page whose head names one country outside the EU: a ministry's
    # own site, an EU Delegation's page
    ("Republic of the Philippines | Department of Labor and Employment\n",
     "The Bureau of Local Employment held webinars for PESO managers with experts from Spain.", "PH"),
    ("Delegation of the European Union to Ethiopia\n", "Dutch experts mapped the job centres of the sub-cities.", "ET"),
    # ... not a member state's site, nor two countries in the head, nor a head over a body that names a place
    ("Gobierno de España | Ministerio de Trabajo\n", "Experts from Spain held webinars for the employment offices.",
     None),
    ("News › Ghana › Togo\n", "Experts from Spain held webinars for the employment offices.", None),
    ("Delegation of the European Union to Ethiopia\n", "The experts trained inspectors in Nairobi.", "KE"),
])
def test_a_news_pages_head_is_the_last_resort(nlp: Language, head: str, body: str, code: str | None) -> None:
    title = "Experts support the employment services"
    text = f"{head}{title}\n{body}"
    doc = annotate(nlp, text, {"title": title, "description": body}, "news")
    assert next((f.value for f in facts(doc) if f.field == "partner_country"), None) == code


def test_one_id_one_kind(nlp: Language) -> None:
    """An id with two kinds would silently take the last one: refused with a message."""
    pipe = nlp.get_pipe("socieux_partner")
    twice = [{"id": "exclude:x", "kind": "exclude_before", "pattern": [{"LOWER": "a"}]},
             {"id": "exclude:x", "kind": "exclude_list", "pattern": [{"LOWER": "b"}]}]
    fresh = type(pipe)(nlp, "socieux_partner")
    with pytest.raises(ValueError, match="two kinds"):
        fresh.initialize(patterns=twice)


def test_eu_member_states_alone_name_no_partner(nlp: Language) -> None:
    value, notes = partner(nlp, "Employment services", "National Employment Institute (INEP)",
                           "A study visit to Lisbon allowed the staff to observe the Portuguese network of job centres.")
    assert value is None
    assert notes == ["only EU member states named: PT"]

