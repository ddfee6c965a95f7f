"""Tests of `socieux_delivery` (spec § delivery): explicit cues only, remote / onsite / mixed / none."""

from __future__ import annotations

from pathlib import Path

import pytest
import srsly
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract import prepare_doc
from pipeline.facts import FIELDS_KEY, KIND_KEY, CountryMention, Fact, add_fact
from pipeline.nlp import build_nlp
from pipeline.paths import PATTERNS_DIR

PIPE = "socieux_delivery"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp([PIPE])


def run(nlp: Language, doc: Doc) -> Doc:
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def annotate(nlp: Language, text: str, fields: dict[str, tuple[int, int]] | None = None) -> Doc:
    doc = nlp.make_doc(text)
    doc.user_data[FIELDS_KEY] = fields or {"description": (0, len(text))}
    doc.user_data[KIND_KEY] = "listing"
    return run(nlp, doc)


def delivery(doc: Doc) -> str | None:
    return next((f.value for f in doc._.facts or [] if f.field == "delivery"), None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # remote cues (spec: online, on-line, virtual, remote/remotely, webinar, e-learning platform,
        # e-conference, at a distance, distant cooperation), in case and hyphen variants
        ("On-line workshops were delivered to present good practices.", "remote"),
        # what the partner's clients do online is a topic
        ("The Fund of Morocco presented its experience with online pension claims.", None),
        ("Two experts carried out the review by video link.", "remote"),
        ("The experts coached the managers through video meetings.", "remote"),
        ("The closing seminar was broadcast live for the staff of the regional offices.", "remote"),
        # a visit still to come is no delivery cue
        ("Online workshops were held. A study visit to Riga is planned for the second half of 2021.", "remote"),
        ("Online workshops were held; an upcoming mission will follow.", "remote"),
        # a mission that did not happen
        ("The whole action was conducted virtually and no mission took place.", "remote"),
        ("Experts advised the fund without any travel, through webinars.", "remote"),
        # a visit replaced, cancelled or postponed did not take place
        ("A study visit to Cape Town, initially envisaged, was replaced by a virtual exchange.", "remote"),
        ("Online sessions were held. A mission to Maputo was postponed to 2024.", "remote"),
        # remote work as the way of working, not the telework topic
        ("The experts combined remote work sessions with two face-to-face missions.", "mixed"),
        ("Remote work is a growing topic for the ministry.", None),
        # telework as the topic: people who "now work remotely"; platforms "online" as the topic
        ("A growing number of employees in Montevideo now work remotely, some of them for foreign companies.", None),
        ("The experts worked remotely with the inspectorate.", "remote"),
        ("The operators of online taxi and delivery platforms must withhold social contributions.", None),
        # a planned visit across an apposition, or still being considered
        ("A study visit to Lisbon, hosted by the Portuguese Social Security Institute, is planned. Experts "
         "delivered a webinar.", "remote"),
        ("A study visit to Rabat is being considered for a next phase. Experts delivered a webinar.", "remote"),
        # but "the second mission was postponed" says a first one took place
        ("Online sessions were held. The second mission was postponed due to COVID-19.", "mixed"),
        # travelling to the partner, whatever the subject's distance; not when avoided
        ("The experts worked remotely until July, before travelling to Maputo for the validation workshop.", "mixed"),
        ("Instead of travelling to Maputo, the experts met the team online.", "remote"),
        # a journey to the event, from wherever; not an origin ("came from")
        ("The training was delivered by two experts, who travelled from Accra and Dakar for the occasion.", "onsite"),
        ("The experts came from Spain and Portugal.", None),
        ("A former Estonian expert carried out in-country work with the fund.", "onsite"),
        ("Coaching was provided in a hybrid set-up by a Swedish specialist.", "mixed"),
        # how a cited earlier action was delivered
        ("Following Action 2019-05, which held a mission in Lima, experts delivered a webinar.", "remote"),
        ("Work opened with a videoconference; the experts later travelled to Antananarivo.", "mixed"),
        ("The review was done at a distance online; the experts then travelled twice to Dushanbe.", "mixed"),
        ("The workshop was conducted ONLINE over four weeks.", "remote"),
        # people of the partner's schemes appearing at an office: no way of delivering the action
        ("Experts designed online proof-of-life checks so that pensioners need not appear in person.", "remote"),
        ("This initiative, conducted online, enhanced capacities.", "remote"),
        ("Webinar on Labour Market Information Systems for the New Decade", "remote"),
        ("Soft skills: a strategic challenge for youth employment – e conference", "remote"),
        ("An e-conference gathered more than 80 participants.", "remote"),
        ("Experts developed training modules utilizing the SOCIEUX+ e-learning platform.", "remote"),
        ("Both activities were carried out remotely.", "remote"),
        ("The University deployed a series of three specialized virtual seminars.", "remote"),
        ("The Council submitted a Request for remote technical cooperation.", "remote"),
        ("Counsellors were coached at a distance.", "remote"),
        ("Meetings were held via videoconference.", "remote"),
        ("Sessions were organised by video-conference.", "remote"),
        # onsite cues (spec: on-site, in person, mission, study visit, bringing experts to, delegation visiting)
        ("The first peer-to-peer on-site activity focused on analyzing the current state of play.", "onsite"),
        ("The trainers worked onsite with the counsellors.", "onsite"),
        ("Participants met in person for the first time.", "onsite"),
        ("Two in-person sessions were organised.", "onsite"),
        ("The experts held face-to-face interviews with employers.", "onsite"),
        ("The first mission was dedicated to a systemic and organizational diagnosis.", "onsite"),
        ("The action ended with a Study-Visit to Tallinn.", "onsite"),
        ("The experts adapted the OiRA (Online interactive Risk Assessment) tool with the inspectors.", None),
        ("The delegation made a field-visit to two employment offices.", "onsite"),
        ("Upon an assessment mission which reviewed the institutional processes.", "onsite"),
        ("A study visit to Finland provided Kyrgyz partners with practical understanding.", "onsite"),
        ("A single activity was implemented, bringing French experts to Gabon to conduct an audit.", "onsite"),
        ("A delegation of the Ministry visited the Spanish employment service.", "onsite"),
        # other people's travel is no mission of the action
        ("Samoan workers under the Recognised Seasonal Employer scheme have travelled to New Zealand since 2007.", None),
        ("The experts trained 30 workers and then travelled to Apia for a workshop.", "onsite"),
        ("A delegation of eight officials of the Ulaanbaatar-based General Office of Labour and Welfare Services "
         "(GOLWS) visited Germany and Austria.", "onsite"),
        ("Their mission to Phnom Penh took place from 28 October to 8 November 2019.", "onsite"),
        ("Its mission is to promote decent work in Cambodia.", None),
        # mixed: cues of both kinds
        (
            "In two activities implemented remotely, experts assessed the Agency. The two last activities "
            "were implemented on-site and allowed to consolidate the decisions taken through the distant cooperation.",
            "mixed",
        ),
        ("The first mission was dedicated to a diagnosis. Finally, experts delivered a remote training workshop.", "mixed"),
        ("The forum was held in a hybrid format.", "mixed"),
        # negatives: the words are not about how the action was delivered
        ("The action targets youth in remote areas and remote rural regions.", None),
        ("Experts helped to design an online job portal and online services for job seekers.", None),
        ("The Agency launched an online platform for job seekers.", None),
        ("The Ministry's mission is to promote decent work; its mission statement was revised.", None),
        ("The mission of the Agency is to match supply and demand.", None),
        ("The mission of the National Employment Agency is to promote employment.", None),
        ("A field mission to Dakar allowed the experts to meet the regional directors.", "onsite"),
        ("Due to the COVID-19 pandemic, activities were moved online.", "remote"),
        ("The Agency offers online registration for job seekers.", None),
        # what the partner's clients do online; a stretch of the action's work done remotely
        ("Since 2021, citizens have been able to apply online for targeted social assistance.", None),
        ("Young people can register remotely for the agency's programmes.", None),
        ("The action continued with several months of remote work to complete a mapping.", "remote"),
        ("The Code will regulate remote work and work through digital platforms.", None),
        # what the partner's reform puts online is no delivery; the action's own events moved online are
        ("The experts advised the Fund on moving its pension services online.", None),
        ("The experts also helped the Agency prepare distance learning modules for counsellors working in remote "
         "mountain districts.", None),
        ("The experts delivered distance learning modules to the counsellors.", "remote"),
        ("The Agency introduced an online self-profiling questionnaire for jobseekers in 2020.", None),
        # a trip that could at last be made
        ("The first activity was carried out online. The experts were finally able to travel to Dhaka in 2022.", "mixed"),
        ("The experts worked online. They were not able to travel to Dhaka.", "remote"),
        ("The Institute is bringing benefit applications online with the experts' support.", None),
        ("The action supported the creation of a virtual one-stop-shop and a virtual job centre.", None),
        ("The report recommends linking the virtual labour exchange with the network of job centres.", None),
        ("The Agency wished to offer counselling by video call and chat to jobseekers.", None),
        ("The cooperation builds on a webinar organised in 2022 by the ILO.", None),
        ("The experts presented the Portuguese experience with online contribution collection.", None),
        ("The Department introduced its application in 2017 to record inspection visits online.", None),
        ("Enbek.kz also hosts an e-learning platform offering short courses to jobseekers.", None),
        ("The Agency wants a virtual centre that would offer a single online entry point to all its services.", None),
        ("The experts analysed samples of the register online together with the staff.", "remote"),
        ("The Office serves herders living in remote soums.", None),
        ("The experts helped design virtual counselling services for jobseekers.", None),
        ("The workshop also featured the Delegation of the European Union in Ecuador, which provided advice.", None),
        ("The Ministry regulates remote work and teleworking.", None),
        ("Virtually all counsellors took part.", None),
        ("The guide is available online.", None),
        ("Experts trained counsellors in person-centred approaches.", None),
        ("Claimants have to renew their claim in person at the office every quarter.", None),
        ("Employers deliver their monthly schedules and cheques in person at its counter.", None),
        ("Workers with a complaint come to the Department of Labour in person.", None),
        ("The experts delivered the training in person.", "onsite"),
        ("Inspectors travel by boat to the remote cays of the islands.", None),
        ("The event was bringing together experts to discuss green jobs.", None),
        ("Experts from France and Spain assessed the services.", None),
        # a possessive's mission to a place is a trip, its mission alone a mandate
        ("The team's mission to Honiara finally took place in June.", "onsite"),
        ("The Fund's mission is to protect workers.", None),
    ],
)
def test_delivery_decision(nlp: Language, text: str, expected: str | None) -> None:
    assert delivery(annotate(nlp, text)) == expected


