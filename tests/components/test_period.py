"""Tests of the `socieux_period` component: the action's own activity period (spec § period_start / period_end)."""

from __future__ import annotations


import pytest
import srsly
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.facts import Fact, facts
from pipeline.extract import annotate
from pipeline.nlp import build_nlp
from pipeline.paths import PATTERNS_DIR


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp(["socieux_modality", "socieux_dates", "socieux_period"])


def run(nlp: Language, text: str, fields: dict[str, str], kind: str = "listing", year: int | None = None) -> Doc:
    """A record Doc with its field spans given as substrings of `text` (first occurrence)."""
    return annotate(nlp, text, fields, kind, year)


def period(doc: Doc) -> tuple[str | None, str | None]:
    found = {f.field: f.value for f in facts(doc) if f.field in ("period_start", "period_end")}
    return found.get("period_start"), found.get("period_end")


def period_facts(doc: Doc) -> list[Fact]:
    return [f for f in facts(doc) if f.field in ("period_start", "period_end")]


def listing(title: str, description: str) -> tuple[str, dict[str, str]]:
    return f"  • {title}\n\n    Ministry of Labour\n    {description}", {"title": title, "description": description}


# (title, description, period_start, period_end) — sentences that date the action itself (inferred)
SENTENCES = [
    ("Strengthening inter-institutional coordination",
     "Action 2023-11 was implemented from May to November 2023. The first activity consisted in an assessment.",
     "2023-05", "2023-11"),
    ("The National Employment System of Costa Rica",
     "This technical cooperation, developed with the Costa Rican Ministry (MTSS), saw experts from France. This "
     "cooperation took place within the framework of the International Forum on Public Employment Services and "
     "the National Employment System of Costa Rica on 23-24 May 2024.",
     "2024-05-23", "2024-05-24"),
    ("Expert presentations at the 2024 National Meeting of Public Service Employment Service Providers",
     "The Colombian Public Service Employment hosted from 18-20 November 2024, a conference bringing together "
     "its service providers.",
     "2024-11-18", "2024-11-20"),
    ("Action with only a description",
     "Experts from Lithuania and Latvia supported the Ministry, through two online workshops held in 2021.",
     "2021", "2021"),
    ("Two missions", "The first mission took place in March 2022 and the second took place in June 2022.",
     "2022-03", "2022-06"),
    # the action's own id between the noun and the verb
    ("Observatory data", "Experts analysed the data. Action 2020-08 started in September 2020 and ended in March 2021.",
     "2020-09", "2021-03"),
    # a reduced clause: "the action, implemented between …"
    ("Capacity building of the Ministry",
     "The action, implemented between 2019 and 2021, mobilised experts from Belgium.", "2019", "2021"),
    ("Employment services", "The cooperation (2021-15) was carried out from May to July 2022 with French experts.",
     "2022-05", "2022-07"),
    ("Pensions", "Implemented between March and May 2021, the action mobilised experts from Spain.", "2021-03", "2021-05"),
    ("Pensions", "Between March and May 2021, SOCIEUX+ supported the Ministry of Labour.", "2021-03", "2021-05"),
    ("Pensions", "This action mobilised experts from Spain remotely, between January and April 2021.",
     "2021-01", "2021-04"),
    # a verb of delivering the action in a sentence that names its experts
    ("Diagnosis", "In the second half of 2021, a Spanish expert and an Argentinian expert conducted a diagnosis.",
     "2021", "2021"),
    ("Assessors", "A Filipino expert and an Irish expert trained BMET assessors in Dhaka in 2022.", "2022", "2022"),
]

# (title, description) — dates about something else: no period
NOT_PERIOD = [
    # the launch of a partner's scheme dates the scheme, not the action
    ("Employer compliance", "The Fund worked with SOCIEUX+ on its inspection function, which has gained importance "
     "since the launch of the pension scheme for private-sector workers in October 2022."),
    # the year of a named law or policy is its vintage or horizon, whatever verb of the experts is near
    ("Social services standards", "Two experts reviewed the rulebook adopted under the Law on Social and Child "
     "Protection of 2013, and facilitated two workshops."),
    ("OSH policy", "Employers discussed the draft National Policy on Occupational Safety and Health 2023-2030, "
     "which the experts helped prepare."),
    ("Capacity building for MLSW in Montenegro",
     "In light of Montenegro's recent adoption of the Strategy for the Improvement of Occupational Safety and "
     "Health 2022-2027 (with its 22/23 Implementation Action Plan), the Ministry requested support from SOCIEUX+."),
    ("Improving the quality of services at day care centers",
     "Following the last analysis carried out by the Institute of Social Activities in June 2022, the technical "
     "assistance provided by SOCIEUX+ through mobilized EU public experts addressed the qualitative dimension."),
    ("Design of a Recruitment and Selection Management Model",
     "Since 2018, the Personnel Recruitment and Selection Area of the DGSC has been developing an initiative. "
     "Spanish experts mobilized by SOCIEUX+ improved the system."),
    ("Support for a sustainable business model",
     "The Center for Agricultural Training (CFA) of Bolivia was expected to take off in 2022 towards a modern "
     "professional training model. Collaboration with experts from Spain through SOCIEUX+ was pivotal."),
    ("Management of funding proposals",
     "Strategic and technical support was provided to the elaboration of the FNAS' plan of action for 2021."),
    ("Labour code", "The Labour Code adopted in 2019 was reviewed by French experts with SOCIEUX+."),
    ("Labour law", "The law of 2015 was reviewed; the workshop was held with experts."),
    ("No cue at all", "The country had high unemployment in 2020."),
    ("No agent", "The ministry trained its inspectors in 2019."),  # a delivering verb without the action's experts
    # a programme's years, and the cooperation an earlier action started, are not this action's period
    ("Profiling", "The course is aligned with the National Employment Programme 2022-2026."),
    ("Profiling", "It continues the cooperation started in 2020 under Action 2020-04."),
    ("Strategy", "SOCIEUX+ supported the Ministry in the preparation of its strategy 2020-2024."),
    ("Actuarial models", "The action trained actuaries in Maputo on projection models covering 2025-2050."),
]


def test_press_dateline_is_not_the_period(nlp: Language) -> None:
    """A paragraph opening "Place, date –" dates the publication (like a news date line)."""
    desc = ("Asunción, 5 May 2022 – The Ministry of Labour of Paraguay completed its technical cooperation "
            "with SOCIEUX+.")
    assert period_facts(run(nlp, *listing("Paraguay", desc))) == []
    desc = desc.replace("completed its", "completed on 28/04/2022 the last activity of its")
    assert period(run(nlp, *listing("Paraguay", desc))) == (None, "2022-04-28")  # "completed on": an end only


@pytest.mark.parametrize(("description", "expected"), [
    ("The Ministry of Labour started a cooperation with SOCIEUX+ that began in January 2023.", ("2023-01", None)),
    ("The action started in the last quarter of 2021.", ("2021", None)),
    ("The action ended in March 2021.", (None, "2021-03")),
    ("The action started in January 2022 and ended in June 2022.", ("2022-01", "2022-06")),
    # the action's stated start keeps an end its sentence says, not a later activity's date
    ("The action started in early 2023 and was completed in 2024.", ("2023", "2024")),
    ("The action started in early 2023. A workshop was held in May 2023.", ("2023", None)),
    # a date after "until" only ends the period
    ("The remaining work was completed through videoconferences until the end of 2018.", (None, "2018")),
    # the experts on the ground, and work "carried out" between two dates
    ("Remote work with the experts ran in January and February 2024. From 4 to 8 March 2024, the two experts were "
     "in Basseterre to run a workshop.", ("2024-01", "2024-03-08")),
    ("The assessment was carried out between January and May 2023 by an actuary.", ("2023-01", "2023-05")),
    # a launch with the date before its object
    ("The Department and SOCIEUX+ launched on 14 January 2025 a new cooperation on reintegration.", ("2025-01-14", None)),
    # a sentence opening with the action's launch, the action its subject: a start, and an end its sentence says
    ("Launched in Ulaanbaatar on 6 March 2023, the action supports the General Office in designing a case management "
     "system.", ("2023-03-06", None)),
    ("Kicked off in Lusaka in February 2024, the SOCIEUX+ cooperation has so far delivered two workshops.",
     ("2024-02", None)),
    ("Started in January 2022, the cooperation ended in June 2023 with a validation workshop.", ("2022-01", "2023-06")),
    # ... not a scheme or platform launched: the subject must be the action
    ("Launched in 2019, the social registry covers two million households. Two experts visited Dakar from 3 to 7 June "
     "2023.", ("2023-06-03", "2023-06-07")),
    ("Launched on 3 May 2023, the new platform lets workers register online. The action started in 2024.",
     ("2024", None)),
    # a start word before an adverb of how; an action that came to an end on a date
    ("The visit is part of a SOCIEUX+ action that began online in February 2024.", ("2024-02", None)),
    ("Launched in January 2023, the SOCIEUX+ action requested by the Ministry came to an end on 28 November 2023 with "
     "a closing conference in Yerevan.", ("2023-01", "2023-11-28")),
    # the partner welcoming the mission, its dates before its object; a launch with its place before the date
    ("The CNPS welcomed in Abidjan, from 10 to 14 February 2025, a mission of experts mobilised by SOCIEUX+.",
     ("2025-02-10", "2025-02-14")),
    ("The cooperation was launched in Tbilisi on 14 February 2023, with the participation of the Deputy Minister, and "
     "closed with the conference held on 28 November 2023 in Kutaisi.", ("2023-02-14", "2023-11-28")),
    # of two dates of one span, the finer
    ("The action took place entirely at a distance during the second half of 2021: from July to December, eight "
     "webinars brought together technicians and experts.", ("2021-07", "2021-12")),
])
def test_a_date_that_only_starts_or_only_ends_the_period(nlp: Language, description: str, expected: tuple) -> None:
    """A single date after "began in" says when the period started, not when it ended."""
    doc = run(nlp, *listing("An action", description))
    assert period(doc) == expected
    assert all(f.value is not None for f in period_facts(doc))  # a bound not said is absent, not open


