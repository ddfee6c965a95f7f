"""Tests of `socieux_modality`: formats and delivery count only activities that took place in this action."""

from __future__ import annotations

import pytest
import srsly
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.modality import KINDS, MARKERS_KEY, still_to_come, unrealised
from pipeline.extract import annotate
from pipeline.facts import facts
from pipeline.nlp import build_nlp
from pipeline.paths import PATTERNS_DIR

TITLE = "Support to the National Provident Fund"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp(["socieux_modality", "socieux_delivery", "socieux_formats"])


def run(nlp: Language, description: str) -> Doc:
    return annotate(nlp, f"  • {TITLE}\n\n    National Provident Fund\n    {description}",
                    {"title": TITLE, "description": description})


def found(doc: Doc) -> tuple[str | None, set[str]]:
    delivery = next((f.value for f in facts(doc) if f.field == "delivery"), None)
    return delivery, {f.value for f in facts(doc) if f.field == "format"}


CASES = [
    # planned as on-site, then moved online: the on-site cue did not happen
    ("Initially planned as on-site missions, the activities were moved online.", ("remote", set())),
    # planned, future, under consideration: not this action's activities (yet)
    ("The work plan foresees a mission to Honiara in May, during which the experts will review the channels, "
     "followed by a training of trainers in the third quarter of 2025.", (None, set())),
    ("A study visit to Fiji is also under consideration.", (None, set())),
    # a list of activities still to come
    ("Planned activities include an assessment of current services, a training for case managers and a seminar "
     "with employers.", (None, set())),
    ("The next activity, a training of trainers for 40 social workers in Tbilisi, Kutaisi and Batumi, is planned "
     "for December.", (None, set())),
    ("A final online seminar will review the results.", (None, set())),
    ("The Ministry intends to hold a workshop in Suva.", (None, set())),
    ("Officials attended ahead of the Pacific Labour Mobility Conference to be held in Nadi in November 2022.",
     (None, set())),
    # what a cancelled mission was turned into took place
    ("The action, initially planned as a mission to Lomé in 2020, was cancelled due to COVID-19 and reorganised as a "
     "distant cooperation from February to May 2021.", ("remote", set())),
    # cancelled or postponed
    ("A validation workshop, initially planned in San Pedro Sula for 12 June 2024, has been cancelled.", (None, set())),
    ("The action was initially meant to bring experts to Antananarivo but had to be redesigned as a distant cooperation.",
     ("remote", set())),
    ("A mission to Brazzaville and Pointe-Noire, planned for July 2023, had to be postponed.", (None, set())),
    # a proposal that was dropped
    ("A study visit to Seoul that they proposed was not retained.", (None, set())),
    ("The mission has been rescheduled for late January 2024.", (None, set())),
    ("The study visit could not take place.", (None, set())),
    ("A study visit to the CAMU in Brazzaville was discussed but postponed.", (None, set())),  # one clause
    ("A seminar was held online, but the study visit was cancelled.", ("remote", {"seminar"})),  # two clauses
    ("The mission planned for December 2021 was postponed, and a workshop with the Ministry was finally held in "
     "Djibouti.", (None, {"workshop"})),  # ", and" opens a second clause with its own subject
    ("A mission to Port Vila and Luganville, pencilled in for July, was called off.", (None, set())),
    # a subordinate clause of time or cause has its own verb ("borders closed" says nothing of the mission)
    ("The mission to Chisinau planned for 23-27 March 2020 under the action with the National Employment Agency "
     "(ANOFM) of the Republic of Moldova was cancelled when borders closed.", (None, set())),
    ("A study visit to the Huelva province of Spain is not part of this action.", (None, set())),
    ("Training was delivered online, as movement restrictions made missions impossible.", ("remote", {"training"})),
    ("The action followed up on an analysis of the Agency's services.", (None, set())),
    ("The experts ran two training sessions in Tbilisi and followed up online.", ("remote", {"training"})),
    # a format first planned that took place in the end
    ("The validation workshop, initially scheduled for 31/04/2023, finally took place in Maputo on 2 May 2023.",
     (None, {"workshop"})),
    ("An Irish expert reviewed the claims circuit and proposed a simplified workflow.", (None, {"assessment"})),
    # an earlier action's activity
    ("It builds on an earlier SOCIEUX+ assessment of the migration unit (Action 2021-26).", (None, set())),
    ("In two earlier online sessions, the experts reviewed the draft methodology.", ("remote", {"assessment"})),
    # what could happen did not
    ("The coaching was delivered online. A face-to-face follow-up could be organised in Suva next year.",
     ("remote", set())),
    ("The experts trained the staff. An online training on projections could complete the action.",
     (None, {"training"})),
    # what the record builds on, also over its noun phrase's own words, is earlier work
    ("The policy draws on a social protection diagnostic carried out in 2019 by the Government.", (None, set())),
    ("The action builds on the results of a workshop held in May 2023.", (None, {"workshop"})),
    # what the record builds on was the action's own earlier step
    ("The workshop built on an assessment of the procedures for sickness benefits, carried out by the same team in "
     "the first activity of the action.", (None, {"workshop", "assessment"})),
    ("The experts will hold a workshop in the second phase of the action.", (None, set())),
    # what had to be organised online was
    ("Because of the pandemic, the kick-off workshop had to be organised online in November 2021.",
     ("remote", {"workshop"})),
    # ... a possibility about something else says nothing of the activity
    ("A review of the instruments has been conducted, which helped to determine how they might be adapted.",
     (None, {"assessment"})),
    # what took place stays, also next to what did not
    ("Experts delivered three workshops in 2023 and will hold a final seminar in 2024.", (None, {"workshop"})),
    ("A seminar was held online in May; the study visit was cancelled.", ("remote", {"seminar"})),
    ("The mission, postponed in 2020, took place in March 2021.", ("onsite", set())),
    ("The workshop was held as planned in March.", (None, {"workshop"})),
    ("The second mission was postponed due to COVID-19.", ("onsite", set())),  # a first one took place
    ("Activities were conducted remotely due to COVID-19.", ("remote", set())),
    ("Remote coaching of the counsellors is due to begin in July 2024.", (None, set())),
    ("The experts reviewed the draft law that will enter into force in 2025 and trained 30 inspectors online.",
     ("remote", {"assessment", "training"})),
    ("Experts designed a communication plan to increase the visibility of the training workshop.",
     (None, {"training", "workshop"})),
    # what the people trained will do is no marker of the training ("…, who will in turn train …")
    ("The experts ran a training of trainers in 2024 for 24 assessors, who will in turn train their colleagues.",
     (None, {"training"})),
    # "future" speaks of the noun right after it: the course for future coaches took place
    ("Experts designed an e-learning course for future job coaches in 2023.", ("remote", {"training"})),
    ("A possible study visit to Riga was discussed.", (None, set())),
    # "never" before the activity's own verb
    ("The experts never travelled to Khartoum: the whole action was run online.", ("remote", set())),
    # a relative clause about an earlier action the record builds on is that action's (up to its comma)
    ("The action builds on Action 2019-21, in which SOCIEUX+ supported the Services in reviewing their "
     "employment injury benefit.", (None, set())),
    # ... a plural subject's verb too
    ("The webinars follow up on action 2020-33, in which SOCIEUX+ reviewed the legal framework.",
     ("remote", {"webinar"})),
    # ", once <subject> …" is a condition's own clause: its verb decides nothing for the planned workshop
    ("A follow-up workshop to train the regional offices is planned for spring 2024, once the model has been "
     "validated by the IT department.", (None, set())),
    # experts brought to a place, their origin between
    ("This question brought experts from Latvia's NVA and from ZUS to Tbilisi in September.", ("onsite", set())),
    # an earlier premodifier before the cited id, like a clause verb; an earlier action's own relative clause
    ("The groundwork was laid by an earlier SOCIEUX+ action (2018-09), in which experts compared the law with "
     "international standards. This time, the experts ran a workshop.", (None, {"workshop"})),
    ("Unlike the earlier action, which relied on a review of the files, this phase delivered training sessions.",
     (None, {"training"})),
    # an earlier action as the subject of its clause: its predicate is that action's, up to the sentence's end
    ("In 2020, a previous SOCIEUX+ action (2019-22) had mobilised experts to analyse the assessment system. This "
     "time, the experts ran a workshop in Chisinau.", (None, {"workshop"})),
    ("An earlier mission reviewed the law, while this action trained twenty inspectors.", (None, {"training"})),
    # ... not an earlier action named after a preposition
    ("Building on a previous action, the experts reviewed the law.", (None, {"assessment"})),
    # a fronted "Building on …" phrase, up to its comma, is about the earlier work
    ("Building on the guide produced by Belgian experts after a review under Action 2020-14, the Ministry asked "
     "for a training of inspectors, which took place in May.", (None, {"training"})),
    ("Building on the findings of the diagnostic mission in May, the experts delivered a training in September.",
     ("onsite", {"training", "assessment"})),
    ("Building on Action 2021-08, which supported the Service during the crisis, this action held a validation "
     "workshop.", (None, {"workshop"})),
    # ... also with its id in brackets and a participle's apposition before the relative clause
    ("The action follows a first action (2020-08), carried out remotely between October 2020 and March 2021, which "
     "produced a diagnosis of the services. A first mission to Tashkent took place in May 2024 with a workshop.",
     ("onsite", {"workshop"})),
    # an activity another one replaced did not take place; the one that replaced it did
    ("In November a virtual tour of the Fund's offices replaced the study visit to Amman that the Fund had "
     "initially requested.", ("remote", set())),
    ("Three webinars were held instead of a mission to Dili.", ("remote", {"webinar"})),
    # a clause about an activity, not about people, still carries its markers
    ("A mission, which was planned for July 2023, had to be postponed.", (None, set())),
    # an activity taken off the plan or not carried out did not take place
    ("The work was done online. A study visit to Vienna, first part of the plan, was dropped for lack of funds.",
     ("remote", set())),
    ("A field mission to test the tools, considered for 2022, was not carried out.", (None, set())),
    # a participle naming the host says no tense: the intent before it decides
    ("In May, six officials are expected to travel to Lisbon for a study visit hosted by the Portuguese Social "
     "Security Institute.", (None, set())),
    ("A study visit hosted by the Portuguese Social Security Institute took place in May.",
     ("onsite", {"study_visit"})),
    # a subject's intent ("plans to", "hopes to") is still to come; a plan as a noun is no intent
    ("The Agency plans to run a workshop for employers in 2025.", (None, set())),
    ("The experts presented the action plan to reduce informality in a workshop.", (None, {"workshop"})),
    ("I plan to run a workshop with the regional offices next year.", (None, set())),
    # a wish is still to come: "would love to", "would like to"
    ("The webinars went well, but I would love to meet the counsellors in person in Suva.",
     ("remote", {"webinar"})),
    ("We would like to organise a study visit to Tallinn next year.", (None, set())),
    # ", and that …" opens a new clause: the mission it speaks of is not the one still to come
    ("The director said that a mission took place in Amman, and that the experts will run a workshop in May.",
     ("onsite", set())),
    ("Next comes a communication plan to increase the visibility of the practices shown in the training workshop.",
     (None, {"training", "workshop"})),
    # what a new request could include has not taken place
    ("The Bureau followed the webinar. DOLE then submitted a new request that could include a study visit to Spain.",
     ("remote", {"webinar"})),
    # another action's work told in the past perfect, its id the subject or opening the clause; "that first
    # cooperation" with a participle's apposition before its verb
    ("The experts held a workshop. Under Action 2020-12, experts had supported the bulletin, and Action 2021-30 had "
     "trained its analysts online.", (None, {"workshop"})),
    ("The experts held a workshop. That first cooperation, implemented in 2020, had trained the counsellors online.",
     (None, {"workshop"})),
    ("Action 2021-30 trained the analysts online.", ("remote", {"training"})),
    # the action's own first step or history, before the cue, over a pluperfect
    ("The experts had already supported the Fund in March, during a first activity dedicated to the analysis of "
     "its practices.", (None, {"assessment"})),
    ("The visit concluded an action in which two French experts had previously supported the Service with a "
     "diagnosis of its procedures.", (None, {"assessment"})),
    ("The training built on an assessment of the e-services carried out by the same experts earlier in the action.",
     (None, {"assessment", "training"})),
    ("SOCIEUX+ had already supported the Fund in 2019 with a diagnosis of its procedures.", (None, set())),
    ("The visit was accompanied by an expert who had already led the earlier online activities of the action.",
     ("remote", set())),
    # the action's experts' own earlier step in the past perfect took place in this action; the partner's own earlier
    # work did not
    ("The plan was drafted with a Portuguese expert, who had earlier carried out a review of the regulations.",
     (None, {"assessment"})),
    ("The programme was built by a Belgian expert, who had earlier delivered a series of online workshops.",
     ("remote", {"workshop"})),
    ("The revision of the scheme, whose sustainability the Corporation had examined in an actuarial review in 2022, "
     "continues with the experts.", (None, set())),
    ("The Ministry had requested a study visit, which took place in May.", ("onsite", {"study_visit"})),
    # a mission that "could not be maintained"; what an activity was first conceived as
    ("The training, planned in Rabat, was finally delivered online when the mission of the two experts could not be "
     "maintained as scheduled.", ("remote", {"training"})),
    ("Initially conceived as a webinar, the seminar was eventually held in person.", ("onsite", {"seminar"})),
    ("Initially designed as a peer-to-peer mission to Chisinau, the action was delivered through online workshops.",
     ("remote", {"workshop"})),
    ("We could not meet in Bogotá, but the virtual format allowed everyone to follow the congress.",
     ("remote", {"conference"})),
    # those who could not travel followed online: the online part took place
    ("Participants who could not travel to Abidjan followed the proceedings on-line.", ("remote", set())),
    # the next steps an activity discussed; the next activity still to come
    ("On the second day, a workshop with the Ministry's staff discussed the next steps.", (None, {"workshop"})),
    ("The next activity, a workshop with the Ministry's staff, is planned for December.", (None, set())),
    # a fronted "After …" phrase: its activity came before what the main clause says
    ("After an initial assessment mission in autumn 2019, the second activity, scheduled for April 2020, was "
     "postponed.", ("onsite", {"assessment"})),
    ("Following the workshop, which was cancelled, the experts worked online.", ("remote", set())),
]