@pytest.fixture(scope="module")
def nlp_places() -> Language:
    return build_nlp(["entity_ruler", "socieux_countries", PIPE])


@pytest.mark.parametrize(("text", "expected"), [
    # experts sent to a place (a gazetteer place: ENT_TYPE) travel there
    ("SOCIEUX+ deployed a Dutch and a Czech expert to Kampala in March.", "onsite"),
    ("SOCIEUX+ brought a team of three experts to Pristina in January.", "onsite"),
    # ... not experts sent to do something, nor a report sent to a place
    ("SOCIEUX+ mobilised two experts to support the Ministry remotely.", "remote"),
    ("The Ministry sent its report to Brussels in May.", None),
    # work shared between a distance and a place
    ("The experts worked partly at a distance and partly in Abidjan, where they spent ten days.", "mixed"),
    # activities shared out between a remote way and a place
    ("The team delivered two training sessions for counsellors, one online and one in Guatemala City.", "mixed"),
    ("Two experts, one from Madrid and one from Lisbon, worked online.", "remote"),
    ("The experts held a series of workshops with the staff, first at a distance and later in Amman.", "mixed"),
])



def test_experts_sent_to_a_place_travel_there(nlp_places: Language, text: str, expected: str | None) -> None:
    assert delivery(annotate(nlp_places, text)) == expected