@pytest.mark.parametrize(("description", "expected"), [
    # a sentence saying the action ended: its dates end the period
    ("Action 2024-12 started in March 2024. The first group took the course in Apia on 18 September 2024, which "
     "brought the action to a close.", ("2024-03", "2024-09-18")),
    ("The Agency and SOCIEUX+ concluded their action on case management on 5 December 2024, with a final webinar.",
     (None, "2024-12-05")),
    # ... a range in such a sentence keeps its start
    ("The action ran from October 2024 until March 2025, and a consultation workshop in Toamasina closed the action.",
     ("2024-10", "2025-03")),
    # a kick-off (a hyphenated word: three tokens) starts it, a closing seminar after a comma ends it
    ("The cooperation was launched with a kick-off meeting on 15 April 2024. The closing seminar, on 28 November "
     "2024, presented the results.", ("2024-04-15", "2024-11-28")),
    # the dates of the activity the action concluded with end it; the experts' earlier activities start it
    ("In the first phase, in February 2024, two actuaries travelled to Dili. The cooperation concluded with a study "
     "visit to Berlin from 16 to 20 September 2024.", ("2024-02", "2024-09-20")),
    # a mission with its place and its dates in brackets; another body's meeting to come leaves no end open
    ("During a two-week mission in Suva (9–20 October 2023), two experts met officials. The protocol will be "
     "discussed at the annual meeting of the Pacific Labour Mobility Arrangement in March 2024.",
     ("2023-10-09", "2023-10-20")),
    # the action's mission dated in its own sentence starts it
    ("During the mission, from 10 to 21 March 2025, Ann Vermeulen and Koen De Smet held a workshop with the "
     "Commission. Their final report, sent on 31 March 2025, closed the action.", ("2025-03-10", "2025-03-31")),
])
def test_a_sentence_saying_the_action_ended(nlp: Language, description: str, expected: tuple) -> None:
    doc = run(nlp, *listing("An action", description))
    assert period(doc) == expected


@pytest.mark.parametrize(("title", "description", "start", "end"), SENTENCES, ids=[s[0][:30] for s in SENTENCES])
def test_sentence_dating_the_action(nlp: Language, title: str, description: str, start: str, end: str) -> None:
    doc = run(nlp, *listing(title, description))
    assert period(doc) == (start, end)
    assert {f.status for f in period_facts(doc)} == {"inferred"}
    assert all(f.rule.startswith("period:sentence:self:") for f in period_facts(doc))


@pytest.mark.parametrize(("title", "description"), NOT_PERIOD, ids=[s[0][:30] for s in NOT_PERIOD])
def test_dates_about_something_else(nlp: Language, title: str, description: str) -> None:
    assert period_facts(run(nlp, *listing(title, description))) == []


def test_evidence_is_the_date_text(nlp: Language) -> None:
    doc = run(nlp, *listing("T", "Action 2023-11 was implemented from May to November 2023."))
    for fact in period_facts(doc):
        assert fact.text == "from May to November 2023" == doc.text[fact.start : fact.end]


NEWS = (
    "21/12/2021\n"
    "State talent in the state employment administrations exchange experiences in a workshop\n"
    "More than sixty people took part in the workshop, organised by SOCIEUX+ and Ecuador's Ministry of Employment.\n"
    "The workshop is part of the technical cooperation that, since May 2021, the Ecuadorian Ministry of "
    "Employment has been developing with the SOCIEUX+ programme with a view to strengthening skills.\n"
    "Cooperation continues, with two new activities planned for early 2022: the development of a plan."
)


def test_news_open_period_and_date_line_ignored(nlp: Language) -> None:
    doc = run(nlp, NEWS, {"date_line": "21/12/2021", "title": "State talent in the state employment",
                          "description": "More than sixty"}, kind="news", year=2021)
    assert period(doc) == ("2021-05", None)
    start, end = period_facts(doc)
    assert start.text == end.text == "since May 2021"


def test_news_date_line_alone_is_not_the_period(nlp: Language) -> None:
    text = "21/12/2021\nA headline\nThe workshop was held with experts from Spain."
    doc = run(nlp, text, {"date_line": "21/12/2021", "title": "A headline"}, kind="news", year=2021)
    assert period_facts(doc) == []


@pytest.mark.parametrize(("tag", "start", "end"), [
    ("SOCIEUX+ 2018-05 BOLIVIA, ACT. 2 (04.06 – 15.06.2018)", "2018-06-04", "2018-06-15"),
    ("SOCIEUX+ 2017-03 PERU, ACT. 1 (12/03 – 23/03/2019)", "2019-03-12", "2019-03-23"),
    ("SOCIEUX+ 2018-05 BOLIVIA, ACT. 3 (15.06.2018)", "2018-06-15", "2018-06-15"),
])
def test_news_tag_is_certain(nlp: Language, tag: str, start: str, end: str) -> None:
    text = f"05/07/2018\nHeadline\nThe workshop was held with experts.\n{tag}"
    doc = run(nlp, text, {"date_line": "05/07/2018", "title": "Headline", "tag": tag}, kind="news", year=2018)
    assert period(doc) == (start, end)
    assert {(f.rule, f.status) for f in period_facts(doc)} == {("period:tag", "certain")}


@pytest.mark.parametrize(("body", "start", "end"), [
    # the text says the action started before the tagged activity: its start, the tag's end
    ("The action started in early 2023 with a review of the procedures.", "2023", "2023-11-24"),
    ("Action 2022-52 started in March 2023 with a diagnosis of the arrears.", "2023-03", "2023-11-24"),
    ("Starting in October 2023, a Spanish expert assisted the inspectorate.", "2023-10", "2023-11-24"),
    # an earlier activity the text dates without saying the action started with it: the tag's dates are the
    # period (spec; every gold news item with a tag and an earlier activity agrees: preparatory sessions online,
    # "the first activity of the action, held in September", a pilot year)
    ("The workshop was held in 2022 with experts.", "2023-11-20", "2023-11-24"),
    ("The workshop was held in 2017 with experts.", "2023-11-20", "2023-11-24"),
    ("In January 2023, a French expert carried out a diagnosis of the arrears.", "2023-11-20", "2023-11-24"),
    ("Two experts held three preparatory sessions online with the delegation in October.", "2023-11-20", "2023-11-24"),
    # no earlier activity of the action, or a start that is not earlier: the tag alone
    ("The training followed a diagnosis of the inspectorate carried out in 2018 by the ILO.", "2023-11-20", "2023-11-24"),
    ("The action started on 20 November 2023 with a seminar.", "2023-11-20", "2023-11-24"),
    ("SOCIEUX+ had already supported the Ministry in 2019 with a review.", "2023-11-20", "2023-11-24"),
])
def test_a_start_the_text_states_goes_before_the_tagged_activity(nlp: Language, body: str, start: str, end: str) -> None:
    tag = "SOCIEUX+ 2022-41 TAJIKISTAN, ACT. 4 (20.11 – 24.11.2023)"
    text = f"28/11/2023\nHeadline\n{body}\n{tag}"
    doc = run(nlp, text, {"date_line": "28/11/2023", "title": "Headline", "tag": tag}, kind="news", year=2023)
    assert period(doc) == (start, end)


@pytest.mark.parametrize(("body", "expected"), [
    # the action named with its partner before a relative clause that dates it
    ("The action with the Caisse de Sécurité Sociale (CSS) of Senegal, which started in January 2023, ended with a "
     "closing seminar in Dakar on 23 November 2023.", ("2023-01", "2023-11-23")),
    # an interview's answer opening "We started in …": the cooperation's start only
    ("Q: When did the cooperation begin?\nA: We started in autumn 2022. The Agency was preparing the transition.",
     ("2022", None)),
    ("We started the day with a visit to the registry office. The team met the director.", (None, None)),
    ("We started online in November 2022. The mission followed.", ("2022-11", None)),
    # the support launched, the cooperation with the partner started, the action going on until a date
    ("The support, launched in October 2023, helps the Ministry design a new registry.", ("2023-10", None)),
    ("Our cooperation with GASI started in August 2023, when the experts first met the team.", ("2023-08", None)),
    ("A peer exchange was held online on 26-27 February 2025. The exchange opens action 2025-04, which continues "
     "until September 2025.", ("2025-02-26", "2025-09")),
    # the action coming to a close across its relative clause, the closing event of the cooperation
    ("The action, which started in June 2021, came to a close with a validation seminar in Accra on 15 March 2022.",
     ("2021-06", "2022-03-15")),
    ("The Ministry held the closing conference of its cooperation with SOCIEUX+ on 28 November 2024 in Lima.",
     (None, "2024-11-28")),
    # ... not a cooperation that went on despite something, dated by another clause
    ("ANPEJ welcomed a cooperation that continued despite the closed borders and announced that the tools would be "
     "rolled out from September 2021.", (None, None)),
])
def test_a_news_item_dates_its_action_in_a_relative_clause_or_an_answer(nlp: Language, body: str,
                                                                         expected: tuple) -> None:
    text = f"5 December 2023\nHeadline\n{body}"
    doc = run(nlp, text, {"date_line": "5 December 2023", "title": "Headline", "description": body}, kind="news",
              year=2023)
    assert period(doc) == expected