@pytest.mark.parametrize(("description", "expected"), CASES, ids=[c[0][:45] for c in CASES])
def test_only_activities_that_took_place_count(nlp: Language, description: str, expected) -> None:
    assert found(run(nlp, description)) == expected


def test_without_markers_nothing_is_unrealised(nlp: Language) -> None:
    doc = run(nlp, "Two webinars on pension reform.")
    assert not unrealised(doc, 0, len(doc.text))
    assert all(markers == [] for markers in doc.user_data[MARKERS_KEY].values())  # the clauses read had none


def test_markers_are_read_only_for_the_clauses_cues_ask_about(nlp: Language) -> None:
    doc = run(nlp, "The experts delivered a webinar; a mission to Dakar will follow.")
    clauses = doc.user_data[MARKERS_KEY]
    assert len(clauses) == 2  # the webinar's clause and the mission's (formats and delivery asked)
    # the webinar's clause has no unrealised marker, so its realised one is never read
    assert sorted(kind for markers in clauses.values() for _, _, kind, _ in markers) == ["unrealised"]


@pytest.mark.parametrize(("description", "date", "expected"), [
    # planned or future: still to come
    ("A final seminar in Kyiv is planned for December 2024.", "December 2024", True),
    ("The two experts will travel to Nauru in February 2023.", "February 2023", True),
    ("The action will end with a webinar on data protection, scheduled for July 2025.", "July 2025", True),
    # cancelled or postponed: will not take place as planned
    ("A study visit to Kigali, foreseen for 2020, was cancelled because of COVID-19.", "2020", False),
    ("The second mission, scheduled for August 2018, was postponed indefinitely.", "August 2018", False),
    # took place, or an earlier action's
    ("A workshop was held in May 2023.", "May 2023", False),
    ("It builds on an earlier assessment in 2021.", "2021", False),
])
def test_still_to_come(nlp: Language, description: str, date: str, expected: bool) -> None:
    doc = run(nlp, description)
    start = doc.text.index(date)
    assert still_to_come(doc, start, start + len(date)) is expected


def test_every_pattern_has_a_kind_and_a_comment() -> None:
    for entry in srsly.read_jsonl(PATTERNS_DIR / "modality.jsonl"):
        assert entry["id"].split(":")[0] in KINDS
        assert entry.get("comment"), entry["id"]