def test_cues_and_evidence(nlp: Language) -> None:
    text = "The first mission was dedicated to a diagnosis; then a remote training workshop followed online."
    doc = annotate(nlp, text)
    cues = [f for f in doc._.facts if f.field == "delivery_cue"]
    assert [(c.value, c.text, c.rule) for c in cues] == [
        ("onsite", "mission", "onsite:mission"),
        ("remote", "remote", "remote:remote"),
        ("remote", "online", "remote:online"),
    ]
    for c in cues:
        assert doc.text[c.start : c.end] == c.text
    [decision] = [f for f in doc._.facts if f.field == "delivery"]
    assert decision.value == "mixed"
    assert decision.text == "mission"  # evidence = first cue
    assert [c["value"] for c in decision.extra["cues"]] == ["onsite", "remote", "remote"]
    assert decision.extra["first"]["remote"]["text"] == "remote"
    assert decision.extra["first"]["onsite"]["text"] == "mission"


def test_no_cue_no_fact(nlp: Language) -> None:
    doc = annotate(nlp, "Experts from Belgium and France supported the Agency.")
    assert [f for f in doc._.facts or [] if f.field in ("delivery", "delivery_cue")] == []


def test_only_title_and_description_count(nlp: Language) -> None:
    """The institution line names an institution, not a delivery mode."""
    title, inst, desc = "Support to the PES", "Online Services Agency", "Experts supported the agency."
    text = f"{title}\n{inst}\n{desc}"
    fields = {
        "title": (0, len(title)),
        "partner_institution": (len(title) + 1, len(title) + 1 + len(inst)),
        "description": (len(title) + len(inst) + 2, len(text)),
    }
    assert delivery(annotate(nlp, text, fields)) is None