@pytest.mark.parametrize(("body", "end"), [
    # an activity of the action dated after the tag, still to come: the action is ongoing
    ("A final seminar in Kyiv is planned for December 2024.", None),
    ("The two experts will travel to Dushanbe in February 2024 to train the enumerators.", None),
    ("The action will end with a webinar on data protection, scheduled for July 2024.", None),
    # the partner's own plans, a next phase, a cancelled or postponed activity: the tag's end stays
    ("The Agency intends to extend the new procedures to all regions in 2024.", "2023-11-24"),
    ("A second phase is foreseen in 2024, subject to the approval of the Board.", "2023-11-24"),
    ("A study visit to Riga, planned for March 2024, was cancelled.", "2023-11-24"),
    ("The revised assessment instructions are to be submitted to the Government in 2024.", "2023-11-24"),
    # still to come, but not after the tag's end
    ("A webinar is planned for 2023.", "2023-11-24"),
    # the date of another thing between the activity and the date: the adoption, not the mission
    ("Recommendations from the mission will feed into the revised manual, scheduled for adoption in the first quarter "
     "of 2025.", "2023-11-24"),
    ("The findings of the workshop will inform the strategy to be approved by the Council in 2024.", "2023-11-24"),
    # another body's session; support still to be requested is another action's
    ("The draft law will be submitted to the National Assembly at its session in October 2024.", "2023-11-24"),
    ("Building on the webinars, the Ministry intends to request further SOCIEUX+ support in 2025.", "2023-11-24"),
    ("A second module on modelling will be delivered online in May 2024.", None),
    # an activity word that names another thing ("its national training programme") is no activity to come
    ("In early 2024, the Ministry is expected to integrate the materials into its national training programme.",
     "2023-11-24"),
    # what is made of an activity, and its repetition by the people trained, are no activity to come
    ("The Delegation will publish the recordings of the sessions in early 2024.", "2023-11-24"),
    ("The certified instructors will replicate the course in three provinces in 2024.", "2023-11-24"),
    # the partner hosting an event of its own, speaking for itself, whoever else the sentence names
    ("We will host a regional meeting of Pacific provident funds in 2024, and we hope SOCIEUX+ experts can join us.",
     "2023-11-24"),
    # ... but "planned" is a word of things to come, not another thing
    ("A final seminar in Dushanbe is planned for December 2024.", None),
])
def test_an_activity_still_to_come_leaves_the_period_open(nlp: Language, body: str, end: str | None) -> None:
    first = "The experts delivered a training in Dushanbe from 20 to 24 November 2023."
    text = f"28/11/2023\nHeadline\n{first}\n{body}"
    doc = run(nlp, text, {"date_line": "28/11/2023", "title": "Headline", "description": f"{first}\n{body}"},
              kind="news", year=2023)
    assert period(doc) == ("2023-11-20", end)
    if end is None:
        [fact] = [f for f in period_facts(doc) if f.field == "period_end"]
        assert (fact.rule, fact.status) == ("period:ongoing:activity-to-come", "inferred")


@pytest.mark.parametrize("body", [
    "A final seminar in Kyiv is planned for December 2024.",
    "The action will end with a webinar on data protection, scheduled for July 2024.",
    "A final activity to present the guidelines to the Deputy Minister will follow.",
    "It was the first activity of SOCIEUX+ action 2022-41.",
])
def test_a_news_tag_keeps_its_end_whatever_comes_next(nlp: Language, body: str) -> None:
    """Spec: the dates of a news tag are the period; what the item plans after it does not reopen it."""
    tag = "SOCIEUX+ 2022-41 TAJIKISTAN, ACT. 4 (20.11 – 24.11.2023)"
    text = f"28/11/2023\nHeadline\nThe experts delivered a training.\n{body}\n{tag}"
    doc = run(nlp, text, {"date_line": "28/11/2023", "title": "Headline", "tag": tag}, kind="news", year=2023)
    assert period(doc) == ("2023-11-20", "2023-11-24")
    assert {f.rule for f in period_facts(doc)} == {"period:tag"}


LABELLED = "• {title}\n\n    Start activities\n    {start}\n    End activities\n    {end}\n    Description\n    {desc}"


@pytest.mark.parametrize(("start", "end", "expected"), [
    ("14/03/2022", "07-11-2023", ("2022-03-14", "2023-11-07")),
    ("mar-2019", "Ongoing", ("2019-03", None)),
    ("01/02/2021", "", ("2021-02-01", None)),
    ("", "mar-2020", (None, "2020-03")),
])
def test_labelled_fields_are_certain_and_win(nlp: Language, start: str, end: str, expected: tuple) -> None:
    desc = "Action 2023-11 was implemented from May to November 2023."
    text = LABELLED.format(title="An action", start=start, end=end, desc=desc)
    fields = {"title": "An action", "description": desc}
    if start:
        fields["start_activities"] = start
    if end:
        fields["end_activities"] = end
    doc = run(nlp, text, fields)
    assert period(doc) == expected
    assert {(f.rule, f.status) for f in period_facts(doc)} == {("period:field", "certain")}


@pytest.mark.parametrize(("end", "expected"), [("", ("2024-09-18", "2024-11")), ("Ongoing", ("2024-09-18", None))])
def test_an_empty_labelled_end_is_closed_by_the_text(nlp: Language, end: str, expected: tuple) -> None:
    """The text saying the action closed ends it when the End field is empty, not when it says "Ongoing"."""
    desc = "A delegation travelled to Madrid. The action closed with a workshop in Tunis in November 2024."
    text = LABELLED.format(title="An action", start="18/09/2024", end=end, desc=desc)
    fields = {"title": "An action", "description": desc, "start_activities": "18/09/2024"}
    if end:
        fields["end_activities"] = end
    assert period(run(nlp, text, fields)) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("01/03/2021 – 15/10/2021", ("2021-03-01", "2021-10-15")),
    ("10/2023 – 06/2024", ("2023-10", "2024-06")),
    ("from 09/2022 (ongoing)", ("2022-09", None)),
    ("since March 2021", ("2021-03", None)),
    ("Starting 02-10-2023", ("2023-10-02", None)),
    ("2019", ("2019", "2019")),
])
def test_a_labelled_period_is_certain_and_wins(nlp: Language, value: str, expected: tuple) -> None:
    desc = "Action 2023-11 was implemented from May to November 2023."
    text = f"Action title: An action\nPeriod: {value}\nSummary: {desc}"
    doc = run(nlp, text, {"title": "An action", "period": value, "description": desc})
    assert period(doc) == expected
    assert {(f.rule, f.status) for f in period_facts(doc)} == {("period:field", "certain")}


def test_empty_labelled_fields_fall_back_to_the_text(nlp: Language) -> None:
    desc = "Action 2023-11 was implemented from May to November 2023."
    text = LABELLED.format(title="An action", start="", end="Ongoing", desc=desc)
    doc = run(nlp, text, {"title": "An action", "end_activities": "Ongoing", "description": desc})
    assert period(doc) == ("2023-05", "2023-11")


@pytest.mark.parametrize(("desc", "expected"), [
    # an empty start label with a labelled end: the start the text states
    ("Action 2024-05 started in February 2024 with a mission to the capital.", ("2024-02", "2024-11-30")),
    # ... only if it is not after the end
    ("Action 2025-05 started in February 2025 with a mission to the capital.", (None, "2024-11-30")),
    # ... or a span of the text that ends with the labelled end
    ("From April to November 2024, Estonian and Irish experts worked with the analysts on a forecasting model.",
     ("2024-04", "2024-11-30")),
    # ... nor an activity's date the text does not give as the action's start
    ("German experts delivered webinars, followed by workshops with branch staff in Jakarta in February 2024.",
     (None, "2024-11-30")),
    # ... nor within the end's month: the closing activity's date
    ("Experts assessed the data flows and presented their recommendations at a final seminar in November 2024.",
     (None, "2024-11-30")),
])
def test_an_empty_start_label_falls_back_to_the_text(nlp: Language, desc: str, expected: tuple) -> None:
    text = LABELLED.format(title="An action", start="", end="30-11-2024", desc=desc)
    doc = run(nlp, text, {"title": "An action", "start_activities": "", "end_activities": "30-11-2024",
                          "description": desc})
    assert period(doc) == expected


def test_title_event_year_when_nothing_better(nlp: Language) -> None:
    title = "Providing EU Expertise for the South Asia Labour Conference 2014"
    doc = run(nlp, *listing(title, "A SOCIEUX mobilised expert participated in two technical sessions."))
    assert period(doc) == ("2014", "2014")
    assert {(f.rule, f.status) for f in period_facts(doc)} == {("period:title-event:event:meeting", "inferred")}


@pytest.mark.parametrize("title", [
    "Support to the 2022-2027 employment strategy",  # a year in a title that names no event
    "Green skills for Kosovo* – Labour market analysis",
])
def test_title_without_event_gives_no_period(nlp: Language, title: str) -> None:
    assert period_facts(run(nlp, *listing(title, "Experts reviewed the framework."))) == []


def test_a_not_period_word_inside_an_institutions_name_is_the_names(nlp: Language) -> None:
    """"Policy" in the partner's name is no policy the date belongs to; a policy of the text still is."""
    text, fields = listing("Support to the Secretariat", "Since November 2024, the Secretariat of State for Vocational "
                           "Training and Employment Policy (SEFOPE) has been working with SOCIEUX+ on a new system.")
    assert period(run(nlp, text, fields)) == ("2024-11", None)
    text, fields = listing("Support to the Secretariat", "Experts reviewed the files. The National Employment Policy "
                           "was adopted in November 2019.")
    assert period(run(nlp, text, fields)) == (None, None)



@pytest.mark.parametrize(("description", "expected"), [
    # a participle qualifying the object of the experts' verb dates what someone else did
    ("In late 2021, experts from Lithuania reviewed the disability assessment model piloted in Yerevan since 2019.",
     ("2021", "2021")),
    # ... but a second verb of the experts, after "and", dates their work
    ("Experts from Lithuania reviewed the model in March 2021 and piloted the new forms from May to June 2021.",
     ("2021-03", "2021-06")),
    # the partner receiving the action's experts dates the action; receiving a document does not
    ("The Authority received a team of SOCIEUX+ experts in Accra from 6 to 10 March 2023 to look at the scheme.",
     ("2023-03-06", "2023-03-10")),
    ("The Ministry received the recommendations in May 2023.", (None, None)),
    # work done in the action's missions; a model the experts built; a cancelled mission reorganised
    ("Estonian experts mapped the data flows. The analysis, conducted in two missions in October 2022 and February "
     "2023, was presented at a national seminar.", ("2022-10", "2023-02")),
    ("A New Zealand actuary and a Belgian expert built a costing model with the Ministry's team in Suva in August "
     "2023.", ("2023-08", "2023-08")),
])
def test_a_participle_qualifying_an_object_is_no_activity_and_received_experts_are(nlp: Language, description: str, expected: tuple) -> None:
    text, fields = listing("Support to the Service", description)
    assert period(run(nlp, text, fields)) == expected


def test_patterns_are_data_and_survive_serialisation(nlp: Language, tmp_path) -> None:
    pipe = nlp.get_pipe("socieux_period")
    assert pipe.patterns == list(srsly.read_jsonl(PATTERNS_DIR / "period.jsonl"))
    assert {p["kind"] for p in pipe.patterns} == {"self_cue", "not_period_cue", "event_cue", "start_word", "end_word",
                                                 "start_clause", "end_clause", "last_activity", "only_activity", "first_activity",
                                                 "activity_cue", "agent_cue", "coming_activity", "not_coming", "final_to_come",
                                                 "institution_name", "study_programme", "later_activity", "nth_activity"}
    pipe.to_disk(tmp_path)
    fresh = type(pipe)(nlp, "socieux_period").from_disk(tmp_path)
    assert fresh.patterns == pipe.patterns and len(fresh.matcher) == len(pipe.matcher)


# -- with the components whose facts the period reads (action ids, experts) ---------------


@pytest.fixture(scope="module")
def full_nlp() -> Language:
    from pipeline.run import get_nlp

    return get_nlp()


@pytest.mark.parametrize(("description", "expected"), [
    # the action named as the subject outranks a strategy's years dated by a weaker cue
    ("Within the framework of the Social Inclusion Strategy of the Federation 2021-2027, SOCIEUX+ mobilised "
     "experts from Croatia. The action ran from November 2022 to January 2023.", ("2022-11", "2023-01")),
    # the record's own id in a relative clause
    ("The manual is the main output of Action 2022-03, which ran from June to October 2022.", ("2022-06", "2022-10")),
    # a cited action's clause dates that action, not this one
    ("The previous Action 2022-21, which was implemented in 2022, trained inspectors.", (None, None)),
    # the experts socieux_experts found are agents: "a … social worker supported … from March to May"
    ("From March to May 2023, a Belgian and a French social worker supported the Ministry remotely.",
     ("2023-03", "2023-05")),
    ("Experts from Germany shared their experience in a virtual workshop from 6 to 8 September 2022.",
     ("2022-09-06", "2022-09-08")),
    # a year naming a thing's vintage, a horizon in another clause: not the period
    ("The action was carried out in November 2019 through a mission by a Cypriot actuary, who reviewed the "
     "2016 actuarial valuation.", ("2019-11", "2019-11")),
    ("Action 2023-31 was implemented from 2 to 6 October 2023 and from 15 to 17 January 2024: a French "
     "actuary projected its deficit up to 2050.", ("2023-10-02", "2024-01-17")),
    # the action with a participle phrase, present tense; it outranks a phase's dates
    ("The SOCIEUX+ action supporting the pilot runs from October 2022 until March 2023. In a first phase, "
     "held in Kutaisi from 10 to 14 October, experts reviewed the files.", ("2022-10", "2023-03")),
    # the action as the subject of a delivering verb
    ("In 2019, the action brought experts to Nigeria: two missions reviewed the scheme.", ("2019", "2019")),
    # a sentence about a cited action, bracketed at its end, dates that action
    ("In 2020, SOCIEUX+ supported the Ministry on labour market information (action 2020-11). Action 2025-04 "
     "ran from March to May 2025.", ("2025-03", "2025-05")),
    # a date of a resolution or convention is not the action's
    ("Statisticians from Statistics Sweden delivered a workshop, in line with the ILO's 2013 resolution.",
     (None, None)),
    # the action as subject across a relative clause; an open range after "since"
    ("Action 2023-03, which supported the drafting of the plan, ran from January to June 2023. The experts "
     "reviewed accident declarations registered since 2018.", ("2023-01", "2023-06")),
    ("The webinar is part of Action 2023-38, which has accompanied the STSS since October 2023.", ("2023-10", None)),
    # planned, cancelled or an earlier support's dates are not the period (socieux_modality)
    ("The two missions to Niamey, originally scheduled for 2023, could not take place, and the support was "
     "delivered online in the first half of 2024.", ("2024", "2024")),
    ("SOCIEUX+ had already supported the Ministry in 2019 with a review of the coverage.", (None, None)),
    # a launch with its object before the date only starts the period
    ("The Fund and SOCIEUX+ opened their new cooperation on 4 March 2025 with a kick-off meeting held by "
     "videoconference.", ("2025-03-04", None)),
    # a launch sentence only starts the period; work that began only starts it
    ("The action started with an inception mission from 27 to 31 May 2024. Experts met the staff.",
     ("2024-05-27", None)),
    ("Work began in October 2020 with remote interviews of the management. The study was presented by the experts "
     "at a webinar on 25/02/2021.", ("2020-10", "2021-02-25")),
    # the action named by its id across a phrase outranks an earlier analysis; a request's date is not the period
    ("Action 2023-27 between SOCIEUX+ and the National Agency (ANEFIP) ran from September 2023 to March 2024. It "
     "followed up on an analysis carried out by SOCIEUX+ in 2019.", ("2023-09", "2024-03")),
    ("Following its request of December 2021, a Georgian lawyer reviewed the appeals workflow. The action was carried "
     "out in spring 2022.", ("2022", "2022")),
    ("The action formally ended in June 2023.", (None, "2023-06")),
    ("The experts delivered a six-week course that ran from 16 September to 25 October 2024.",
     ("2024-09-16", "2024-10-25")),
    ("The Pension Agency of Georgia, which introduced a funded scheme in 2019, worked with the Fund. The action closed "
     "on 4 April 2024 with the handover.", (None, "2024-04-04")),
    # a dated activity across a short phrase
    ("Experts from Spain trained 30 counsellors in October 2023; a second workshop, held online in January 2024, "
     "trained the managers.", ("2023-10", "2024-01")),
    # an expert's verb of doing the work dates it; a named law's year does not
    ("In the first week of March 2023, an Irish expert reviewed the claims circuit.", ("2023-03", "2023-03")),
    ("The action reviewed the Employment Act No. 5 of 2023 and its regulations.", (None, None)),
    # the agents on the ground after an apposition; starting their work; meeting the partner
    ("The two experts, a senior inspector of the Greek SEPE and a conciliator of the British Acas, were in Kuwait "
     "from 15 to 20 February 2020.", ("2020-02-15", "2020-02-20")),
    ("The experts began their work in January 2019 with a remote assessment of the Board's finances.",
     ("2019-01", None)),
    ("Two Maltese experts met the Department staff in virtual meetings in June 2021.", ("2021-06", "2021-06")),
    # an event another body organised that the action took part in dates the action; another body's work does not
    ("SOCIEUX+ supported the participation of a Spanish expert in the International Congress organised by the CNSS "
     "in Santo Domingo on 7-8 June 2023.", ("2023-06-07", "2023-06-08")),
    ("The experts reviewed the diagnosis of the inspection services carried out by the ILO in 2018.", (None, None)),
    # a not-period cue after a comma speaks of what follows it; a scheme launched is the partner's
    ("A team of experts completed a diagnostic mission at the CNSS from 24 June to 3 July 2024, as part of the Fund's "
     "strategy to extend coverage.", ("2024-06-24", "2024-07-03")),
    ("The experts reviewed the voluntary insurance scheme launched in 2021.", (None, None)),
    ("Six webinars gathered the staff. The series ran from 15 February to 29 March 2022.",
     ("2022-02-15", "2022-03-29")),
    # the experts' team is the action's agent; "the current cooperation" closes
    ("Between March and May 2022 two experts worked remotely. The team, composed of Ingrid de Vries and Tom Peeters, "
     "then travelled to Paramaribo from 13 to 17 June 2022 to present its findings.", ("2022-03", "2022-06-17")),
    # a stated start keeps the later activities as its end when the record says the action closed
    ("The experts conclude SOCIEUX+ mission in Pristina. Action 2021-06 started in February 2021 with a remote "
     "assessment. From 31 May to 4 June 2021, the experts were in Pristina to present a proposal.",
     ("2021-02", "2021-06-04")),
    ("Action 2021-06 started in February 2021 with a remote assessment. From 31 May to 4 June 2021, the experts were "
     "in Pristina to present a proposal.", ("2021-02", None)),
    # work done with another body's support
    ("The webinars followed up the actuarial assessment carried out with ILO support in 2019. Between January and "
     "March 2022, the experts ran four webinars.", ("2022-01", "2022-03")),
    # a directive's year, a text's entry into force
    ("Croatian and Austrian experts compared the laws with the EU Work-Life Balance Directive of 2019.", (None, None)),
    ("Estonian experts supported the drafting of the methodology, which entered into force on 1 July 2021.",
     (None, None)),
    # peers accompanying the partner; a first activity in apposition starts the period
    ("From March to July 2021, Spanish and Uruguayan peers accompanied the Unidad de Bonos in mapping the data flows.",
     ("2021-03", "2021-07")),
    ("The first activity, a technical workshop held in Dili in November 2022, brought together Portuguese experts. "
     "The second and last activity, delivered remotely in the first half of 2023, presented the costing.",
     ("2022-11", "2023")),
    ("From late 2022 to early 2023, SOCIEUX+ accompanied the Ministry in reviewing its inspection protocol.",
     ("2022", "2023")),
    ("The action started in March 2023. Lusaka hosted from 8 to 12 May 2023 the final activity of a SOCIEUX+ action "
     "supporting the Department.", ("2023-03", "2023-05-12")),
    ("On 17 November 2021, 150 participants joined an e-conference of the agency and SOCIEUX+. The e-conference "
     "closed an action launched in mid-2021.", ("2021", "2021-11-17")),
    # the action's history in a relative clause after the closing cue: the closing activity is dated where named
    ("Thirty counsellors took part in a training of trainers held in Ankara from 3 to 7 October 2022. The training "
     "closed an action that started in early 2022 with a virtual needs assessment and continued in June with a "
     "workshop in Sanliurfa.", ("2022", "2022-10-07")),
    # the last activity, inside the year a phase's span ends in, ends the period; a start made "at a distance"
    ("The first phase of our action ran online from late 2021 to mid-2022: two experts mapped the procedures. From 7 "
     "to 11 November 2022 we ran a workshop in Kathmandu. The workshop was the last activity of the action.",
     ("2021", "2022-11-11")),
    ("The cooperation began at a distance in February 2023. The action then continued in person in San Pedro Sula, "
     "where from 8 to 12 May 2023 the three experts delivered a training of trainers. That activity closed the "
     "action.", ("2023-02", "2023-05-12")),
    # ... but not the action's own span ("implemented from January to September 2022")
    ("Action 2021-22, implemented from January to September 2022, mobilised experts from Slovenia. The action closed "
     "with a national conference in Pristina on 27 September 2022.", ("2022-01", "2022-09")),
    # another body's meeting, named with an acronym, keeps no action open
    ("The action was implemented remotely in 2024. The SSO intends to present the reform options at a meeting of the "
     "ASEAN Social Security Association in Kuala Lumpur later in 2025.", ("2024", "2024")),
    # what the action, named by its id, consisted of; a timeline of numbered phases (a planned one keeps it open)
    ("SOCIEUX+ action 2023-19 consisted of a three-day mission in Baku on 11-13 March 2024.",
     ("2024-03-11", "2024-03-13")),
    ("The action mobilised experts from France. It has unfolded in phases:\nPhase 1 – Diagnosis (February–March "
     "2023): an online review of the legislation.\nPhase 2 – Study visit (8–12 May 2023): a delegation visited "
     "Finland.\nPhase 3 – Training of trainers (planned for Q1 2024): officers will be trained.",
     ("2023-02", None)),
    # an "and" inside a plan's name does not set the plan apart from its date
    ("Between 2021 and 2023, the Ministry worked with SOCIEUX+ to modernise the service. The experts then supported "
     "the drafting of a protocol aligned with the 2021-2025 Economic and Social Development Plan.", ("2021", "2023")),
    # a closing still to come closes nothing yet; a possible one neither opens nor closes
    ("The experts trained 30 staff in March 2024. A final webinar will complete the action in early 2025.",
     ("2024-03", None)),
    ("The experts trained 30 staff in March 2024. An online training could complete the action in early 2025, "
     "depending on the results.", ("2024-03", "2024-03")),
    # a writer's career dates the career
    ("When SOCIEUX+ asked me whether I would join an action with the Ministry, I did not hesitate. I have worked as a "
     "labour inspector in Porto since 2009. The action consisted of a single two-week mission, which took place in "
     "November 2022.", ("2022-11", "2022-11")),
    # the partner's plan to host an event of its own keeps no action open (SOCIEUX+'s plan does)
    ("Two experts ran a workshop in Ulaanbaatar from 13 to 17 November 2023. The Ministry intends to host a regional "
     "forum on shock-responsive social protection in 2025.", ("2023-11-13", "2023-11-17")),
    ("Two experts ran a workshop in Ulaanbaatar from 13 to 17 November 2023. SOCIEUX+ intends to host a regional "
     "forum on social protection in 2025.", ("2023-11-13", None)),
    # SOCIEUX+ implementing the action since a date starts it; the last activity ends it
    ("The seminar, which runs until 14 May 2021, is the last activity of action 2020-41, which SOCIEUX+ has been "
     "implementing with the CNSS since October 2020. The experts trained 15 agents in February 2021.",
     ("2020-10", "2021-05-14")),
    # a date of the predicate before "and closed with …" dates the action's span, not the closing activity
    ("Two experts first carried out an assessment. The action was implemented in the spring of 2023 and closed with "
     "a training of trainers delivered in person in Tirana.", ("2023", "2023")),
    # a closing activity inside a single year the record dates ends the period on its day
    ("On 12 December 2023, the Agency hosted in Chisinau the closing conference of Action 2022-09. Action 2022-09 "
     "started in April 2022 with an assessment carried out online by experts from Romania. Two missions to Chisinau "
     "followed in 2023. The conference brought Action 2022-09 to a close.", ("2022-04", "2023-12-12")),
    # a follow-up action still to come keeps this one's end
    ("The action ran between February and November 2022. A follow-up action on services to employers is planned for "
     "2023 and will open with a workshop in Banja Luka.", ("2022-02", "2022-11")),
    # the partner organising its own event keeps no action open
    ("The action consisted of a seminar held in Tunis on 3, 4 and 5 July 2023. The CNDS intends to organise its first "
     "national conference on social dialogue in 2024.", ("2023-07-03", "2023-07-05")),
    # the introduction of the partner's own service, planned, keeps no action open
    ("The experts were in Chisinau from 4 to 8 September 2023. The mission supported the agency in preparing the "
     "introduction of online registration for jobseekers, planned for January 2024.", ("2023-09-04", "2023-09-08")),
    ("The experts were in Chisinau from 4 to 8 September 2023. The mission supported the agency in preparing a "
     "second mission, planned for January 2024.", ("2023-09-04", None)),
    ("A French expert and a Moroccan expert conducted an audit of the processes in Dakar in October 2019 and "
     "proposed a roadmap for the digitalisation of files.", ("2019-10", "2019-10")),
    # ", and <a capitalised subject> …" opens a clause of its own
    ("The strategy was validated at a national workshop held by the experts on 28-29 April 2025. The SOCIEUX+ action "
     "ended with the validation workshop, and NAPSA plans to roll out the strategy in the second half of 2025.",
     ("2025-04-28", "2025-04-29")),
    # the action named as the subject dates its start even when the sentence ends citing an earlier action
    ("The cooperation with SOCIEUX+ began in March 2022 and built on the earlier support to the Agency (Action "
     "2019-17). The action ended with a seminar in October 2022.", ("2022-03", "2022-10")),
    # "since" is no part of a named policy's year; a subject's plan ("plans to … by 2026") is still to come
    ("SOCIEUX+ has supported the Ministry of Social Policy since April 2023 in designing a curriculum. The Ministry "
     "plans to certify 300 social workers by the end of 2026.", ("2023-04", None)),
    # "The action started with this mission": the mission told before starts it, more is to come
    ("From 3 to 7 July 2023, experts from Lithuania worked in Tbilisi with the Agency. The SOCIEUX+ action started "
     "with this mission.", ("2023-07-03", None)),
    # the action was the experts' part in an event dated where the record names it
    ("The Delegation organised the 2023 National Forum on Social Protection from 30 November to 1 December 2023 in "
     "Dakar. This SOCIEUX+ action consisted of the contribution of two experts to the forum.",
     ("2023-11-30", "2023-12-01")),
    # a terse entry: the action's own id as the subject of a past verb, a date after its comma
    ("Action 2021-20 combined sessions in Bishkek with online participation of regional offices, Sep–Nov 2021; "
     "experts from Latvia and Poland.", ("2021-09", "2021-11")),
    ("Action 2021-20 planned sessions in Bishkek, Sep–Nov 2021.", (None, None)),
    # an event that marked the end of the action; the year of the request; a date before another action's id
    ("The action started from late May 2023. The strategy was validated at a workshop held in Mombasa on 14 "
     "December 2023, an event that also marked the end of the action.", ("2023-05", "2023-12-14")),
    ("The Council requested the support of SOCIEUX+ in 2022. The experts held a workshop on 6-8 March 2023.",
     ("2023-03-06", "2023-03-08")),
    ("The action follows up on the assessment carried out in 2020 under Action 2019-27. The experts held a workshop "
     "on 6-8 March 2023.", ("2023-03-06", "2023-03-08")),
    # a body's own reorganisation dates that change
    ("The experts coached counsellors of the Agency, whose guidance services were reorganised in 2021.",
     (None, None)),
    # an activity held on a date after its complement; a date, then "for" the event it dates
    ("Twenty staff members completed a five-day training on long-term projections of the pension system, held in "
     "Bishkek from 20 to 24 February 2023.", ("2023-02-20", "2023-02-24")),
    ("Representatives of five institutions gathered in Dakar on 3-4 October 2023 for a regional forum on social "
     "security.", ("2023-10-03", "2023-10-04")),
    # a date, then the event it dates
    ("Eighty counsellors took part in January 2023 in a SOCIEUX+ training course on guidance.",
     ("2023-01", "2023-01")),
    # a stated span, then another thing in a later ", and the …" clause
    ("Activities took place between February and June 2019, and the recommendations were presented to the Board "
     "in September.", ("2019-02", "2019-06")),
    # a follow-up still to come goes beyond the action
    ("The experts held a workshop in Santo Domingo on 9 and 10 November 2022. A follow-up workshop in Santiago, "
     "announced for the first half of 2023, will help the regional offices.", ("2022-11-09", "2022-11-10")),
    ("The experts held a workshop in Santo Domingo on 9 and 10 November 2022. A second workshop in Santiago is "
     "planned for the first half of 2023.", ("2022-11-09", None)),
    # what a new request could include is no activity still to come; an earlier action's year is not the period
    ("The webinar was held on 7 March 2023. DOLE then submitted a new request that could include a study visit to "
     "Spain later in 2023.", ("2023-03-07", "2023-03-07")),
    ("The training was held from 28 November to 2 December 2022. That first cooperation, implemented in 2020, had "
     "recommended a pool of trainers.", ("2022-11-28", "2022-12-02")),
])
def test_period_with_ids_and_experts(full_nlp: Language, description: str, expected: tuple) -> None:
    text, fields = listing("Support to the Ministry", description)
    assert period(run(full_nlp, text, fields)) == expected