def with_partner_city(nlp: Language, text: str, city: str, city_code: str, partner: str | None,
                      also: tuple[str, ...] = (), kind: str = "city") -> Doc:
    """Hand-made output of socieux_countries and socieux_partner (which run before delivery); `also`:
    other cities of the same country in the text; `kind`: what the mentions are (city, country)."""
    doc = nlp.make_doc(text)
    doc.user_data[FIELDS_KEY] = {"description": (0, len(text))}
    mentions = []
    for name in (city, *also):
        start = text.index(name)
        span = doc.char_span(start, start + len(name))
        mentions.append(CountryMention(span.start, span.end, span.start_char, span.end_char, name, city_code,
                                       (city_code,), kind, "test"))
    doc._.countries = sorted(mentions, key=lambda m: m.start)
    if partner:
        add_fact(doc, Fact("partner_country", partner, 0, 0, "", "test"))
    return run(nlp, doc)


@pytest.mark.parametrize(
    ("text", "city", "city_code", "partner", "expected"),
    [
        ("Two technical cooperation activities in Belgrade resulted in updated guidelines.", "Belgrade", "RS", "RS", "onsite"),
        ("Workshops were held for the staff of the regional offices in the city of Cusco.", "Cusco", "PE", "PE", "onsite"),
        ("The seminar took place in Abidjan in May.", "Abidjan", "CI", "CI", "onsite"),
        # "training of trainers" is one activity noun before "in"
        ("The experts gave a five-day training of trainers in Bouaké.", "Bouaké", "CI", "CI", "onsite"),
        # verbs of training and meeting; dates between the verb and "in" do not count towards the window
        ("French experts trained ANPE counsellors in Niamey and Zinder.", "Niamey", "NE", "NE", "onsite"),
        ("Workshops took place on 1-3 March and 14-16 June in Praia.", "Praia", "CV", "CV", "onsite"),
        ("The experts worked in La Paz with the employment offices.", "La Paz", "BO", "BO", "onsite"),
        ("The training was given in Oranjestad by a Dutch expert.", "Oranjestad", "AW", "AW", "onsite"),
        # the capital named after a comma
        ("The Inspectorate held its first national seminar on 18 November in the capital, São Tomé.", "São Tomé", "ST",
         "ST", "onsite"),
        # "Given" opening a sentence is a preposition, no verb of holding
        ("Given the security situation in Port-au-Prince, the action was carried out by email.", "Port-au-Prince", "HT",
         "HT", None),
        # the partner's city hosting the activities
        ("Baghdad hosted the consultations with the social partners.", "Baghdad", "IQ", "IQ", "onsite"),
        ("Addis Ababa was the venue of a national workshop.", "Addis Ababa", "ET", "ET", "onsite"),
        # ... not a place that closes its hosting body's name
        ("The State Employment Service of Jalisco hosted its annual forum with experts of SOCIEUX+.", "Jalisco", "MX",
         "MX", None),
        # people brought together, following a course or accompanied there
        ("The ONP and SOCIEUX+ brought together more than 300 participants in Lima for a forum.", "Lima", "PE", "PE",
         "onsite"),
        ("Analysts followed a two-week course on labour market forecasting in Tashkent, delivered by a Czech expert.",
         "Tashkent", "UZ", "UZ", "onsite"),
        ("The experts accompanied its regional teams in Thiès during the preparation of two fairs.", "Thiès", "SN",
         "SN", "onsite"),
        # a place the gazetteer does not know coordinated before the partner's city
        ("The sessions were held in Prishtina and Prizren by a Croatian expert.", "Prizren", "XK", "XK", "onsite"),
        # where a quoted speaker is
        ("“The war has made this work urgent,” said the Head of the Service in Kyiv.", "Kyiv", "UA", "UA", None),
        # experts' analysis on the ground
        ("The experts analysed the draft rules of procedure of the council in Conakry.", "Conakry", "GN", "GN",
         "onsite"),
        # the city is not the partner's
        ("The seminar took place in Madrid in May.", "Madrid", "ES", "PE", None),
        # a stay in the partner's city
        ("The experts mapped the claims workflow during a week in Pretoria.", "Pretoria", "ZA", "ZA", "onsite"),
        ("Two experts spent ten days in Maseru with the ministry's staff.", "Maseru", "LS", "LS", "onsite"),
        # an activity noun, a date, then the city
        ("It launched its cooperation with a kick-off workshop on 14 and 15 January 2025 in Antananarivo.",
         "Antananarivo", "MG", "MG", "onsite"),
        # doing the work on the ground
        ("An Italian inspector ran a training course for 30 inspectors in San Pedro Sula.", "San Pedro Sula", "HN", "HN",
         "onsite"),
        ("The first courses were piloted in Tashkent and Samarkand.", "Tashkent", "UZ", "UZ", "onsite"),
        # a noun "pilot" is no verb of doing: a plan for the city, not an activity held there
        ("The recommendations include a 12-month pilot of mobile money payments in Lubombo.", "Lubombo", "SZ", "SZ", None),
        # joining someone there, coming to the city, a consultation held there
        ("A Maltese officer joined them in Honiara for a fortnight of training.", "Honiara", "SB", "SB", "onsite"),
        ("In November the experts came to Niš for a week of training.", "Niš", "RS", "RS", "onsite"),
        ("The work concluded with a stakeholder consultation in Gaborone.", "Gaborone", "BW", "BW", "onsite"),
        # an event that ended there
        ("A five-day training workshop for labour inspectors ended on Friday in Colombo.", "Colombo", "LK", "LK",
         "onsite"),
        # where people work or live, a tool piloted there: no venue ("experts who delivered … in Harare" is one)
        ("The profiling targets jobseekers who work in Banja Luka.", "Banja Luka", "BA", "BA", None),
        ("The experts reviewed the online portal piloted in Sfax.", "Sfax", "TN", "TN", None),
        ("The experts presented their systems to officials based in Santo Domingo.", "Santo Domingo", "DO", "DO", None),
        ("The experts mapped the data sources available in Nairobi.", "Nairobi", "KE", "KE", None),
        ("The experts trained the staff of an agency headquartered in Lusaka.", "Lusaka", "ZM", "ZM", None),
        ("Two experts built a costing model with the Ministry's team in Suva.", "Suva", "FJ", "FJ", "onsite"),
        ("Senior managers of the Authority completed in La Paz a week-long training.", "La Paz", "BO", "BO", "onsite"),
        ("The Agency runs job centres in Phnom Penh and other provinces.", "Phnom Penh", "KH", "KH", None),
        ("The Agency runs one-stop-shop centres in Baku and the regions.", "Baku", "AZ", "AZ", None),
        ("The four sessions were followed by union representatives from factories in Vientiane.", "Vientiane", "LA",
         "LA", None),
        ("Action 2021-17 was implemented between October 2021 and April 2022 to improve the services offered to "
         "employers in Ouargla.", "Ouargla", "DZ", "DZ", None),
        ("Two experts delivered a training of trainers to 30 inspectors of the Ministry of Labour and Social Welfare "
         "(MINTRAB) in Guatemala City.", "Guatemala City", "GT", "GT", "onsite"),
        ("A review was carried out by a Belgian expert, followed by two workshops with human resources managers in "
         "Concepción.", "Concepción", "CL", "CL", "onsite"),
        ("In Dakar, two experts from Le Forem, the public employment service of Wallonia in Belgium, and an expert "
         "from the French association ADIE led a seminar with the advisers.", "Dakar", "SN", "SN", "onsite"),
        ("The Ministry organised a three-day national workshop on labour inspection in the agricultural sector in "
         "Guatemala City.", "Guatemala City", "GT", "GT", "onsite"),
        ("Two actuaries, who delivered a series of lectures in Harare, coached the staff.", "Harare", "ZW", "ZW",
         "onsite"),
        # another body's event ("organised by the Agency"), not the action's ("carried out by two experts"),
        # unless the action's agents took part in it
        ("The experts reviewed the job fairs organised by the Agency in Chisinau.", "Chisinau", "MD", "MD", None),
        ("Jobseekers took part in the job fairs organised by the Agency in Chisinau.", "Chisinau", "MD", "MD", None),
        ("Experts took part in the job fairs organised by the Agency in Chisinau.", "Chisinau", "MD", "MD", "onsite"),
        ("Our team hosted two experts mobilised by SOCIEUX+ here in Chisinau.", "Chisinau", "MD", "MD", "onsite"),
        ("SOCIEUX+ supported the participation of a Spanish expert in the Congress organised by the CNSS in Santo "
         "Domingo.", "Santo Domingo", "DO", "DO", "onsite"),
        ("The assessment was carried out by a French expert and a Tunisian expert in Yaoundé.", "Yaoundé", "CM", "CM",
         "onsite"),
        # the action's agent after "by" may follow its modifiers
        ("Social workers took part in training sessions delivered by Czech and Slovak peer experts in Tbilisi.",
         "Tbilisi", "GE", "GE", "onsite"),
        # things kept in the city, not an event held there
        ("Experts mapped the paper-based contribution records held in Port-au-Prince.", "Port-au-Prince", "HT", "HT", None),
        # an activity still to come, from its article (the pattern file's negatives block the city rule too)
        ("An in-person workshop in Santiago is planned for late 2023.", "Santiago", "CL", "CL", None),
        # being there: a form of "be" right before "in"
        ("From 19 to 23 February 2024, the two experts were in Tbilisi to run a training of trainers.", "Tbilisi", "GE",
         "GE", "onsite"),
        ("In May they were then in Ulaanbaatar for a series of workshops.", "Ulaanbaatar", "MN", "MN", "onsite"),
        # arriving there; an activity with its people before the city, or right after it; a venue of the city
        ("The experts arrived in Kano on June 14 and spent ten days with the board.", "Kano", "NG", "NG", "onsite"),
        ("The findings were discussed at a seminar with the social partners in Skopje.", "Skopje", "MK", "MK", "onsite"),
        ("Their findings were discussed in Astana at a seminar with the platform operators.", "Astana", "KZ", "KZ",
         "onsite"),
        ("An instructor ran a training of trainers for the instructors at the INPP centre of Lubumbashi.", "Lubumbashi",
         "CD", "CD", "onsite"),
        ("Records are kept at the INPP centre of Lubumbashi.", "Lubumbashi", "CD", "CD", None),
        ("They then delivered a training course to the actuarial, risk and investment staff at the NSSF headquarters "
         "in Kampala.", "Kampala", "UG", "UG", "onsite"),
        ("The contribution records are kept at the NSSF headquarters in Kampala.", "Kampala", "UG", "UG", None),
        # people gathering in the city for the event; a city opening a bracket after the activity
        ("Around 150 representatives gathered in Bishkek on 6 and 7 June 2023 for a national forum.", "Bishkek", "KG",
         "KG", "onsite"),
        ("Two experts presented models at the forum (Kaduna, 6 August 2019).", "Kaduna", "NG", "NG", "onsite"),
        ("Two provincial trainings (12/03 – 16/03/2018 in Battambang) equipped 60 inspectors.", "Battambang", "KH", "KH",
         "onsite"),
        # activities that started in the city; an expert's lecture at another body's forum there
        ("Activities started in Phnom Penh in February 2023 and were completed by late June.", "Phnom Penh", "KH", "KH",
         "onsite"),
        ("A Luxembourgish expert delivered a lecture at the regional forum hosted by the NIBTT in Port of Spain on 12-13 "
         "June 2019.", "Port of Spain", "TT", "TT", "onsite"),
        # "teams" are people, not the video tool
        ("Two inspectors accompanied SLI teams during joint inspections in Skopje.", "Skopje", "MK", "MK", "onsite"),
        # no partner fact: the rule cannot apply
        ("Two technical cooperation activities in Belgrade resulted in updated guidelines.", "Belgrade", "RS", None, None),
        # a place that is not where activities were held
        ("Experts looked into informal work dynamics in the streets of Barranquilla.", "Barranquilla", "CO", "CO", None),
        ("The 3rd activity developed a toolkit on counselling activities for job counsellors in Thika.", "Thika", "KE", "KE", None),
        ("The action involved staff from Douala.", "Douala", "CM", "CM", None),
        # a verb too far away, in another phrase
        ("Experts trained the staff of the ministry on the new rules of the national pension fund and of the "
         "social insurance fund in Douala.", "Douala", "CM", "CM", None),
    ],
)
def test_activities_in_partner_city(
    nlp: Language, text: str, city: str, city_code: str, partner: str | None, expected: str | None
) -> None:
    doc = with_partner_city(nlp, text, city, city_code, partner)
    assert delivery(doc) == expected
    if expected:
        [cue] = [f for f in doc._.facts if f.field == "delivery_cue"]
        assert (cue.rule, cue.status) == ("onsite:in-partner-city", "inferred")
        assert city in cue.text