@pytest.mark.parametrize(("description", "expected"), [
    # "It" right after a sentence naming the action is the action ...
    ("The action started in November 2021 with a mission to Praia. It ended in early 2022 with a remote follow-up "
     "session.", ("2021-11", "2022")),
    ("The present action, Action 2023-21, followed up on its results. It was implemented between 30 October 2023 and "
     "28 June 2024 by experts from Ireland. Activities included a study visit to Sweden in the second quarter of "
     "2024.", ("2023-10-30", "2024-06-28")),
    # ... not after a sentence about something else
    ("The Ministry adopted the Labour Code in 2015. It ended the old regime in 2016. Experts trained inspectors in "
     "May 2023.", ("2023-05", "2023-05")),
    # the action as subject across a participle phrase
    ("Action 2021-06, requested by the Ministry of Labour and Social Affairs of the Republic of Armenia, started in "
     "April 2021 and is in its second phase.", ("2021-04", None)),
    # the action closed, with when and where inserted before the object
    ("The Agency officially closed, on Tuesday 22 November 2022 in Abidjan, the technical cooperation action "
     "conducted since January 2022.", ("2022-01", "2022-11-22")),
    # the future of a relative clause after the date speaks of the cooperation, not of the date
    ("The experts carried out a diagnosis in November 2022. Since September 2022, the Ministry has been developing "
     "this cooperation with SOCIEUX+, which will continue in the second half of 2023.", ("2022-09", None)),
    # the action named after "but" is set against the contact before it; a dated closing event ends it
    ("A first exchange with SOCIEUX+ took place at a regional forum in Bali in November 2021, but the action itself "
     "was only launched in 2023. A closing webinar on 12 March 2024 presented the results.", ("2023", "2024-03-12")),
    # an undated closing event changes nothing
    ("The action was implemented on-site in mid-2022. Officials were invited to the closing workshop in Bissau.",
     ("2022", "2022")),
    # an undated final activity still to come keeps the action open
    ("The experts trained 20 inspectors in November 2021. A final activity to present the revised guidelines to "
     "the Deputy Minister will follow.", ("2021-11", None)),
    # a season ends before a later day of its year; a closing activity's days end the period
    ("In spring 2022, two experts carried out a diagnosis in Tunis. A delegation took part from 10 to 14 October "
     "2022 in a study visit to Lisbon. The study visit closed the action.", ("2022", "2022-10-14")),
    # the action's own span before "the action began with" keeps its end
    ("Implemented between March and September 2023, the action began with a mission to Abidjan that mapped the "
     "workflow.", ("2023-03", "2023-09")),
    # a figure's year dates the figure
    ("Specialists from Italy analysed the time taken to resolve applications, which in 2022 exceeded eight months "
     "on average.", (None, None)),
    # a bare year that lends itself to a finer date is its context; a delegation's visit dates a study-visit record
    ("In 2020, French experts trained 120 counsellors through the e-learning platform, from October to "
     "mid-December.", ("2020-10", "2020-12")),
    ("A delegation of eight officials visited the Austrian Public Employment Service (AMS) in Vienna in autumn "
     "2018.", ("2018", "2018")),
    # the years a plan-like thing covers, in the closing sentence, are its horizon
    ("Experts trained inspectors in February 2023. The action closed with a validation workshop in Dar es Salaam on "
     "6 and 7 December 2023, where the inspection calendar for 2024-2026 was presented.", ("2023-02", "2023-12-07")),
])
def test_the_action_by_pronoun_participle_contrast_and_closing(full_nlp: Language, description: str,
                                                                expected: tuple) -> None:
    text, fields = listing("Support to the Ministry", description)
    assert period(run(full_nlp, text, fields)) == expected


@pytest.fixture(scope="module")
def nlp_formats() -> Language:
    return build_nlp(["socieux_modality", "socieux_formats", "socieux_dates", "socieux_period"])


@pytest.mark.parametrize(("description", "expected"), [
    # an activity of the action dated where it is named dates the action
    ("Experts reviewed the claims procedures. A follow-up webinar on 5 September 2023 presented the results.",
     ("2023-09-05", "2023-09-05")),
    ("The plan was validated at a national forum in Funafuti on 30 May 2023.", ("2023-05-30", "2023-05-30")),
    ("In May 2022, a training of trainers was held in Batumi.", ("2022-05", "2022-05")),
    # a fronted date and the place of the activity before it
    ("The Ministry of Labour has organised, on 10 and 11 June 2024 at the Palace hotel in Dakar, a validation "
     "workshop on the minimum wage.", ("2024-06-10", "2024-06-11")),
    ("Between October and November 2023, a series of four webinars brought together job placement officers.",
     ("2023-10", "2023-11")),
    ("A Spanish expert reviewed the procedures in March 2023. A workshop in Accra on 12 June 2023 closed the action.",
     ("2023-03", "2023-06-12")),
    # terse entries: a verbless phrase that an activity opens and a date ends; a bracket naming the activity
    ("Online lectures by a German expert from the AOK and an Estonian expert for the staff of the Nepalese Health "
     "Insurance Board in 2022-2023.", ("2022", "2023")),
    ("Diagnosis of the labour inspection system and training of 40 inspectors by two French experts (mission to "
     "Lomé, March 2019).", ("2019-03", "2019-03")),
    ("The training of trainers for the staff of the Ministry prepared the reform of 2021.", (None, None)),
    # the dates of activities in a bracket after their noun; a person's career in a relative clause
    ("Two provincial trainings (12/03 – 16/03/2018 in Battambang and 19/03 – 23/03/2018 in Kampong Cham) equipped "
     "60 inspectors.", ("2018-03-12", "2018-03-23")),
    ("A British expert who worked for the Department for Work and Pensions from 1998 to 2015 assessed the tools.",
     (None, None)),
    # the years that data cover; the cooperation with SOCIEUX+ launched at a date
    ("The cooperation between the Agency and SOCIEUX+, launched in March 2023, began with a review. The experts "
     "built a profiling model on anonymised records from 2019 to 2022.", ("2023-03", None)),
    # a date of something else in the activity's sentence, a planned activity: no period
    ("Two years after the hurricane of September 2017, the fund asked for support to assess its pension branch.",
     (None, None)),
    ("A workshop to validate the protocol is planned in Brazzaville in September 2025.", (None, None)),
    ("The workshop presented the national strategy 2020-2024.", (None, None)),
    # a course of study is no programme a date belongs to: the activity the students attended is dated
    ("On 14 April 2022, students of the Master's programme in social work attended a guest lecture given by two "
     "experts.", ("2022-04-14", "2022-04-14")),
    ("In May 2023, students of the degree programme in social security followed a training by a Spanish expert.",
     ("2023-05", "2023-05")),
    ("Two experts delivered guest lectures to students of the Master of Public Health programme on 12-13 February "
     "2024.", ("2024-02-12", "2024-02-13")),
    ("Experts reviewed the files. The national cash transfer programme started in 2019.", (None, None)),
    # an activity the record later calls the action's third: its date is no start of the action
    ("From 13 to 17 May 2024, experts from France hosted a study visit in Paris. The study visit is the third "
     "activity of the action.", (None, "2024-05-17")),
    ("The action started in March 2024. From 13 to 17 May 2024, experts from France hosted a study visit in Paris. "
     "The study visit is the third activity of the action.", ("2024-03", None)),  # a start the action's own cue dates
])
def test_a_dated_activity_of_the_action_dates_it(nlp_formats: Language, description: str, expected: tuple) -> None:
    text, fields = listing("Support to the Ministry", description)
    assert period(run(nlp_formats, text, fields)) == expected


@pytest.fixture(scope="module")
def nlp_ids() -> Language:
    return build_nlp(["socieux_modality", "socieux_dates", "socieux_action_ids", "socieux_period"])


@pytest.mark.parametrize(("description", "expected"), [
    # the action doing its work up to now, in a relative clause
    ("It is part of SOCIEUX+ action 2022-39, which has been helping the IGSS revise its guidelines since "
     "October 2022.", ("2022-10", None)),
    # a date bracketed with a cited action is that action's
    ("The cooperation builds on a SOCIEUX+ webinar organised for the Department in 2021 (action 2021-09).",
     (None, None)),
    ("The cooperation builds on a webinar held in 2021 (action 2021-09). Action 2024-03 ran from March to "
     "May 2024.", ("2024-03", "2024-05")),
])
def test_what_an_action_id_says_about_dates(nlp_ids: Language, description: str, expected: tuple) -> None:
    text, fields = listing("Support to the Ministry", description)
    assert period(run(nlp_ids, text, fields, kind="news")) == expected


@pytest.mark.parametrize(("description", "expected"), [
    # the record states the action's span (its id, or "the action" as a strong cue's subject): a seminar
    # planned after it is a follow-up
    ("Action 2022-30 was carried out between October 2022 and March 2023 to help the Agency. A seminar to present "
     "the revised tool to the regional directors is planned for June.", ("2022-10", "2023-03")),
    ("The action was implemented in the second half of 2020. A seminar to present the results is scheduled for "
     "2021.", ("2020", "2020")),
    # a date in a sentence naming another action by its id is that action's
    ("The mission took place from 4 to 8 June 2018. The new request, Action 2021-08, is expected to mobilise experts "
     "and to start in mid-2021.", ("2018-06-04", "2018-06-08")),
    # "It" (the action) closing with an activity; "It consisted of" a single dated mission
    ("The support, registered as SOCIEUX+ action 2022-41, began in October 2022 with a remote diagnosis. It "
     "concluded with a one-week mission to Lusaka from 6 to 10 March 2023.", ("2022-10", "2023-03-10")),
    ("This action follows up on Action 2021-14. It consisted of a single mission to Tam Ky (09/09 – 13/09/2024).",
     ("2024-09-09", "2024-09-13")),
    # an activity's span is no span of the action: the action goes on
    ("The mission was conducted in March 2024. A second mission to Dili is planned for June 2024.",
     ("2024-03", None)),
    ("Following a request submitted in 2020, a Romanian expert carried out a mapping of the measures.", (None, None)),
    # the year of a request named with its requester
    ("The cooperation, requested by INAS in 2022 and implemented between March and August 2023, brought two "
     "experts.", ("2023-03", "2023-08")),
    ("The cooperation between the CNAMGS and SOCIEUX+ began in May 2022 and ended in February 2023.",
     ("2022-05", "2023-02")),
    # the action extended, then closed with an activity
    ("Action 2020-29 started in November 2020. The action was extended and closed in December 2021 with an online "
     "seminar.", ("2020-11", "2021-12")),
    # an action id is given in the year of the request: a review dated before it is not the action's
    ("Action 2021-12 supports the Fund, which is preparing a reform following the actuarial review completed in "
     "2020. Experts held three webinars for the board.", (None, None)),
    ("Action 2021-12 supports the Fund. The experts completed an actuarial review in 2021.", ("2021", "2021")),
])
def test_a_stated_span_of_the_action_is_not_left_open(nlp_ids: Language, description: str, expected: tuple) -> None:
    text, fields = listing("Support to the Ministry", description)
    assert period(run(nlp_ids, text, fields)) == expected