def test_an_e_event_hosted_there_is_remote(nlp: Language) -> None:
    """"hosted the E-Conference" (split by the tokenizer) hosts a remote event: no on-site cue of the city."""
    text = "On 9 November 2022, the Ministry of the Dominican Republic hosted the E-Conference on green jobs."
    doc = with_partner_city(nlp, text, "Dominican Republic", "DO", "DO")
    assert delivery(doc) == "remote"
    assert not [f for f in doc._.facts if f.field == "delivery_cue" and f.rule == "onsite:in-partner-city"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the partner country's name as the place, after a verb, a presence, a movement or as host
        ("A training was held in Djibouti in May 2023.", "onsite"),
        ("The experts were in Djibouti for a week.", "onsite"),
        ("The experts came to Djibouti in June.", "onsite"),
        ("The Caisse of Djibouti welcomed two experts for training sessions.", "onsite"),
        # ... not hosting a remote event, nor after a bare noun (a domain) or a verb's object
        ("The Ministry of Labour of Djibouti hosted, with SOCIEUX+, a regional webinar.", "remote"),
        ("The action promoted safety and health at work in Djibouti.", None),
        ("Vocational training in Djibouti was reviewed.", None),
        ("The action mapped the employment services in Djibouti.", None),
        # a remote subject: where the organisers or participants are
        ("Online sessions were held in Djibouti with the staff.", "remote"),
    ],
)
def test_partner_country_named_as_the_place(nlp: Language, text: str, expected: str | None) -> None:
    doc = with_partner_city(nlp, text, "Djibouti", "DJ", "DJ", kind="country")
    assert delivery(doc) == expected