@pytest.mark.parametrize(("description", "expected"), [
    # a relative clause with a dash later in its sentence is no press dateline
    ("Under action 2021-30, which started in May 2021, three experts – two of them statisticians – compared the "
     "profiling tools.", ("2021-05", None)),
    # an action launched at a date starts then
    ("The unit is the main result of a SOCIEUX+ action launched in June 2023 at the request of the Authority.",
     ("2023-06", None)),
    # the experts' work going on since a date
    ("Since January 2024, the two experts have been working remotely with the Department on a review of the rules.",
     ("2024-01", None)),
    # dates of different precisions are ordered by the days they cover: the end of a year ends after its May
    ("A French expert carried out a diagnosis in May 2022, followed by remote coaching of the team until the end "
     "of 2022.", ("2022-05", "2022")),
    ("Experts trained the staff in late 2022 and in May 2022.", ("2022-05", "2022")),
    # a not-period cue of a coordinated clause with its own subject speaks for that clause only
    ("The diagnosis mission took place in Asunción from 07-10-2019 to 18-10-2019, and the plan was adopted by the "
     "Ministry in 2021.", ("2019-10-07", "2019-10-18")),
    # completing a mission, at the partner's request (the request's own date is another matter)
    ("A team of experts completed a mission to Addis Ababa from 20 to 31 January 2025 at the request of the "
     "Ministry.", ("2025-01-20", "2025-01-31")),
    # a document another body made is dated by its making, not by the experts' review of it
    ("Experts from Finland reviewed the actuarial valuation prepared by the Fund in 2019 and trained the "
     "staff in March 2021.", ("2021-03", "2021-03")),
    ("Experts from Finland reviewed the actuarial valuation prepared by the experts in 2019 and trained the "
     "staff in March 2021.", ("2019", "2021-03")),
    # the work going on with activities of its own after a mission; not with someone's support
    ("The experts were in Maputo from 13 to 17 November 2023. After the mission, the accompaniment continued at "
     "distance, with two online sessions in December 2023.", ("2023-11-13", "2023-12")),
    ("The cooperation continued with the support of the ILO in 2024.", (None, None)),
])
def test_more_sentences_dating_the_action(nlp: Language, description: str, expected: tuple) -> None:
    text, fields = listing("Support to the Ministry", description)
    assert period(run(nlp, text, fields)) == expected


@pytest.mark.parametrize(("description", "expected"), [
    # the last activity of the action: the latest dated activity ends the period
    ("The Board and SOCIEUX+ concluded on 10 June 2022 a training course for inspectors. The course was the last "
     "activity of SOCIEUX+ action 2021-62, which started in October 2021.", ("2021-10", "2022-06-10")),
    # ... unless the text dates the action's span itself
    ("On 26 October 2023, officers took part in a webinar. The webinar was the closing event of SOCIEUX+ action "
     "2022-63, which ran from February to October 2023.", ("2023-02", "2023-10")),
])
def test_the_last_activity_of_the_action(nlp_formats: Language, description: str, expected: tuple) -> None:
    text, fields = listing("Support to the Ministry", description)
    assert period(run(nlp_formats, text, fields)) == expected


@pytest.mark.parametrize(("description", "expected"), [
    # the activity that closed the action is dated in another sentence: its date ends the period
    ("The action started in March 2017 with a remote review. From 18 to 29 September 2017 the two experts were on "
     "an in-country mission. The action closed with the mission.", ("2017-03", "2017-09-29")),
    ("The Fund presented on 25 November 2020 the reform options at a closing forum in Bridgetown. The options were "
     "prepared with SOCIEUX+ action 2020-33, which began in June 2020. The forum closed the action.",
     ("2020-06", "2020-11-25")),
    # a date after "started in" in the closing sentence still starts the period
    ("Officials met from 10 to 12 February 2020 for a hybrid workshop in Pretoria. The workshop closed SOCIEUX+ "
     "action 2019-52, which started in November 2019 with an online review.", ("2019-11", "2020-02-12")),
    # the closing activity named by another form of its word ("presented" for "the presentation")
    ("The Fund presented on 14 September 2019 a plan for seafarers. The presentation, held in Funafuti, was the "
     "closing event of SOCIEUX+ action 2019-05. The action, which started in February 2019, began with a mapping.",
     ("2019-02", "2019-09-14")),
    # the last activity not dated where it is named: the record's latest day or month ends the period
    ("Two experts stayed in Noumea from 15 to 26 May 2023. Their work began in March 2023 with a review. The "
     "mission was the last activity of SOCIEUX+ action 2022-95.", ("2023-03", "2023-05-26")),
    # a closing meeting's days end the period, its first day does not start it (the action's own span would)
    ("Experts reviewed the rules. The action concluded with a national meeting in Lima on 22 and 23 November "
     "2022.", (None, "2022-11-23")),
    ("A study visit to Vilnius in March 2022 completed the action, which had been delivered online since "
     "September 2021.", ("2021-09", "2022-03")),
    # a launch in another clause of the closing sentence still starts the period
    ("The action began with a mission to Moroni in February 2018; the analysis was done remotely, and a seminar, "
     "held in Moroni in June 2018, closed the action.", ("2018-02", "2018-06")),
    # a date after "…, which began with" in the closing sentence only starts the period
    ("On 6 December 2019 the Commission validated the guidelines at a workshop in Castries. The workshop closed "
     "SOCIEUX+ action 2019-70, which began with two webinars for the directors in September 2019.",
     ("2019-09", "2019-12-06")),
    ("The action took the form of a five-day training of trainers in Parakou, from 2 to 6 December 2019, given by "
     "two experts.", ("2019-12-02", "2019-12-06")),
    # what the action consisted of; an abbreviation ("St. John's") ends no sentence
    ("The action consisted of a one-week mission to St. John's in June 2017, during which they carried out the "
     "audit.", ("2017-06", "2017-06")),
    # the action's own cue gives only its end: the start comes from the other dated work
    ("The two experts worked with the Ministry's planning unit between July and September 2022. The action ended "
     "on 12 October 2022 with the discussion of their recommendations.", ("2022-07", "2022-10-12")),
    # "They" stands for the subject of the sentence before: the webinars
    ("A series of four webinars began on 20 August 2020 and ended on 17 September 2020. The webinars replaced a "
     "training that was cancelled. They were the only activities of SOCIEUX+ action 2020-07.",
     ("2020-08-20", "2020-09-17")),
    # the only activity of the action: its dates start and end the period
    ("Inspectors took part from 25 to 29 April 2022 in a training held in Kingstown. The training was the only "
     "activity of SOCIEUX+ action 2021-63.", ("2022-04-25", "2022-04-29")),
    ("Between 6 September and 10 December 2020, 24 officers took part in a training of trainers, the only activity "
     "of SOCIEUX+ action 2020-41. In November 2020 a virtual tour replaced the study visit.",
     ("2020-09-06", "2020-12-10")),
    # a participle clause closing the action
    ("A Portuguese expert first reviewed the collection procedures in Praia in March 2023. A training session for "
     "inspectors followed in Praia from 12 to 16 June 2023, closing the action.", ("2023-03", "2023-06-16")),
    # "comes to a close" after "this <activity>": the activity just reported ends it
    ("SOCIEUX+ action 2023-31 started in November 2023 with online exchanges. The experts then worked in Windhoek "
     "from 11 to 15 March 2024. With this mission, SOCIEUX+ action 2023-31 comes to a close. The Ministry will "
     "hold a meeting with employers in May 2026.", ("2023-11", "2024-03-15")),
    # the last activity with its rank, or qualified before its noun
    ("The experts spent two weeks in Dushanbe, from 23 October to 3 November 2023. It was the second and final "
     "activity of SOCIEUX+ action 2022-40, which started with an online assessment in spring 2023.",
     ("2023", "2023-11-03")),
    ("In late April 2024 I joined my colleague from Finland in Hanoi for the final, in-person part of a SOCIEUX+ "
     "action with the department. In January 2024 the two experts had worked online with its team.",
     ("2024-01", "2024-04")),
])
def test_the_activity_that_closed_the_action(nlp_formats: Language, description: str, expected: tuple) -> None:
    text, fields = listing("Support to the Ministry", description)
    assert period(run(nlp_formats, text, fields)) == expected


@pytest.mark.parametrize("description", [
    # "activity" names no particular activity: a date of the partner's own "Institute of Social Activities" is no link
    "Following the last analysis carried out by the Institute of Social Activities in June 2022, experts from "
    "Portugal were mobilised. The third and last activity concluded the technical cooperation with a framework.",
    # who closed the action is no activity ("The experts concluded their action"); their dates elsewhere are not its end
    "The Board wrote to the experts on 3 May 2022 about the law. The experts concluded their action.",
])
def test_a_closing_cue_without_a_dated_activity_gives_no_end(nlp_formats: Language, description: str) -> None:
    text, fields = listing("Support to the Ministry", description)
    assert period(run(nlp_formats, text, fields))[1] is None


@pytest.mark.parametrize(("description", "expected"), [
    # the action's first activity: more is to come, the end stays open
    ("Case managers were trained in Oranjestad from 3 to 7 March 2025 by two experts. It was the first activity of "
     "SOCIEUX+ action 2024-91. A second mission is foreseen later this year.", ("2025-03-03", None)),
    # ... unless the record says the action ended
    ("Case managers were trained from 3 to 7 March 2025 by two experts, the first activity of SOCIEUX+ action "
     "2024-91. A webinar on 2 May 2025 was the last activity of the action.", ("2025-03-03", "2025-05-02")),
    # the partner's own future event keeps no action open
    ("From September to December 2023 two experts carried out a gap analysis. The Administration will hold its own "
     "webinar for employers in March 2024.", ("2023-09", "2023-12")),
    # an end said to close the action stays: what is planned after it is a follow-up
    ("Experts from Denmark reviewed the data in February 2024. The same experts then delivered a training course to "
     "25 officers, which closed the action in May 2024. A webinar for other ministries is planned for early 2025.",
     ("2024-02", "2024-05")),
    ("Experts from Denmark reviewed the data in February 2024. The same experts then delivered a training course to "
     "25 officers in May 2024. A webinar for other ministries is planned for early 2025.", ("2024-02", None)),
    # the partner presenting the results at another body's event keeps no action open
    ("Between January and June 2024 the service worked with two experts. The service will share the results at the "
     "European Social Network conference in Vilnius in October 2024.", ("2024-01", "2024-06")),
    ("Two experts worked with the bureau from November 2023 to March 2024. The Ministry intends to present first "
     "results at the SADC Employment and Labour Sector meeting scheduled for May 2026.", ("2023-11", "2024-03")),
    # another body's named event, an organisation named "Forum": no activity of the action to come
    ("Two experts ran a workshop in Suva from 22 to 24 August 2022. Officials attended at the invitation of the "
     "Forum Secretariat, ahead of the Pacific Labour Mobility Conference to be held in Nadi in November 2026.",
     ("2022-08-22", "2022-08-24")),
    # a launch event only starts the action: more is to come
    ("The launch meeting, held on 7 February 2024 in Nairobi, gathered the Ministry and two SOCIEUX+ experts. Over "
     "the coming months, the action will include workshops.", ("2024-02-07", None)),
    # a forum still to come that ends the action keeps it open
    ("From 8 to 12 April 2024 the agency hosted a workshop with two experts, the third activity of the cooperation "
     "launched with SOCIEUX+ in September 2023. It will end in June 2026 with a forum for employers.",
     ("2023-09", None)),
    # a later activity told as done: the record has gone past the first one, its dates stand
    ("The action was implemented from March to May 2023 through two missions to Albania. During the first mission, "
     "on 6-10 March, the experts audited the planning process. The second mission, on 8-12 May, was devoted to "
     "training 35 inspectors.", ("2023-03", "2023-05")),
    # ... not one still to come
    ("The action was implemented from March to May 2023. During the first mission, on 6-10 March, the experts "
     "audited the planning process. The second mission is planned for October 2023.", ("2023-03", None)),
])
def test_activities_still_to_come(nlp_formats: Language, description: str, expected: tuple) -> None:
    text, fields = listing("Support to the Ministry", description)
    assert period(run(nlp_formats, text, fields)) == expected


@pytest.mark.parametrize(("description", "expected"), [
    # the first activity dates the start where it is named, the end stays open
    ("Social workers took part in a five-day training of trainers held in Skopje from 19 to 23 September 2022. The "
     "training is the first activity of SOCIEUX+ action 2021-90.", ("2022-09-19", None)),
    # ... else the earliest dated activity ("the first phase", "marked the start of")
    ("The experts arrived in Kano on 14 June 2023 and spent ten days with the board. The visit was the first phase "
     "of the SOCIEUX+ support to the board.", ("2023-06-14", None)),
    ("The assessment was conducted from 3 to 18 June 2019 by two experts. The mission marked the start of the "
     "cooperation, which will continue with guidelines.", ("2019-06-03", None)),
    # "brought … action <id> to an end": an agent named mid-sentence is not the closing sentence's subject
    ("A seminar was held in Beijing on 12-13 July 2022. The seminar was organised by the Ministry with SOCIEUX+, and "
     "brought SOCIEUX+ action 2021-77 to an end.", ("2022-07-12", "2022-07-13")),
])
def test_the_first_activity_and_more_closing_sentences(nlp_formats: Language, description: str, expected: tuple) -> None:
    text, fields = listing("Support to the Ministry", description)
    assert period(run(nlp_formats, text, fields)) == expected


def test_which_had_started_with_starts_and_the_closing_activity_ends(full_nlp: Language) -> None:
    body = ("Before we travelled, we met the inspectors online three times, in July and August. From 13 to 24 September "
            "we gave a course to 25 inspectors, and on the last day we presented the guide at a seminar. The course and "
            "the seminar completed SOCIEUX+ action 2021-22, which had started with those online meetings in July.")
    doc = run(full_nlp, "05/10/2021\nHeadline\n" + body,
              {"date_line": "05/10/2021", "title": "Headline", "description": body}, kind="news", year=2021)
    assert period(doc) == ("2021-07", "2021-09-24")


def test_and_closed_with_ends_the_period(nlp_formats: Language) -> None:
    text, fields = listing("Support to the Ministry", "Experts mapped the procedures from July to October 2020. On 15 "
                           "October 2020 they presented the proposal. Action 2020-22 started in July 2020 with the "
                           "mapping and closed with a workshop on 20 November 2020.")
    assert period(run(nlp_formats, text, fields))[1] == "2020-11-20"


def test_they_after_the_experts_sentence_are_the_experts(full_nlp: Language) -> None:
    text, fields = listing("Support to the Ministry", "The analysis was carried out by a statistician from Tartu and "
                           "a Moroccan specialist. Working on-line from March to the end of July 2021, they tested "
                           "several versions of the formula.")
    assert period(run(full_nlp, text, fields)) == ("2021-03", "2021-07")


def test_a_first_step_keeps_the_end_open_despite_a_completed_review(full_nlp: Language) -> None:
    text, fields = listing("Support to the Ministry", "The Institution has completed a review of its medical services "
                           "with two experts. From 6 to 14 June 2022, the experts held consultations in Peshawar. The "
                           "mission was the first step of SOCIEUX+ action 2022-18.")
    assert period(run(full_nlp, text, fields)) == ("2022-06-06", None)


def test_an_activity_years_before_the_news_item_is_an_earlier_ones(nlp: Language) -> None:
    text = ("20/06/2019\nHeadline\nThe assessment was conducted from 3 to 18 June by two experts. The programme was "
            "first reviewed in 2014 by a team of peers.")
    doc = run(nlp, text, {"date_line": "20/06/2019", "title": "Headline",
                          "description": "The assessment was conducted"}, kind="news", year=2019)
    assert period(doc)[0] == "2019-06-03"


@pytest.mark.parametrize(("description", "expected"), [
    # a cited action's date right after its id (action ids come from socieux_action_ids: the whole pipeline)
    ("The experts facilitated a three-day workshop on 10-12 March 2025. It follows the assessment carried out under "
     "SOCIEUX+ action 2023-44 in 2024.", ("2025-03-10", "2025-03-12")),
    # the action named as a SOCIEUX+ cooperation dates it; the facility's actions in general date nothing
    ("In spring 2022, two Kela experts took part in a SOCIEUX+ cooperation with the Social Fund. Kela has "
     "contributed experts to its actions since 2017.", ("2022", "2022")),
    # a relative clause saying the cooperation closed with the event dated in its sentence
    ("From January to March 2024, two experts reviewed the benefit package. The Fund held a validation workshop on "
     "2 October 2024, the main result of its cooperation with SOCIEUX+, which closed with this event.",
     ("2024-01", "2024-10-02")),
    # a date after an end word, before "a cooperation that opened with …", ends the period (the start clause
    # speaks of what follows it)
    ("The last of three activities ended in Lomé on 28 June 2024, bringing to a close a cooperation that opened with "
     "a needs assessment.", ("2024-06-28", "2024-06-28")),
    # "and will …" opens a second verb in the future: the first verb's date is realised
    ("The mission is part of SOCIEUX+ action 2024-09, which started in spring 2024 and will continue in 2025 with a "
     "second mission.", ("2024", None)),
])
def test_dates_of_cited_actions_and_of_the_facility_are_not_the_period(description: str, expected: tuple) -> None:
    from pipeline.run import get_nlp

    full = get_nlp()
    assert period(run(full, *listing("Support to the Fund", description))) == expected


@pytest.mark.parametrize(("description", "expected"), [
    # a first-person post by one of the experts: "I" and "we" are the action's agents
    ("I just came back from Dushanbe, where I worked, as a Polish expert, with a Slovak colleague. After three "
     "weeks of online preparation in May 2023, we spent 5-9 June 2023 in Dushanbe.", ("2023-05", "2023-06-09")),
    ("This month I returned from my first SOCIEUX+ assignment. Then, from 25 November to 6 December 2024, we were "
     "in Santo Domingo.", ("2024-11-25", "2024-12-06")),
    # ... not the "we" of an official who is no expert of the action
    ("The Director said: we visited 300 offices in 2022. Two experts from Spain ran a workshop.", (None, None)),
    ("When SOCIEUX+ asked me whether I would join action 2023-12, I said yes. After the mission we continued with "
     "three online coaching sessions, from August to mid-September 2023.", ("2023-08", "2023-09")),
])
def test_a_first_person_post_by_an_expert(description: str, expected: tuple) -> None:
    from pipeline.run import get_nlp  # socieux_experts marks the writer as one of the experts

    assert period(run(get_nlp(), *listing("A post", description))) == expected


@pytest.mark.parametrize(("description", "expected"), [
    # a closing cue after a launch in one sentence: the second date ends the period
    ("The action was launched at a kick-off event in Kathmandu on 11 January 2023 and closed with a validation "
     "workshop held at the head office on 28 April 2023.", ("2023-01-11", "2023-04-28")),
    # a decade is no action's time
    ("The experts presented the Swedish scheme, which has inspired pension reforms in the Baltic states since the "
     "1990s.", (None, None)),
])
def test_a_launch_then_a_close_and_a_decade(full_nlp: Language, description: str, expected: tuple) -> None:
    assert period(run(full_nlp, *listing("Employment injury scheme", description))) == expected


def test_the_cooperation_said_to_continue_stays_open(full_nlp: Language) -> None:
    text, fields = listing("Supported employment", "Two Slovak counsellors spent the week of 18–22 September 2023 in "
                           "Chișinău. The cooperation will continue next year, when managers are expected to come to "
                           "Slovakia on a study visit.")
    assert period(run(full_nlp, text, fields)) == ("2023-09-18", None)


@pytest.mark.parametrize(("description", "expected"), [
    # the last activity of a "technical" cooperation: what is planned after it is a follow-up
    ("Counsellors completed a week of training in Quetzaltenango from 23 to 27 October 2023, the last activity of a "
     "technical cooperation that began with a remote diagnosis. A webinar is planned for early 2024 to share the "
     "results.", ("2023-10-23", "2023-10-27")),
    # a not-period cue across a preposition holds its date, also in the closing sentence
    ("Portuguese experts mapped the processes remotely. The action concluded with a study visit to Praia to learn "
     "from the electronic declarations, introduced in 2017.", (None, None)),
])
def test_a_closing_sentences_other_dates(nlp_formats: Language, description: str, expected: tuple) -> None:
    assert period(run(nlp_formats, *listing("Support to the Service", description))) == expected