@pytest.mark.parametrize(
    ("text", "partner", "expected"),
    [
        # the partner's towns, too small for the gazetteer, after "in" (pipeline/towns.py)
        ("A three-day workshop was held in David for the regional staff.", "PA", "onsite"),
        ("The experts facilitated two workshops with service providers in Nikšić.", "ME", "onsite"),
        ("The course, held from Monday to Friday at the Lautoka office of the Ministry, covered risk assessment.", "FJ",
         "onsite"),
        ("The Lautoka office of the Ministry sent two officers.", "FJ", None),
        ("The experts were in Victoria for a training of trainers.", "SC", "onsite"),
        # what people have to do there is no event held there
        ("Insured persons still have to visit the branch offices in Nikšić.", "ME", None),
        # ... of the partner only, and only as a place: a first name is none
        ("A three-day workshop was held in David for the regional staff.", "ME", None),
        ("Mr David Ortega trained the staff.", "PA", None),
    ],
)
def test_the_partners_towns_are_its_venues(nlp: Language, text: str, partner: str, expected: str | None) -> None:
    doc = nlp.make_doc(text)
    doc.user_data[FIELDS_KEY] = {"description": (0, len(text))}
    doc._.countries = []
    add_fact(doc, Fact("partner_country", partner, 0, 0, "", "test"))
    doc = run(nlp, doc)
    assert delivery(doc) == expected
    if expected:
        [cue] = [f for f in doc._.facts if f.field == "delivery_cue"]
        assert cue.rule == "onsite:in-partner-city"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a remote word in the subject of the verb or before the noun: the city is no venue
        ("The webinar was held in Lima.", "remote"),
        ("Virtual workshops were organised in Lima for the counsellors.", "remote"),
        ("Three online sessions in Lima followed.", "remote"),
        # ... in another clause, it is a second cue
        ("Following the online kick-off, a workshop was held in Lima.", "mixed"),
        # ... or in another noun phrase of a coordination
        ("The experts held a series of webinars and a consultation workshop in Lima with the counsellors.", "mixed"),
        # a fronted place without a comma before its clause's subject
        ("The action began with online meetings. In Lima we then ran a three-day workshop.", "mixed"),
        # a verb of holding in the present ("runs", "takes place") with its venue before the city
        ("The course, which runs from 12 to 23 May at the vocational training centre in Lima, is given by two experts.",
         "onsite"),
    ],
)
def test_a_remote_word_before_the_verb_or_noun(nlp: Language, text: str, expected: str) -> None:
    assert delivery(with_partner_city(nlp, text, "Lima", "PE", "PE")) == expected


@pytest.mark.parametrize(("text", "city", "code", "expected", "city_cue"), [
    # where the participants are, said after the city
    ("The experts coached the staff in Aden through online sessions.", "Aden", "YE", "remote", False),
    ("The counsellors were in Juba through online sessions.", "Juba", "SS", "remote", False),
    # a coordinated place does not end the phrase; a remote word up to six words after the city
    ("The experts coached SWF staff in Aden and Taiz through online sessions.", ("Aden", "Taiz"), "YE", "remote",
     False),
    ("The experts worked with the Ministry's staff in Juba in a series of online working sessions.", "Juba", "SS",
     "remote", False),
    # a remote word in the next clause does not undo the work done in the city
    ("Experts assessed the IT architecture in Kingstown and then accompanied remotely the strategy.",
     "Kingstown", "VC", "mixed", True),
    # a remote word before a contrast adverb speaks of an earlier step, not of the work in the city
    ("A Danish expert carried out a feasibility assessment, remotely in 2021 and then in Suva in early 2022.",
     "Suva", "FJ", "mixed", True),
    ("A Danish expert carried out a feasibility assessment remotely for the staff in Suva.", "Suva", "FJ", "remote",
     False),
])
def test_a_remote_word_after_the_city(nlp: Language, text: str, city: str | tuple[str, ...], code: str,
                                      expected: str, city_cue: bool) -> None:
    first, *others = (city,) if isinstance(city, str) else city
    doc = with_partner_city(nlp, text, first, code, code, tuple(others))
    assert delivery(doc) == expected
    assert any(f.rule == "onsite:in-partner-city" for f in doc._.facts if f.field == "delivery_cue") == city_cue


def test_city_of_the_participants_of_a_remote_activity_is_not_onsite(nlp: Language) -> None:
    text = "Experts delivered webinars to 120 counsellors in Medellín, who connected from their offices."
    doc = with_partner_city(nlp, text, "Medellín", "CO", "CO")
    assert delivery(doc) == "remote"
    assert not [f for f in doc._.facts if f.field == "delivery_cue" and f.rule == "onsite:in-partner-city"]


def test_works_without_countries_or_partner(nlp: Language) -> None:
    doc = nlp.make_doc("Activities in Belgrade were carried out online.")
    assert delivery(run(nlp, doc)) == "remote"  # no user_data at all: whole text in scope


def test_serialised_patterns_match_pattern_file(nlp: Language, tmp_path: Path) -> None:
    pipe = nlp.get_pipe(PIPE)
    assert pipe.patterns == list(srsly.read_jsonl(PATTERNS_DIR / "delivery.jsonl"))
    pipe.to_disk(tmp_path)
    fresh = build_nlp([PIPE])
    fresh.get_pipe(PIPE).from_disk(tmp_path)
    assert fresh.get_pipe(PIPE).patterns == pipe.patterns
    text = "Experts delivered on-line workshops, then a mission followed."
    assert delivery(annotate(fresh, text)) == delivery(annotate(nlp, text)) == "mixed"


def test_bad_pattern_id_is_rejected(nlp: Language) -> None:
    pipe = nlp.get_pipe(PIPE)
    with pytest.raises(ValueError, match="delivery.jsonl"):
        type(pipe)(nlp, "x").initialize(patterns=[{"id": "hybrid:x", "pattern": [{"LOWER": "x"}]}])


@pytest.mark.parametrize(("text", "expected"), [
    # a place fronted before the clause that holds the event
    ("The experts first worked remotely. In Nairobi, they facilitated a workshop with twelve councils.", "mixed"),
    ("In Nairobi, the experts held online sessions with the councils.", "remote"),
    # being there "finally"
    ("The diagnosis ran remotely. From 10 to 21 June we were finally in Nairobi to train counsellors.", "mixed"),
])
def test_a_fronted_or_finally_reached_city(nlp: Language, text: str, expected: str) -> None:
    assert delivery(with_partner_city(nlp, text, "Nairobi", "KE", "KE")) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("Remote", "remote"), ("On-site", "onsite"), ("Mixed", "mixed"), ("hybrid", "mixed"), ("En présentiel", "onsite"),
    ("—", "remote"),  # a value the field words do not know: the cues decide (here "online")
    # a value that describes the delivery: the field words in it, mixed when both kinds or a mixed word
    ("Online sessions plus one on-site visit", "mixed"), ("Remote, with a final mission", "mixed"),
    ("Blended (virtual classes and an in-country mission)", "mixed"), ("In person, in Dushanbe", "onsite"),
])
def test_a_labelled_delivery_field_decides(nlp: Language, value: str, expected: str) -> None:
    """A page's own "Mode: …" value (a table's Mode column) is the decision, certain (rule delivery:field)."""
    title, description = "Webinar series", "Experts met the staff online."
    text = f"{title}\nMode: {value}\n{description}"
    start = text.index(value)
    doc = nlp(prepare_doc(nlp, text, {"title": (0, len(title)), "delivery": (start, start + len(value)),
                                      "description": (text.index(description), len(text))}))
    [decision] = [f for f in doc._.facts if f.field == "delivery"]
    assert decision.value == expected
    assert (decision.rule == "delivery:field") is (value != "—")


@pytest.mark.parametrize(("text", "expected"), [
    # the action delivered only at a distance: another body's programme in a city of the partner is no activity
    ("Because of the security situation, the action was delivered entirely online. The Danish Refugee Council, "
     "which runs a veterans' support programme in Kharkiv, contributed testimonies.", "remote"),
    # ... not a phase of it: "How did the action start? … fully online"
    ("How did the action start? In a very unusual way: fully online. In June we spent two weeks in Kharkiv to "
     "train counsellors.", "mixed"),
])
def test_an_action_delivered_only_online(nlp: Language, text: str, expected: str) -> None:
    assert delivery(with_partner_city(nlp, text, "Kharkiv", "UA", "UA")) == expected

